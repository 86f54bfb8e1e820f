/** Deal rules (`dealFor`): who invests in whom, how much, in what state and when, in English and German. */
import { describe, expect, it } from 'vitest';
import { dealFor } from '../../src/extract/deal-rules.ts';
import type { ArticleState } from '../../src/extract/reading.ts';
import type { Deal } from '../../src/extract/types.ts';
import type { Lang } from '../../src/text/lang.ts';
import { catalog, viewsOf } from './sentences.ts';

interface Options {
  lang?: Lang;
  date?: string | null;
  /** The company named in an earlier sentence ("der Konzern", "the company" refer to it). */
  subject?: string;
}

/** Every deal `dealFor` reads in `text`, sentence by sentence, with one article state as extraction keeps it. */
function dealsIn(text: string, { lang = 'en', date = '2026-02-10', subject }: Options = {}): Deal[] {
  const { article, views } = viewsOf(text, lang, date);
  const state: ArticleState = { article, catalog, mainEntity: null, targets: [] };
  const subjectMention = subject ? catalog.find(subject)[0]! : null;
  return views.flatMap((v, i) => v.quantities.map((q) => dealFor(q, v, views[i + 1] ?? null, subjectMention, state))).filter((d): d is Deal => d !== null);
}

/** The one deal in `text`. */
function dealIn(text: string, options: Options = {}): Deal {
  const deals = dealsIn(text, options);
  expect(deals, text).toHaveLength(1);
  return deals[0]!;
}

describe('role frames: who invests in whom', () => {
  it.each([
    // The investor before the amount, the target after a preposition.
    { lang: 'en', text: 'Microsoft invests $2 billion in Anthropic.', investor: 'Microsoft', target: 'Anthropic' },
    { lang: 'en', text: 'Nvidia pours $5 billion into Intel.', investor: 'Nvidia', target: 'Intel' },
    { lang: 'de', text: 'Microsoft beteiligt sich mit 2 Milliarden Euro an Anthropic.', investor: 'Microsoft', target: 'Anthropic' },
    { lang: 'de', text: 'SAP plant eine Investition von rund 500 Millionen Euro in Aleph Alpha.', investor: 'SAP', target: 'Aleph Alpha' },
    { lang: 'de', text: 'Der E-Commerce-Riese Amazon könnte mit einer Investition von bis zu 50 Milliarden Dollar zum wichtigsten Geldgeber von OpenAI aufsteigen.', investor: 'Amazon', target: 'OpenAI' },
    // The target before the amount receives it; the investor follows "from / von / including / led by".
    { lang: 'en', text: 'Anthropic raised $2 billion from Microsoft.', investor: 'Microsoft', target: 'Anthropic' },
    { lang: 'en', text: 'Anthropic secured $2 billion from investors including Nvidia.', investor: 'Nvidia', target: 'Anthropic' },
    { lang: 'en', text: 'Anthropic raised $2 billion in a round led by Spark Capital.', investor: 'Spark Capital', target: 'Anthropic' },
    { lang: 'de', text: 'Anthropic erhielt 2 Milliarden Euro von Microsoft.', investor: 'Microsoft', target: 'Anthropic' },
    { lang: 'de', text: 'Anthropic sammelte 2 Milliarden Euro von Microsoft ein.', investor: 'Microsoft', target: 'Anthropic' },
    // A lead investor named before the company whose round it led.
    { lang: 'en', text: "Thrive Capital led OpenAI's $6.6 billion funding round.", investor: 'Thrive Capital', target: 'OpenAI' },
    // Several investors joined by "and / und": one joint deal.
    { lang: 'en', text: 'Microsoft and Nvidia will invest up to $15 billion in Anthropic.', investor: 'Microsoft/Nvidia', target: 'Anthropic' },
    { lang: 'de', text: 'Nvidia und Microsoft investieren zusammen bis zu 15 Milliarden Dollar in Anthropic.', investor: 'Nvidia/Microsoft', target: 'Anthropic' },
    // A round without a named investor.
    { lang: 'de', text: 'Anthropic hat in einer Finanzierungsrunde 2 Milliarden Euro eingesammelt.', investor: null, target: 'Anthropic' },
    { lang: 'en', text: 'Anthropic raised $13 billion at a $183 billion post-money valuation.', investor: null, target: 'Anthropic' },
  ] as { lang: Lang; text: string; investor: string | null; target: string }[])('$lang: $text → $investor → $target', ({ lang, text, investor, target }) => {
    expect(dealIn(text, { lang })).toMatchObject({ investor, target });
  });

  it('a joint deal lists every investor id and has no single investor id', () => {
    expect(dealIn('Microsoft and Nvidia will invest up to $15 billion in Anthropic.')).toMatchObject({
      investorId: null,
      investorIds: ['microsoft', 'nvidia'],
      targetId: 'anthropic',
    });
    expect(dealIn('Microsoft invests $2 billion in Anthropic.')).toMatchObject({ investorId: 'microsoft', investorIds: ['microsoft'] });
  });

  it.each([
    { lang: 'de', text: 'SoftBank investierte 98,6 Milliarden Dollar in digitale Plattformunternehmen.', target: 'digitale Plattformunternehmen' },
    { lang: 'en', text: 'Amazon invests $2 billion in startups.', target: 'startups' },
  ] as { lang: Lang; text: string; target: string }[])('a target that is no known name but names companies: $text', ({ lang, text, target }) => {
    expect(dealIn(text, { lang })).toMatchObject({ targetId: null, target });
  });

  it('such a target without a named investor says too little: no deal', () => {
    expect(dealsIn('Mehr als eine Milliarde Dollar will die Gesellschaft in junge KI-Unternehmen stecken.', { lang: 'de' })).toEqual([]);
  });
});

describe('the company named before: "der Konzern", "the company", "das Unternehmen"', () => {
  it.each([
    { lang: 'de', text: 'Der Konzern investiert 2 Milliarden Euro in Mistral AI.' },
    { lang: 'en', text: 'The company will invest $2 billion in Mistral AI.' },
  ] as { lang: Lang; text: string }[])('$text: the investor is the company named before, if there is one', ({ lang, text }) => {
    expect(dealIn(text, { lang, subject: 'Microsoft' })).toMatchObject({ investor: 'Microsoft', target: 'Mistral AI' });
    expect(dealIn(text, { lang })).toMatchObject({ investor: null, target: 'Mistral AI' });
  });

  it('"in das Unternehmen" is the company invested in before, never a new one', () => {
    const text = 'Microsoft investiert 1 Milliarde Euro in Mistral AI. Nvidia investiert 2 Milliarden Euro in das Unternehmen.';
    expect(dealsIn(text, { lang: 'de' }).map((d) => [d.investor, d.target])).toEqual([
      ['Microsoft', 'Mistral AI'],
      ['Nvidia', 'Mistral AI'],
    ]);
    expect(dealsIn('Nvidia investiert 2 Milliarden Euro in das Unternehmen.', { lang: 'de' })).toEqual([]);
  });
});

describe('amounts and qualifiers', () => {
  it.each([
    { lang: 'en', text: 'Microsoft invests $2 billion in Anthropic.', amount: { value: 2e9, max: null, currency: 'USD', qualifier: 'exact' } },
    { lang: 'en', text: 'Amazon invests 2 billion euros in OpenAI.', amount: { value: 2e9, max: null, currency: 'EUR', qualifier: 'exact' } },
    { lang: 'de', text: 'Amazon erwägt eine Beteiligung von bis zu 50 Milliarden Dollar an OpenAI.', amount: { value: 50e9, max: null, currency: 'USD', qualifier: 'up_to' } },
    { lang: 'de', text: 'SAP plant eine Investition von rund 500 Millionen Euro in Aleph Alpha.', amount: { value: 500e6, max: null, currency: 'EUR', qualifier: 'about' } },
    { lang: 'en', text: 'Microsoft has invested more than $13 billion in OpenAI.', amount: { value: 13e9, max: null, currency: 'USD', qualifier: 'more_than' } },
    { lang: 'en', text: 'Amazon will invest between $10 billion and $20 billion in OpenAI.', amount: { value: 10e9, max: 20e9, currency: 'USD', qualifier: 'range' } },
    { lang: 'de', text: 'Amazon will zwischen 10 und 20 Milliarden Dollar in OpenAI investieren.', amount: { value: 10e9, max: 20e9, currency: 'USD', qualifier: 'range' } },
  ] as { lang: Lang; text: string; amount: object }[])('$text', ({ lang, text, amount }) => {
    expect(dealIn(text, { lang }).amount).toEqual(amount);
  });

  it.each([
    { lang: 'en', text: 'Amazon will invest a further $4 billion in Anthropic.', additional: true },
    { lang: 'de', text: 'Amazon investiert weitere 4 Milliarden Dollar in Anthropic.', additional: true },
    { lang: 'en', text: 'Amazon will invest $4 billion in Anthropic.', additional: false },
  ] as { lang: Lang; text: string; additional: boolean }[])('on top of an earlier amount: $text → $additional', ({ lang, text, additional }) => {
    expect(dealIn(text, { lang }).additional).toBe(additional);
  });
});

describe('status from the wording', () => {
  it.each([
    { lang: 'en', text: 'Microsoft is in talks to invest $2 billion in Anthropic.', status: 'talks' },
    { lang: 'de', text: 'SAP verhandelt über eine Beteiligung von bis zu 500 Millionen Euro an Aleph Alpha.', status: 'talks' },
    { lang: 'de', text: 'Amazon erwägt eine Beteiligung von bis zu 50 Milliarden Dollar an OpenAI.', status: 'talks' },
    { lang: 'de', text: 'Amazon könnte bis zu 50 Milliarden Dollar in OpenAI investieren.', status: 'talks' },
    { lang: 'en', text: 'Microsoft plans to invest $2 billion in Anthropic.', status: 'planned' },
    // "will invest" / "will … stecken" is the company's word given: announced, not only planned.
    { lang: 'en', text: 'Amazon will invest $4 billion in Anthropic.', status: 'announced' },
    { lang: 'de', text: 'Amazon will bis zu vier Milliarden Dollar in Anthropic stecken.', status: 'announced' },
    // A modal in another clause ("which would value …") makes no talks; a rumour stays a rumour.
    { lang: 'en', text: 'Microsoft will invest $10 billion in OpenAI, according to people familiar with the matter, which would value the company at $29 billion.', status: 'rumoured' },
    { lang: 'en', text: 'Reflection AI is in discussions over raising $2.5 billion.', status: 'talks' },
    { lang: 'en', text: 'Cohere is looking to raise $500 million.', status: 'talks' },
    { lang: 'en', text: "Nvidia's acquisition of Deci AI is at an earlier stage, and the deal will probably close at an estimated $250-350 million.", status: 'talks' },
    { lang: 'en', text: 'Reuters reports that ASML has led a €1.7 billion round in Mistral AI.', status: 'rumoured' },
    { lang: 'de', text: 'Nun hat sich Apple Q.ai für 2 Milliarden Dollar geholt.', status: 'completed' },
    // An earlier round is background, whenever it was.
    { lang: 'en', text: 'In its earlier Series A round, Skild AI took in $300 million from SoftBank.', status: 'historic' },
    { lang: 'en', text: 'Media reports say Nvidia will invest $250 million in CoreWeave.', status: 'rumoured' },
    { lang: 'de', text: 'Amazon soll 50 Milliarden Dollar in OpenAI investieren.', status: 'planned' },
    { lang: 'de', text: 'SAP plant eine Investition von rund 500 Millionen Euro in Aleph Alpha.', status: 'planned' },
    { lang: 'en', text: 'Microsoft announced a $2 billion investment in Anthropic.', status: 'announced' },
    { lang: 'de', text: 'Amazon kündigte eine Investition von 50 Milliarden Dollar in OpenAI an.', status: 'announced' },
    // No status word at all: announced.
    { lang: 'en', text: 'Microsoft invests $2 billion in Anthropic.', status: 'announced' },
    // Money already paid, reported as news.
    { lang: 'en', text: 'Anthropic raised $2 billion from Microsoft.', status: 'completed' },
    { lang: 'de', text: 'Anthropic erhielt 2 Milliarden Euro von Microsoft.', status: 'completed' },
    { lang: 'de', text: 'Amazon hat 8 Milliarden Dollar in Anthropic investiert.', status: 'completed' },
    { lang: 'de', text: 'Amazon hat gerade 8 Milliarden Dollar in Anthropic investiert.', status: 'completed' },
    // Money paid long ago: an earlier year, or a running total in the perfect tense.
    { lang: 'en', text: 'Microsoft invested $2 billion in Anthropic in 2019.', status: 'historic' },
    // A month before the article's (the test articles are dated 2026-02-10), or "last year" in an undated one.
    { lang: 'en', text: 'Last month ElevenLabs raised $100 million.', status: 'historic' },
    { lang: 'en', text: 'ElevenLabs raised $100 million this week.', status: 'completed' },
    { lang: 'de', text: 'Amazon investierte 2019 rund 1 Milliarde Dollar in OpenAI.', status: 'historic' },
    { lang: 'en', text: 'Microsoft has invested more than $13 billion in OpenAI.', status: 'historic' },
    { lang: 'de', text: 'SAP hat mehr als 500 Millionen Euro in Aleph Alpha investiert.', status: 'historic' },
    { lang: 'de', text: 'Amazon hat seit 2023 rund acht Milliarden Dollar in Anthropic investiert.', status: 'historic' },
  ] as { lang: Lang; text: string; status: string }[])('$text → $status', ({ lang, text, status }) => {
    expect(dealIn(text, { lang }).status).toBe(status);
  });

  it('an earlier year only makes background of news reported in a later year', () => {
    expect(dealIn('Microsoft invested $2 billion in Anthropic in 2026.', { date: '2026-02-10' }).status).toBe('completed');
    expect(dealIn('Microsoft invested $2 billion in Anthropic in 2025.', { date: '2026-02-10' }).status).toBe('historic');
    // Without the article's date, any year named marks background.
    expect(dealIn('Microsoft invested $2 billion in Anthropic in 2026.', { date: null }).status).toBe('historic');
    // … and so does "last year"; an earlier month of the article's year does once the article is dated.
    expect(dealIn('The sum falls short of the $1.3 billion Inflection AI raised from investors last year.', { date: null }).status).toBe('historic');
    expect(dealIn('Amazon investierte im Januar 1 Milliarde Dollar in OpenAI.', { lang: 'de', date: '2026-02-10' }).status).toBe('historic');
  });


  it('plans stay plans whatever year they name', () => {
    expect(dealIn('Microsoft plans to invest $2 billion in Anthropic in 2019.').status).toBe('planned');
  });
});

describe('the date of a deal', () => {
  it.each([
    { lang: 'en', text: 'Microsoft invested $2 billion in Anthropic in 2019.', date: '2019', dateFrom: 'text' },
    { lang: 'de', text: 'Amazon investierte im Oktober 1 Milliarde Dollar in OpenAI.', date: '2025-10', dateFrom: 'text' },
    { lang: 'en', text: 'Amazon invested $1 billion in OpenAI in March 2025.', date: '2025-03', dateFrom: 'text' },
    { lang: 'en', text: 'Amazon invested $4 billion in Anthropic in the third quarter of 2023.', date: '2023-Q3', dateFrom: 'text' },
    // No date in the sentence: the article's date stands in.
    { lang: 'en', text: 'Microsoft invests $2 billion in Anthropic.', date: '2026-02-10', dateFrom: 'article' },
    // "seit 2023" starts a span; it is not the deal's date.
    { lang: 'de', text: 'Amazon hat seit 2023 rund acht Milliarden Dollar in Anthropic investiert.', date: '2026-02-10', dateFrom: 'article' },
  ] as { lang: Lang; text: string; date: string; dateFrom: string }[])('$text → $date ($dateFrom)', ({ lang, text, date, dateFrom }) => {
    expect(dealIn(text, { lang })).toMatchObject({ date, dateFrom });
  });

  it('no date in the text and none on the article: no date', () => {
    expect(dealIn('Microsoft invests $2 billion in Anthropic.', { date: null })).toMatchObject({ date: null, dateFrom: null });
  });
});

describe('amounts that are not deals', () => {
  it.each([
    // Valuations.
    { lang: 'en', text: 'Anthropic is valued at $183 billion.' },
    { lang: 'de', text: 'Anthropic wird mit 350 Milliarden Dollar bewertet.' },
    // Spending plans without a company to invest in.
    { lang: 'de', text: 'Meta will 2026 rund 100 Milliarden Dollar investieren.' },
    { lang: 'de', text: 'Microsoft plant Investitionen von 80 Milliarden Dollar.' },
    { lang: 'en', text: 'Microsoft plans capex of $80 billion.' },
    // No word about money moving.
    { lang: 'en', text: 'Apple reported revenue of $100 billion.' },
    { lang: 'de', text: 'Intel meldete einen Verlust von 16,6 Milliarden Dollar.' },
    // Not money.
    { lang: 'en', text: 'Microsoft holds a 27% stake in OpenAI.' },
  ] as { lang: Lang; text: string }[])('$text', ({ lang, text }) => {
    expect(dealsIn(text, { lang })).toEqual([]);
  });

  it('a round and its valuation in one sentence: the round is the deal, the valuation is not', () => {
    const deals = dealsIn('Anthropic raised $13 billion at a $183 billion post-money valuation.');
    expect(deals.map((d) => d.amount?.value)).toEqual([13e9]);
  });
});

describe('sources', () => {
  it('a deal cites its sentence and highlights the amount', () => {
    const text = 'Microsoft will invest $10 billion in OpenAI.';
    const [source] = dealIn(text).sources;
    expect(source).toMatchObject({ article: 'test.md', quote: text });
    expect(source!.quote.slice(...source!.highlight)).toBe('$10 billion');
  });
});
