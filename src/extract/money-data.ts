/**
 * Vocabulary of the quantity grammar in `money.ts`: scales, currencies, qualifiers, number words,
 * percent markers and count nouns. Everything language-specific lives here; the grammar only
 * knows how the pieces fit together.
 *
 * Phrases are written as they appear in text ("bis zu", "US-Dollar", "ca.") and are tokenised by
 * the same tokeniser as the input, so a space in a phrase means "whitespace here" and no space
 * means "directly adjacent". Matching is case-insensitive, except for all-caps tokens of two or
 * more letters ("USD", "US", "CHF"), which must match exactly (so "eur" or "us" never match).
 */
import type { Qualifier } from './types.ts';
import type { Lang } from '../text/lang.ts';

/** A multiplier word after the number: "Mrd.", "billion", "bn", "$5m". */
export interface ScaleEntry {
  /** Lower-case word forms. */
  words: readonly string[];
  /** Power of ten: 9 for billions. */
  exp: number;
  /** Abbreviation that may carry a trailing period, which then belongs to the match ("Mio."). */
  abbrev?: boolean;
  /** Single-letter suffix ("$5m", "$13B"): only directly attached to the digits, and only for money. */
  attachedOnly?: boolean;
  /** Only in text of this language ("Billion" is 10^12 in German, 10^9 in English). */
  lang?: Lang;
}

export const SCALES: readonly ScaleEntry[] = [
  { words: ['tsd'], exp: 3, abbrev: true },
  { words: ['tausend', 'thousand'], exp: 3 },
  { words: ['k'], exp: 3, attachedOnly: true },
  { words: ['mio'], exp: 6, abbrev: true },
  { words: ['million', 'millionen', 'millions', 'mn', 'mln'], exp: 6 },
  { words: ['m'], exp: 6, attachedOnly: true },
  { words: ['mrd', 'mrds'], exp: 9, abbrev: true },
  { words: ['milliarde', 'milliarden', 'bn', 'bln'], exp: 9 },
  { words: ['b'], exp: 9, attachedOnly: true },
  { words: ['billion', 'billions'], exp: 9, lang: 'en' },
  { words: ['billion', 'billionen'], exp: 12, lang: 'de' },
  { words: ['trillion', 'trillions', 'tn', 'trn'], exp: 12 },
  { words: ['t'], exp: 12, attachedOnly: true },
];

/** A currency and the ways it is printed before (`$5`, `CHF 5`) or after (`5 Dollar`, `5 CHF`) the amount. */
export interface CurrencyEntry {
  /** ISO 4217 code. */
  code: string;
  before: readonly string[];
  after: readonly string[];
}

export const CURRENCIES: readonly CurrencyEntry[] = [
  {
    code: 'USD',
    before: ['$', 'US$', 'US $', 'USD'],
    after: ['$', 'US$', 'USD', 'Dollar', 'Dollars', 'US-Dollar', 'US-Dollars', 'US Dollar', 'US dollars', 'U.S. dollars'],
  },
  { code: 'EUR', before: ['€', 'EUR'], after: ['€', 'EUR', 'Euro', 'Euros'] },
  { code: 'CHF', before: ['CHF', 'SFr.'], after: ['CHF', 'Franken', 'Schweizer Franken', 'Swiss francs', 'francs'] },
  { code: 'GBP', before: ['£', 'GBP'], after: ['£', 'GBP', 'Pfund', 'Pfund Sterling', 'britische Pfund', 'pounds', 'pound', 'pounds sterling'] },
  { code: 'JPY', before: ['¥', 'JPY'], after: ['¥', 'JPY', 'Yen'] },
  {
    code: 'CAD',
    before: ['C$', 'CA$', 'CAD'],
    after: ['CAD', 'kanadische Dollar', 'kanadischen Dollar', 'kanadischer Dollar', 'Canadian dollars', 'Canadian dollar'],
  },
  {
    code: 'AUD',
    before: ['A$', 'AU$', 'AUD'],
    after: ['AUD', 'australische Dollar', 'australischen Dollar', 'australischer Dollar', 'Australian dollars', 'Australian dollar'],
  },
  { code: 'CNY', before: ['CNY', 'RMB'], after: ['CNY', 'RMB', 'Yuan', 'Renminbi', 'chinesische Yuan'] },
  { code: 'INR', before: ['INR', 'Rs.'], after: ['INR', 'Rupien', 'indische Rupien', 'rupees', 'Indian rupees'] },
  { code: 'HKD', before: ['HK$', 'HKD'], after: ['HKD', 'Hongkong-Dollar', 'Hong Kong dollars'] },
  { code: 'SGD', before: ['S$', 'SGD'], after: ['SGD', 'Singapur-Dollar', 'Singapore dollars'] },
  { code: 'NZD', before: ['NZ$', 'NZD'], after: ['NZD'] },
];

/** Further ISO codes, accepted printed as-is before or after the amount ("SEK 3 Mrd.", "2 Mrd. NOK"). */
export const ISO_CODES: readonly string[] = [
  'SEK', 'NOK', 'DKK', 'KRW', 'AED', 'SAR', 'QAR', 'BRL', 'MXN', 'ZAR', 'ILS', 'PLN', 'CZK', 'TWD', 'TRY', 'RUB', 'IDR', 'THB', 'MYR',
];

/** Qualifier phrases directly before the amount (or its currency symbol). */
export type QualifierPhrases = ReadonlyArray<{ phrase: string; qualifier: Exclude<Qualifier, 'exact' | 'range'> }>;

export const QUALIFIERS: Readonly<Record<Lang, QualifierPhrases>> = {
  de: [
    { phrase: 'bis zu', qualifier: 'up_to' },
    { phrase: 'maximal', qualifier: 'up_to' },
    { phrase: 'höchstens', qualifier: 'up_to' },
    { phrase: 'rund', qualifier: 'about' },
    { phrase: 'etwa', qualifier: 'about' },
    { phrase: 'ca.', qualifier: 'about' },
    { phrase: 'circa', qualifier: 'about' },
    { phrase: 'zirka', qualifier: 'about' },
    { phrase: 'ungefähr', qualifier: 'about' },
    { phrase: 'knapp', qualifier: 'about' },
    { phrase: 'fast', qualifier: 'about' },
    { phrase: 'nahezu', qualifier: 'about' },
    { phrase: 'annähernd', qualifier: 'about' },
    { phrase: 'schätzungsweise', qualifier: 'about' },
    { phrase: 'unter', qualifier: 'below' },
    { phrase: 'weniger als', qualifier: 'below' },
    { phrase: 'mehr als', qualifier: 'more_than' },
    { phrase: 'über', qualifier: 'more_than' },
    { phrase: 'mindestens', qualifier: 'at_least' },
  ],
  en: [
    { phrase: 'up to', qualifier: 'up_to' },
    { phrase: 'as much as', qualifier: 'up_to' },
    { phrase: 'as high as', qualifier: 'up_to' },
    { phrase: 'about', qualifier: 'about' },
    { phrase: 'around', qualifier: 'about' },
    { phrase: 'roughly', qualifier: 'about' },
    { phrase: 'nearly', qualifier: 'about' },
    { phrase: 'almost', qualifier: 'about' },
    { phrase: 'approximately', qualifier: 'about' },
    { phrase: 'approx.', qualifier: 'about' },
    { phrase: 'some', qualifier: 'about' },
    { phrase: 'close to', qualifier: 'about' },
    { phrase: 'approaching', qualifier: 'about' },
    { phrase: 'an estimated', qualifier: 'about' },
    { phrase: 'below', qualifier: 'below' },
    { phrase: 'less than', qualifier: 'below' },
    { phrase: 'fewer than', qualifier: 'below' },
    { phrase: 'under', qualifier: 'below' },
    { phrase: 'more than', qualifier: 'more_than' },
    { phrase: 'over', qualifier: 'more_than' },
    { phrase: 'upwards of', qualifier: 'more_than' },
    { phrase: 'in excess of', qualifier: 'more_than' },
    { phrase: 'at least', qualifier: 'at_least' },
  ],
};

/**
 * German "über" is both "more than" and "of/about". Directly after one of these nouns it reads as
 * "of" ("Finanzierungsrunde über $100 Milliarden" = a round of $100B, "Verhandlungen über 30 Mrd."),
 * so the amount stays exact. Matched as the END of the preceding word, so compounds count too.
 */
export const UEBER_AS_OF_NOUNS: readonly string[] = [
  'runde', 'investition', 'investitionen', 'investment', 'deal', 'deals', 'vertrag', 'verträge', 'summe', 'betrag',
  'auftrag', 'aufträge', 'kredit', 'kredite', 'darlehen', 'anleihe', 'anleihen', 'vereinbarung', 'abkommen', 'paket',
  'fonds', 'finanzierung', 'beteiligung', 'angebot', 'rechnung', 'scheck', 'zusage', 'verhandlungen', 'gespräche',
  'gesprächen', 'bericht', 'berichte', 'transaktion', 'übernahme', 'klage', 'forderung', 'strafe', 'buße',
];

/** The German word that reads as "more than" unless it follows a noun above, and its closing particle ("über … hinaus"). */
export const UEBER = 'über';
export const UEBER_CLOSING = 'hinaus';

/** "weitere 30 Milliarden", "an additional $4B": the amount comes on top of an earlier one. */
export const ADDITIONAL: Readonly<Record<Lang, readonly string[]>> = {
  de: ['weitere', 'weiteren', 'weiterer', 'weiteres', 'zusätzliche', 'zusätzlichen', 'zusätzlicher', 'zusätzlich'],
  en: ['further', 'a further', 'additional', 'an additional', 'another'],
};

/** Range syntax: "zwischen A und B" / "between A and B", or "A bis B" / "A to B" / "A-B". */
export const RANGES: Readonly<Record<Lang, { open: readonly string[]; join: readonly string[]; separators: readonly string[] }>> = {
  de: { open: ['zwischen'], join: ['und'], separators: ['-', 'bis'] },
  en: { open: ['between'], join: ['and'], separators: ['-', 'to'] },
};

/**
 * Number words. They only count when a scale, currency or percent marker follows
 * ("acht Milliarden", "acht Prozent"; never "zwei Wellen"). Articles ("ein", "a") need a scale.
 * Values are decimal strings so that "0.5" + scale 9 gives exactly 0.5e9.
 */
export type NumberWords = ReadonlyArray<{ phrase: string; value: string; article?: boolean }>;

const DE_ARTICLES = ['ein', 'eine', 'einer', 'einem', 'einen'];
export const NUMBER_WORDS: Readonly<Record<Lang, NumberWords>> = {
  de: [
    ...DE_ARTICLES.map((phrase) => ({ phrase, value: '1', article: true })),
    { phrase: 'eine halbe', value: '0.5' },
    { phrase: 'einer halben', value: '0.5' },
    { phrase: 'einen halben', value: '0.5' },
    { phrase: 'einem halben', value: '0.5' },
    { phrase: 'anderthalb', value: '1.5' },
    { phrase: 'eineinhalb', value: '1.5' },
    { phrase: 'zweieinhalb', value: '2.5' },
    ...['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'].map((phrase, i) => ({
      phrase,
      value: String(i + 2),
    })),
    { phrase: 'zwanzig', value: '20' },
    { phrase: 'dreißig', value: '30' },
    { phrase: 'vierzig', value: '40' },
    { phrase: 'fünfzig', value: '50' },
    { phrase: 'hundert', value: '100' },
    { phrase: 'einhundert', value: '100' },
  ],
  en: [
    { phrase: 'a', value: '1', article: true },
    { phrase: 'half a', value: '0.5' },
    { phrase: 'one and a half', value: '1.5' },
    ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map(
      (phrase, i) => ({ phrase, value: String(i + 1) }),
    ),
    { phrase: 'twenty', value: '20' },
    { phrase: 'thirty', value: '30' },
    { phrase: 'forty', value: '40' },
    { phrase: 'fifty', value: '50' },
    { phrase: 'hundred', value: '100' },
    { phrase: 'a hundred', value: '100' },
  ],
};

/** Markers after a number that make it a percentage. ("Prozentpunkte" is deliberately absent.) */
export const PERCENT_MARKERS: readonly string[] = ['%', 'Prozent', 'percent', 'per cent', 'pct'];

/**
 * Counted things, normalised unit → word forms (German and English, lower case; phrases allowed).
 * In German text a word also matches by its ending, so "Bürojobs" → jobs and "Großkunden" → customers.
 */
export const COUNT_NOUNS: Readonly<Record<string, readonly string[]>> = {
  jobs: ['stellen', 'stelle', 'arbeitsplätze', 'arbeitsplätzen', 'jobs', 'job', 'positions', 'roles'],
  employees: [
    'mitarbeiter', 'mitarbeitern', 'mitarbeitende', 'mitarbeitenden', 'beschäftigte', 'beschäftigten', 'angestellte',
    'angestellten', 'arbeitnehmer', 'employees', 'staff', 'workers', 'staffers',
  ],
  researchers: ['forscher', 'forschende', 'forschenden', 'wissenschaftler', 'researchers', 'scientists'],
  engineers: ['ingenieure', 'ingenieuren', 'entwickler', 'engineers', 'developers'],
  users: ['nutzer', 'nutzern', 'nutzerinnen', 'benutzer', 'anwender', 'users'],
  customers: ['kunden', 'customers', 'clients'],
  subscribers: ['abonnenten', 'subscribers'],
  gpus: ['gpus', 'gpu', 'grafikprozessoren', 'grafikkarten'],
  chips: ['chips', 'prozessoren', 'processors'],
  servers: ['server', 'servers'],
  data_centers: ['rechenzentren', 'data centers', 'data centres', 'datacenters'],
  companies: ['unternehmen', 'firmen', 'konzerne', 'companies', 'firms'],
  startups: ['startups', 'start-ups'],
  people: ['menschen', 'personen', 'people'],
  countries: ['länder', 'staaten', 'countries'],
};

/** "a 70-person staff", "Windsurf's 250-person team", "das 40-köpfige Team": a headcount in an adjective. */
export const HEADCOUNT_ADJECTIVES: readonly string[] = ['person', 'people', 'strong', 'member', 'köpfige', 'köpfigen', 'köpfiges', 'köpfiger'];

/**
 * Capitalised German nouns that are NOT counted things even though they follow a number
 * ("10 Jahre", "15 Uhr", "50 Gigawatt", "20 Januar"). Consulted only by the capitalised-noun fallback.
 */
export const NON_COUNT_NOUNS: readonly string[] = [
  'jahr', 'jahre', 'jahren', 'jahres', 'monat', 'monate', 'monaten', 'woche', 'wochen', 'tag', 'tage', 'tagen',
  'stunde', 'stunden', 'minute', 'minuten', 'sekunde', 'sekunden', 'uhr', 'quartal', 'quartale', 'mal',
  'prozentpunkte', 'basispunkte', 'punkte', 'punkten', 'grad', 'meter', 'kilometer', 'quadratmeter', 'tonnen',
  'kilogramm', 'kilo', 'liter', 'watt', 'kilowatt', 'megawatt', 'gigawatt', 'terawatt', 'gigawattstunden',
  'terawattstunden', 'kommentare', 'kommentar', 'seiten', 'seite', 'bilder', 'fotos',
  'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
];

/**
 * Money without a figure ("milliardenschwer", "Milliardensumme", "worth billions") → value null.
 * German: "milliarden" + one of the endings (the empty ending is the bare word "Milliarden").
 * "Billionenmarke" (the trillion mark) and other endings are not amounts and are skipped.
 */
export const VAGUE_DE_STEM = 'milliarden';
export const VAGUE_DE_ENDINGS: readonly string[] = [
  '', 'schwer', 'schwere', 'schweren', 'schwerer', 'schweres', 'summe', 'summen', 'betrag', 'beträge', 'beträgen',
  'investition', 'investitionen', 'deal', 'deals', 'auftrag', 'aufträge', 'geschäft', 'geschäfte', 'finanzierung',
  'bewertung', 'verlust', 'verluste', 'kosten', 'ausgaben', 'hilfen', 'kredit', 'kredite',
];
/** English vague words; `withCurrency` ones only count when a currency is glued on ("billion-dollar deal"). */
export const VAGUE_EN: ReadonlyArray<{ phrase: string; withCurrency?: boolean }> = [
  { phrase: 'billions' },
  { phrase: 'multibillion' },
  { phrase: 'multi-billion' },
  { phrase: 'billion', withCurrency: true },
];
/** Words that may link a vague amount to its currency ("billions of dollars"). */
export const VAGUE_LINKERS: readonly string[] = ['of'];

/** Words that turn a number word into a vague amount: "mehrere hundert Milliarden" → value null. */
export const VAGUE_QUANTIFIER_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  de: ['mehrere', 'einige', 'etliche', 'viele'],
  en: ['several', 'a few', 'few', 'many'],
};

