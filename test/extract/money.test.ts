import { describe, expect, it } from 'vitest';
import { parseQuantities } from '../../src/extract/money.ts';
import type { Quantity } from '../../src/extract/types.ts';
import type { Lang } from '../../src/text/lang.ts';

/** The fields that matter for most assertions. */
type Shape = Partial<Pick<Quantity, 'kind' | 'value' | 'max' | 'currency' | 'unit' | 'qualifier' | 'additional' | 'text'>>;

function parse(text: string, lang: Lang): Quantity[] {
  const qs = parseQuantities(text, lang);
  for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
  return qs;
}

/** Exactly one quantity, matching `shape`. */
function one(text: string, lang: Lang, shape: Shape): Quantity {
  const qs = parse(text, lang);
  expect(qs).toHaveLength(1);
  expect(qs[0]).toMatchObject(shape);
  return qs[0]!;
}

/** All quantities, in order, matching the shapes. */
function all(text: string, lang: Lang, shapes: Shape[]): void {
  const qs = parse(text, lang);
  expect(qs).toHaveLength(shapes.length);
  shapes.forEach((shape, i) => expect(qs[i]).toMatchObject(shape));
}

const usd = (value: number, extra: Shape = {}): Shape => ({ kind: 'money', value, currency: 'USD', unit: 'USD', ...extra });

describe('scales', () => {
  it('reads German abbreviations and words', () => {
    all('3 Tsd. Euro, 2 tausend Euro, 5 Mio. Euro, 2 Millionen Euro, 1 Million Euro, 4 Mrd. Euro, 1 Milliarde Euro, 7 Milliarden Euro', 'de', [
      { value: 3e3, currency: 'EUR', text: '3 Tsd. Euro' },
      { value: 2e3 },
      { value: 5e6, text: '5 Mio. Euro' },
      { value: 2e6 },
      { value: 1e6 },
      { value: 4e9, text: '4 Mrd. Euro' },
      { value: 1e9 },
      { value: 7e9 },
    ]);
  });

  it('reads English words and suffixes', () => {
    all('$5k, $3 thousand, $2m, $4 mn, $6 million, $1bn, $13B, $2 billion, $8T, $3 trillion, $1tn', 'en', [
      usd(5e3),
      usd(3e3),
      usd(2e6),
      usd(4e6),
      usd(6e6),
      usd(1e9),
      usd(13e9),
      usd(2e9),
      usd(8e12),
      usd(3e12),
      usd(1e12),
    ]);
  });

  it('reads "Billion" as 10^12 in German and "billion" as 10^9 in English', () => {
    one('1 Billion Dollar', 'de', usd(1e12));
    one('8 Billionen Dollar', 'de', usd(8e12));
    one('1 billion dollars', 'en', usd(1e9));
    one('2 trillion dollars', 'en', usd(2e12));
  });

  it('reads hyphen compounds, with any dash variant', () => {
    one('ein 11-Milliarden-Dollar-Rechenzentrumscampus', 'de', usd(11e9, { text: '11-Milliarden-Dollar' }));
    one('ein 100-Milliarden-Dollar-Fonds', 'de', usd(100e9, { text: '100-Milliarden-Dollar' }));
    one('eine $50\u2011Milliarden\u2011Investition', 'de', usd(50e9, { text: '$50\u2011Milliarden' }));
    one('eine $50\u2010Milliarden\u2010Investition', 'de', usd(50e9));
  });

  it('needs a currency for single-letter suffixes (not "5m" of distance)', () => {
    expect(parse('Der Turm ist 5m hoch', 'de')).toEqual([]);
    one('$730M', 'en', usd(730e6));
  });
});

describe('money without a figure', () => {
  it('reads "milliardenschwer", "Milliardensumme", bare "Milliarden" and "worth billions" as value null', () => {
    one('Erst kürzlich schloss das Unternehmen einen milliardenschweren Computing-Deal mit Cerebras ab.', 'de', {
      kind: 'money',
      value: null,
      currency: null,
      text: 'milliardenschweren',
    });
    one('eine Milliardensumme', 'de', { kind: 'money', value: null });
    one('investiert Milliarden Dollar in KI', 'de', { kind: 'money', value: null, currency: 'USD', text: 'Milliarden Dollar' });
    one('a deal worth billions', 'en', { kind: 'money', value: null, currency: null, text: 'billions' });
    one('billions of dollars', 'en', { kind: 'money', value: null, currency: 'USD' });
    one('a billion-dollar deal', 'en', { kind: 'money', value: null, currency: 'USD', text: 'billion-dollar' });
  });

  it('reads "mehrere hundert Milliarden" / "several hundred billion" as no figure', () => {
    one('mehrere hundert Milliarden Dollar', 'de', { kind: 'money', value: null, currency: 'USD', text: 'mehrere hundert Milliarden Dollar' });
    one('several hundred billion dollars', 'en', { kind: 'money', value: null, currency: 'USD' });
  });

  it('skips "Billionenmarke" (the trillion mark is not an amount)', () => {
    expect(parse('Nvidia knackt als erstes Unternehmen die Billionenmarke.', 'de')).toEqual([]);
  });
});

describe('number words and fractions', () => {
  it('reads German number words before a scale or currency', () => {
    one('rund acht Milliarden US-Dollar', 'de', usd(8e9, { qualifier: 'about' }));
    one('bis zu einer Billion US-Dollar', 'de', usd(1e12, { qualifier: 'up_to' }));
    one('eine halbe Milliarde Euro', 'de', { value: 0.5e9, currency: 'EUR' });
    one('anderthalb Milliarden Euro', 'de', { value: 1.5e9 });
    one('eineinhalb Millionen Franken', 'de', { value: 1.5e6, currency: 'CHF' });
    one('zwölf Milliarden Dollar', 'de', usd(12e9));
    one('zwanzig Millionen Euro', 'de', { value: 20e6 });
    one('hundert Millionen Dollar', 'de', usd(100e6));
  });

  it('reads English number words before a scale or currency', () => {
    one('a billion dollars', 'en', usd(1e9, { text: 'a billion dollars' }));
    one('half a billion', 'en', { kind: 'money', value: 0.5e9, currency: null });
    one('twelve million dollars', 'en', usd(12e6));
    one('one trillion dollars', 'en', usd(1e12));
  });

  it('ignores number words that are not followed by a scale or currency', () => {
    expect(parse('ein Unternehmen mit zwei Standorten', 'de')).toEqual([]);
    expect(parse('a company with two offices', 'en')).toEqual([]);
    one('Der Konzern baut in zwei Wellen rund 30\u2019000 Bürojobs ab', 'de', { kind: 'count', value: 30000 });
  });
});

describe('decimal and thousands separators', () => {
  it('reads German decimal commas and dot thousands', () => {
    all('6,2 Mrd. Euro, 98,6 Mrd. Euro, 35,6 Mrd. Euro, 16.000 Stellen, 1.234.567 Euro', 'de', [
      { value: 6.2e9 },
      { value: 98.6e9 },
      { value: 35.6e9 },
      { value: 16000, kind: 'count' },
      { value: 1234567, currency: 'EUR' },
    ]);
  });

  it('reads a German dot before exactly three digits as thousands, otherwise as decimal', () => {
    one('1.5 Mrd. Euro', 'de', { value: 1.5e9 });
    one('1.500 Mrd. Euro', 'de', { value: 1500e9 });
  });

  it('reads English decimal points and comma thousands', () => {
    one('$6.2 billion', 'en', usd(6.2e9));
    one('30,000 jobs', 'en', { kind: 'count', value: 30000 });
    one('$1,250,000.50', 'en', usd(1250000.5));
  });

  it("reads Swiss apostrophe and space thousands (also NBSP and U+202F)", () => {
    one("30'000 Stellen", 'de', { value: 30000 });
    one('30\u2019000 Stellen', 'de', { value: 30000 });
    one('30 000 Stellen', 'de', { value: 30000 });
    one('30\u00a0000 Stellen', 'de', { value: 30000 });
    one('30\u202f000 jobs', 'en', { value: 30000 });
  });
});

describe('currencies', () => {
  it('reads currencies before the amount', () => {
    all('$50 Milliarden, $1,3 Milliarden, US$ 2 Mrd., CHF 5, EUR 3 Mio., € 4 Mio., £3 Mio., ¥2 Mrd., JPY 5 Mrd., SEK 7 Mrd.', 'de', [
      usd(50e9),
      usd(1.3e9),
      usd(2e9, { text: 'US$ 2 Mrd.' }),
      { value: 5, currency: 'CHF', unit: 'CHF' },
      { value: 3e6, currency: 'EUR', text: 'EUR 3 Mio.' },
      { value: 4e6, currency: 'EUR' },
      { value: 3e6, currency: 'GBP' },
      { value: 2e9, currency: 'JPY' },
      { value: 5e9, currency: 'JPY' },
      { value: 7e9, currency: 'SEK' },
    ]);
  });

  it('reads currencies after the amount', () => {
    all('50 Milliarden US-Dollar, 200 Milliarden Dollar, 5 CHF, 3 Mio. Franken, 2 Mrd. Pfund, 4 Mrd. Yen, 3 Mrd. EUR, 9 Mrd. Yuan, 8 Mrd. Renminbi, 7 Mrd. Rupien, 6 Mrd. NOK, 5 Mrd. €', 'de', [
      usd(50e9),
      usd(200e9),
      { value: 5, currency: 'CHF', text: '5 CHF' },
      { value: 3e6, currency: 'CHF' },
      { value: 2e9, currency: 'GBP' },
      { value: 4e9, currency: 'JPY' },
      { value: 3e9, currency: 'EUR' },
      { value: 9e9, currency: 'CNY' },
      { value: 8e9, currency: 'CNY' },
      { value: 7e9, currency: 'INR' },
      { value: 6e9, currency: 'NOK' },
      { value: 5e9, currency: 'EUR' },
    ]);
  });

  it('reads named currencies in both languages', () => {
    one('2 Milliarden kanadische Dollar', 'de', { value: 2e9, currency: 'CAD' });
    one('3 Milliarden australische Dollar', 'de', { value: 3e9, currency: 'AUD' });
    one('2 billion Canadian dollars', 'en', { value: 2e9, currency: 'CAD' });
    one('5 billion rupees', 'en', { value: 5e9, currency: 'INR' });
    one('US$2.5 billion', 'en', usd(2.5e9));
    one('C$ 1.2 billion', 'en', { value: 1.2e9, currency: 'CAD' });
    one('£3.5m', 'en', { value: 3.5e6, currency: 'GBP' });
  });

  it('matches ISO codes case-sensitively', () => {
    expect(parse('5 eur', 'de')).toEqual([]);
  });

  it('returns money with currency null when a scale is printed but no currency', () => {
    one('Zusätzlich fließen weitere 30 Milliarden.', 'de', { kind: 'money', value: 30e9, currency: null, unit: '', additional: true });
    one('30 Milliarden', 'de', { kind: 'money', value: 30e9, currency: null });
  });
});

describe('qualifiers', () => {
  it('reads German qualifiers', () => {
    all(
      'bis zu 1 Mrd. $, rund 2 Mrd. $, etwa 3 Mrd. $, ca. 4 Mrd. $, circa 5 Mrd. $, ungefähr 6 Mrd. $, knapp 7 Mrd. $, fast 8 Mrd. $, nahezu 9 Mrd. $, unter 10 Mrd. $, weniger als 11 Mrd. $, mehr als 12 Mrd. $, über 13 Mrd. $',
      'de',
      [
        { qualifier: 'up_to', text: 'bis zu 1 Mrd. $' },
        { qualifier: 'about' },
        { qualifier: 'about' },
        { qualifier: 'about', text: 'ca. 4 Mrd. $' },
        { qualifier: 'about' },
        { qualifier: 'about' },
        { qualifier: 'about' },
        { qualifier: 'about' },
        { qualifier: 'about' },
        { qualifier: 'below' },
        { qualifier: 'below', text: 'weniger als 11 Mrd. $' },
        { qualifier: 'more_than', text: 'mehr als 12 Mrd. $' },
        { qualifier: 'more_than', value: 13e9 },
      ],
    );
  });

  it('reads English qualifiers', () => {
    all(
      'up to $1bn, as much as $2bn, about $3bn, around $4bn, roughly $5bn, nearly $6bn, almost $7bn, approximately $8bn, some $9bn, approaching $9.5bn, below $10bn, less than $11bn, under $12bn, more than $13bn, over $14bn',
      'en',
      [
        { qualifier: 'up_to', text: 'up to $1bn' },
        { qualifier: 'up_to', text: 'as much as $2bn' },
        ...Array.from({ length: 8 }, () => ({ qualifier: 'about' as const })),
        { qualifier: 'below' },
        { qualifier: 'below' },
        { qualifier: 'below' },
        { qualifier: 'more_than' },
        { qualifier: 'more_than', value: 14e9 },
      ],
    );
  });

  it('marks additional amounts, keeping any other qualifier', () => {
    one('weitere 30 Milliarden US-Dollar', 'de', usd(30e9, { qualifier: 'exact', additional: true }));
    one('zusätzliche 2 Mrd. Euro', 'de', { additional: true });
    one('weitere bis zu 5 Mrd. Euro', 'de', { qualifier: 'up_to', additional: true, text: 'weitere bis zu 5 Mrd. Euro' });
    one('an additional $4 billion', 'en', usd(4e9, { additional: true, text: 'an additional $4 billion' }));
    one('another $4 billion', 'en', { additional: true });
    one('a further $2bn', 'en', { additional: true, text: 'a further $2bn' });
  });

  it('lets the nearest qualifier win and reads "über" as "more than" only directly before the amount', () => {
    one('Gespräche über eine Investition von bis zu 50 Milliarden Dollar', 'de', usd(50e9, { qualifier: 'up_to' }));
    one('über 100 Millionen Euro', 'de', { qualifier: 'more_than' });
    // "at least" is a floor the amount may reach, not one it exceeds.
    one('mindestens 60 Milliarden Dollar', 'de', { qualifier: 'at_least', value: 60e9 });
    one('at least US$500-million', 'en', { qualifier: 'at_least', value: 500e6 });
    one('die Kosten steigen über 100 Millionen Euro hinaus', 'de', {
      qualifier: 'more_than',
      text: 'über 100 Millionen Euro hinaus',
    });
  });

  it('reads "über" after a deal noun as "of" (exact)', () => {
    one('eine Finanzierungsrunde über $100 Milliarden', 'de', usd(100e9, { qualifier: 'exact', text: '$100 Milliarden' }));
    one('ein Vertrag über 10 Milliarden Dollar', 'de', usd(10e9, { qualifier: 'exact' }));
  });
});

describe('ranges', () => {
  it('reads German ranges', () => {
    one('175 bis 185 Milliarden Dollar', 'de', usd(175e9, { max: 185e9, qualifier: 'range' }));
    one('zwischen 175 und 185 Milliarden Dollar', 'de', usd(175e9, { max: 185e9, text: 'zwischen 175 und 185 Milliarden Dollar' }));
    one('zwei bis drei Milliarden Euro', 'de', { value: 2e9, max: 3e9, currency: 'EUR' });
  });

  it('reads English ranges', () => {
    one('$175-185bn', 'en', usd(175e9, { max: 185e9, qualifier: 'range' }));
    one('$175\u2013185 billion', 'en', usd(175e9, { max: 185e9 }));
    one('115 to 135 billion dollars', 'en', usd(115e9, { max: 135e9 }));
    one('between 115 and 135 billion', 'en', { kind: 'money', value: 115e9, max: 135e9, currency: null });
  });

  it('reads percent and count ranges', () => {
    one('3–5 %', 'de', { kind: 'percent', value: 3, max: 5, qualifier: 'range' });
    one('100 bis 200 Stellen', 'de', { kind: 'count', value: 100, max: 200, unit: 'jobs' });
  });

  it('does not read "zwischen" without a second figure, nor a year as upper bound', () => {
    one('zwischen 5 Mrd. Euro', 'de', { value: 5e9, max: null, qualifier: 'exact', text: '5 Mrd. Euro' });
    one('30 Milliarden Dollar bis 2030', 'de', usd(30e9, { max: null, qualifier: 'exact' }));
  });
});

describe('percentages', () => {
  it('reads German percentages', () => {
    all('24 Prozent, 24%, 24 %, 24\u00a0%, acht Prozent, 0,5 %', 'de', [
      { kind: 'percent', value: 24, unit: 'percent', currency: null },
      { value: 24, text: '24%' },
      { value: 24 },
      { value: 24 },
      { value: 8 },
      { value: 0.5 },
    ]);
  });

  it('reads English percentages', () => {
    all('8 percent, 8 per cent, 8%, eight percent, 0.5%', 'en', [
      { kind: 'percent', value: 8 },
      { value: 8, text: '8 per cent' },
      { value: 8 },
      { value: 8 },
      { value: 0.5 },
    ]);
  });
});

describe('counts of things', () => {
  it('reads table nouns in German, normalised', () => {
    all("30'000 Bürojobs, 16.000 Stellen, 40 Millionen Arbeitsplätze, 500 Mitarbeiter, 100 Elite-Forscher, 3 Millionen Nutzer, 200 Kunden, 10.000 GPUs", 'de', [
      { kind: 'count', value: 30000, unit: 'jobs' },
      { value: 16000, unit: 'jobs' },
      { value: 40e6, unit: 'jobs' },
      { value: 500, unit: 'employees' },
      { value: 100, unit: 'researchers', text: '100 Elite-Forscher' },
      { value: 3e6, unit: 'users' },
      { value: 200, unit: 'customers' },
      { value: 10000, unit: 'gpus' },
    ]);
  });

  it('reads table nouns in English', () => {
    all('16,000 jobs, 2,000 employees, 300 researchers, 5 million users, 40 data centers', 'en', [
      { kind: 'count', value: 16000, unit: 'jobs' },
      { value: 2000, unit: 'employees' },
      { value: 300, unit: 'researchers' },
      { value: 5e6, unit: 'users' },
      { value: 40, unit: 'data_centers' },
    ]);
  });

  it('allows one lower-case adjective before a table noun', () => {
    one('OpenAI hat 800 Millionen wöchentliche Nutzer', 'de', { kind: 'count', value: 800e6, unit: 'users' });
    one('the plant will create 16,000 new jobs', 'en', { kind: 'count', value: 16000, unit: 'jobs', text: '16,000 new jobs' });
  });

  it('reads other capitalised German nouns only from 10 up, and never units of time or measure or after a name', () => {
    one('Das Unternehmen betreibt 12 Rechenzentrumscampusse', 'de', { kind: 'count', value: 12, unit: 'rechenzentrumscampusse' });
    expect(parse('Meta veröffentlicht Llama 405 Modelle', 'de')).toEqual([]);
    expect(parse('5 Kommentare', 'de')).toEqual([]);
    expect(parse('seit 10 Jahren und 50 Gigawatt', 'de')).toEqual([]);
  });

  it('applies qualifiers to counts', () => {
    one('Meta hat über 100 Elite-Forscher abgeworben', 'de', { kind: 'count', qualifier: 'more_than', unit: 'researchers' });
  });

  it('never returns years, dates, times, ordinals, versions, page counters or bare numbers', () => {
    expect(
      parse('Am 06.02.2026 um 06:58 | 1 / 9 | GPT-4 und Amazon 2.0 | seit 2023 | bis 2045 | Januar 2026 | am 2. Februar und 12. Januar | 42 Mal', 'de'),
    ).toEqual([]);
    expect(parse('In 2026, revenue of 42 rose; see page 1 / 9; GPT-4 at 06:58', 'en')).toEqual([]);
  });
});

describe('spans and robustness', () => {
  it('keeps spans consistent with the text, including unicode spaces and dashes', () => {
    const text = 'Rund\u00a030\u202f000 Stellen \u2014 bis\u00a0zu $50\u2011Milliarden und 3\u20125\u00a0%';
    const qs = parse(text, 'de');
    expect(qs.map((q) => q.text)).toEqual(['Rund\u00a030\u202f000 Stellen', 'bis\u00a0zu $50\u2011Milliarden', '3\u20125\u00a0%']);
  });

  it('treats U+2212 and U+2014 as range dashes', () => {
    one('3\u22125 %', 'de', { value: 3, max: 5 });
    one('$175\u2014185bn', 'en', { value: 175e9, max: 185e9 });
  });

  it('never throws, and parses 10,000 characters in a few milliseconds', () => {
    for (const junk of ['', '$', '€€€', '-', '1,', "1'", '1 000 000 000 000 000 000 000', '\u00ad\ud83d\ude00 Milliarden-', '.'.repeat(500)]) {
      expect(() => parseQuantities(junk, 'de')).not.toThrow();
      expect(() => parseQuantities(junk, 'en')).not.toThrow();
    }
    const sentence = 'Microsoft hat mehr als $13 Milliarden in OpenAI investiert, rund 16.000 Stellen und 24 % mehr. ';
    const text = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000);
    const pathological = '1.1.1.1,1,1 '.repeat(900) + '-'.repeat(1000);
    parseQuantities(text, 'de'); // warm-up
    const t0 = performance.now();
    const qs = parseQuantities(text, 'de');
    parseQuantities(pathological, 'de');
    expect(performance.now() - t0).toBeLessThan(100);
    expect(qs.length).toBeGreaterThan(300);
  });
});

describe('real corpus sentences', () => {
  const de: Array<[string, Shape[]]> = [
    ['Amazon verhandelt laut Medienberichten über eine Investition von bis zu $50 Milliarden in OpenAI', [usd(50e9, { qualifier: 'up_to' })]],
    [
      'Nvidia erwägt demnach ein Investment von bis zu 30 Milliarden US-Dollar, Microsoft eine Beteiligung von unter 10 Milliarden US-Dollar.',
      [usd(30e9, { qualifier: 'up_to' }), usd(10e9, { qualifier: 'below' })],
    ],
    [
      'Zusätzlich steht SoftBank Group in Verhandlungen über weitere 30 Milliarden US-Dollar.',
      [usd(30e9, { qualifier: 'exact', additional: true })],
    ],
    ['Microsoft hat mehr als $13 Milliarden in OpenAI investiert', [usd(13e9, { qualifier: 'more_than' })]],
    ['| Mai 2023 | Inflection AI | Microsoft/NVIDIA | $1,3 Milliarden |', [usd(1.3e9, { qualifier: 'exact' })]],
    [
      'Der Umsatz der Cloud-Sparte AWS wuchs im vergangenen Quartal im Jahresvergleich um 24 Prozent auf 35,6 Milliarden Dollar',
      [{ kind: 'percent', value: 24, unit: 'percent' }, usd(35.6e9)],
    ],
    [
      'So kündigte der Google-Mutterkonzern Alphabet für dieses Jahr Kapitalinvestitionen zwischen 175 und 185 Milliarden Dollar an. Der Facebook-Konzern Meta plant mit 115 bis 135 Milliarden Dollar.',
      [usd(175e9, { max: 185e9, qualifier: 'range' }), usd(115e9, { max: 135e9, qualifier: 'range' })],
    ],
    ["Der Konzern baut in zwei Wellen rund 30'000 Bürojobs ab", [{ kind: 'count', value: 30000, unit: 'jobs', qualifier: 'about' }]],
    ['Abbau von rund 16.000 Stellen', [{ kind: 'count', value: 16000, unit: 'jobs', qualifier: 'about' }]],
    ['was bis 2045 8 Billionen Dollar an neuer Wohlstand freisetzen könnte', [usd(8e12, { qualifier: 'exact', text: '8 Billionen Dollar' })]],
    [
      'dass bis 2040 bis zu 40 Millionen Arbeitsplätze automatisiert werden könnten',
      [{ kind: 'count', value: 40e6, unit: 'jobs', qualifier: 'up_to' }],
    ],
    ['Bezos zielt auf 3–5 % jährliches Wachstum ab', [{ kind: 'percent', value: 3, max: 5, qualifier: 'range' }]],
    ['China stellt derzeit etwa 29 % der Waren der Welt her.', [{ kind: 'percent', value: 29, qualifier: 'about' }]],
    ['5 CHF', [{ kind: 'money', value: 5, currency: 'CHF' }]],
    ['Die Aktie fiel im nachbörslichen Handel zeitweise um acht Prozent.', [{ kind: 'percent', value: 8, qualifier: 'exact' }]],
    [
      'Project Prometheus, das bereits mit 6,2 Milliarden US-Dollar an Startkapital ausgestattet wurde, sucht separat nach weiteren Mitteln in Höhe von bis zu 6 Milliarden US-Dollar.',
      [usd(6.2e9, { qualifier: 'exact' }), usd(6e9, { qualifier: 'up_to' })],
    ],
    [
      'der 2017 rund 98,6 Milliarden US-Dollar in digitale Plattformunternehmen investierte',
      [usd(98.6e9, { qualifier: 'about' })],
    ],
    ['Unterm Strich gab es einen Gewinn von 21,2 Milliarden Dollar.', [usd(21.2e9)]],
    ['Belastung von 610 Millionen Dollar', [usd(610e6)]],
    ['Erst kürzlich schloss das Unternehmen einen milliardenschweren Computing-Deal mit Cerebras ab.', [{ kind: 'money', value: null }]],
  ];
  it.each(de)('de: %s', (text, shapes) => all(text, 'de', shapes));

  const en: Array<[string, Shape[]]> = [
    ['Amazon is in talks to invest up to $50bn in OpenAI', [usd(50e9, { qualifier: 'up_to', text: 'up to $50bn' })]],
    ['Microsoft will invest an additional $4 billion', [usd(4e9, { additional: true })]],
    ['The round closed at a $40 billion valuation', [usd(40e9, { qualifier: 'exact', text: '$40 billion' })]],
    ['Alphabet expects capex of $175-185bn this year', [usd(175e9, { max: 185e9, qualifier: 'range' })]],
    ['Microsoft has invested more than $13B in OpenAI', [usd(13e9, { qualifier: 'more_than' })]],
    ['a stake worth less than €10 million', [{ kind: 'money', value: 10e6, currency: 'EUR', qualifier: 'below' }]],
    ['shares fell about 8 percent', [{ kind: 'percent', value: 8, qualifier: 'about' }]],
    ['half a billion dollars in compute', [usd(0.5e9)]],
    ['a £3.5m seed round', [{ value: 3.5e6, currency: 'GBP' }]],
    ['raised US$2.5 billion', [usd(2.5e9)]],
  ];
  it.each(en)('en: %s', (text, shapes) => all(text, 'en', shapes));
});

describe('English words in German text', () => {
  it('a lower-case "billion" is the English 10^9, a capitalised "Billion" the German 10^12', () => {
    expect(parseQuantities('Acme said it was valued at $1 billion.', 'de')[0]).toMatchObject({ value: 1e9, currency: 'USD' });
    expect(parseQuantities('Die Bewertung liegt bei einer Billion Dollar.', 'de')[0]).toMatchObject({ value: 1e12 });
  });
});
