/** The languages Dealdesk reads: every article, sentence and stem is German or English. */
export type Lang = 'de' | 'en';
