/** Extraction rules on articles beyond the seeds: English wording, anaphora, valuations, quarters, countries. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { extractFacts } from '../../src/extract/facts.ts';

function facts(raw: string, name = 'test.md') {
  return extractFacts(parseArticle({ name, raw }), bundledCatalog());
}

const reuters = `---
title: Microsoft to invest $10 billion in OpenAI
outlet: Reuters
date: 2023-01-23
lang: en
---
Microsoft will invest $10 billion in OpenAI, according to people familiar with the matter, which would value the company at $29 billion.

The software giant had already invested $1 billion in OpenAI in 2019.

Separately, Anthropic raised $450 million in a funding round led by Spark Capital, valuing the startup at about $4.1 billion.

Amazon said it would cut about 18,000 jobs, and its revenue rose 9% to $149.2 billion in the fourth quarter.

Mistral AI secured €600 million from investors including Nvidia.
`;

describe('English articles', () => {
  const { deals, figures } = facts(reuters);

  it('investor before the amount, target after "in"; a valuation is not a deal; "according to people familiar" is a rumour', () => {
    expect(deals.find((d) => d.amount?.value === 10e9)).toMatchObject({ investor: 'Microsoft', target: 'OpenAI', status: 'rumoured' });
    expect(deals.some((d) => d.amount?.value === 29e9)).toBe(false);
    expect(figures.find((f) => f.value === 29e9)).toMatchObject({ entity: 'OpenAI', metric: 'valuation' });
  });

  it('"the software giant" refers to the company named before; a past year makes it historic', () => {
    expect(deals.find((d) => d.amount?.value === 1e9)).toMatchObject({ investor: 'Microsoft', target: 'OpenAI', status: 'historic', date: '2019' });
  });

  it('a raise: the company before the amount receives it, "led by" names the investor; its valuation is a figure', () => {
    expect(deals.find((d) => d.amount?.value === 450e6)).toMatchObject({ investor: 'Spark Capital', target: 'Anthropic', status: 'completed' });
    expect(figures.find((f) => f.metric === 'valuation' && f.entity === 'Anthropic')).toMatchObject({ value: 4.1e9, qualifier: 'about' });
  });

  it('"secured … from investors including X": X is the investor, in euros', () => {
    expect(deals.find((d) => d.target === 'Mistral AI')).toMatchObject({ investor: 'Nvidia', amount: { value: 600e6, currency: 'EUR' } });
  });

  it('job cuts, revenue and its growth with the quarter resolved against the article date', () => {
    expect(figures.find((f) => f.metric === 'job_cuts')).toMatchObject({ entity: 'Amazon', value: 18000, unit: 'jobs', qualifier: 'about' });
    expect(figures.find((f) => f.metric === 'revenue')).toMatchObject({ entity: 'Amazon', value: 149.2e9, period: '2022-Q4' });
    expect(figures.find((f) => f.metric === 'revenue_growth')).toMatchObject({ entity: 'Amazon', value: 9, unit: 'percent' });
  });
});

describe('German wording', () => {
  it('"der Konzern" in a later paragraph is the company named before', () => {
    const { figures } = facts('Nvidia meldete Rekordzahlen.\n\nDer Konzern steigerte den Umsatz auf 39,3 Milliarden Dollar.', 'de.txt');
    expect(figures.find((f) => f.metric === 'revenue')).toMatchObject({ entity: 'Nvidia', value: 39.3e9, unit: 'USD' });
  });

  it('a country is never an investor: "US-Dollar" and "in den USA" name no party', () => {
    const { deals } = facts('Microsoft investiert in den USA bis zu 80 Milliarden US-Dollar in Mistral AI.', 'de.txt');
    expect(deals[0]).toMatchObject({ investor: 'Microsoft', target: 'Mistral AI', amount: { value: 80e9, qualifier: 'up_to' } });
  });

  it('"bewertet" makes a valuation; "Börsengang" an IPO valuation', () => {
    const { figures } = facts('Mistral AI wird mit 11,7 Milliarden Euro bewertet. Bei einem Börsengang könnte die Bewertung auf bis zu 30 Milliarden Euro steigen.', 'de.txt');
    expect(figures.map((f) => [f.metric, f.value, f.unit])).toEqual([
      ['valuation', 11.7e9, 'EUR'],
      ['ipo_valuation', 30e9, 'EUR'],
    ]);
  });
});

describe('a German round report', () => {
  const article = [
    'Das französische KI-Start-up Mistral AI hat in einer neuen Finanzierungsrunde 1,7 Milliarden Euro eingesammelt. Der niederländische Chipausrüster ASML beteiligt sich mit 1,3 Milliarden Euro und wird damit größter Anteilseigner. Nach Angaben aus Unternehmenskreisen wird Mistral nun mit rund 11,7 Milliarden Euro bewertet.',
    'Im vergangenen Jahr hatte Microsoft bereits 15 Millionen Euro in das Pariser Unternehmen investiert.',
    'Unterdessen verhandelt SAP über eine Beteiligung von bis zu 500 Millionen Euro an Aleph Alpha. Das Heidelberger Unternehmen hatte zuletzt einen Umsatz von weniger als 50 Millionen Euro erzielt.',
    'Der US-Konzern Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren, Microsoft rund 80 Milliarden Dollar.',
  ].join('\n\n');
  const { deals, figures } = facts(`---\ndate: 2025-09-09\nlang: de\n---\n${article}\n`);
  const dealOf = (value: number) => deals.find((d) => d.amount?.value === value);

  it('the round, the lead investor "beteiligt sich", and an earlier stake "in das … Unternehmen" all go to Mistral AI', () => {
    expect(dealOf(1.7e9)).toMatchObject({ investor: null, target: 'Mistral AI', status: 'completed' });
    expect(dealOf(1.3e9)).toMatchObject({ investor: 'ASML', target: 'Mistral AI' });
    expect(dealOf(15e6)).toMatchObject({ investor: 'Microsoft', target: 'Mistral AI', status: 'historic', date: '2024' });
    expect(figures.find((f) => f.metric === 'valuation')).toMatchObject({ entity: 'Mistral AI', value: 11.7e9, unit: 'EUR' });
  });

  it('"das Heidelberger Unternehmen" after a deal is the company invested in', () => {
    expect(dealOf(500e6)).toMatchObject({ investor: 'SAP', target: 'Aleph Alpha', status: 'talks' });
    expect(figures.find((f) => f.metric === 'revenue')).toMatchObject({ entity: 'Aleph Alpha', value: 50e6, qualifier: 'below' });
  });

  it('spending plans are figures with the year of the sentence, never deals with the company named before', () => {
    expect(dealOf(80e9)).toBeUndefined();
    expect(figures.find((f) => f.value === 80e9)).toMatchObject({ entity: 'Microsoft', metric: 'investment', period: '2026' });
    expect(figures.find((f) => f.value === 115e9)).toMatchObject({ entity: 'Meta', max: 135e9, period: '2026' });
  });
});

describe('an English round report', () => {
  const { deals, figures } = facts(`---\ndate: 2025-09-02\nlang: en\n---\nAnthropic on Tuesday said it closed a $13 billion Series F funding round at a $183 billion post-money valuation.\n\nAnthropic's run-rate revenue grew to over $5 billion in August.\n\nAmazon, which has invested $8 billion in Anthropic, remains its primary cloud partner.\n`);

  it('"at a $183 billion post-money valuation" is the valuation, the round is the deal', () => {
    expect(deals.find((d) => d.amount?.value === 13e9)).toMatchObject({ target: 'Anthropic', status: 'completed' });
    expect(deals.some((d) => d.amount?.value === 183e9)).toBe(false);
    expect(figures.find((f) => f.value === 183e9)).toMatchObject({ entity: 'Anthropic', metric: 'valuation' });
  });

  it('"run-rate revenue" is a run-rate; "which has invested" is background', () => {
    expect(figures.find((f) => f.value === 5e9)).toMatchObject({ metric: 'run_rate', qualifier: 'more_than', period: '2025-08' });
    expect(deals.find((d) => d.amount?.value === 8e9)).toMatchObject({ investor: 'Amazon', status: 'historic' });
  });
});

describe('several investors and lead investors', () => {
  it('"Microsoft and Nvidia will invest" and "Nvidia und Microsoft investieren" are joint deals', () => {
    const en = facts('---\nlang: en\n---\nMicrosoft and Nvidia will invest up to $15 billion in Anthropic.\n').deals[0];
    expect(en).toMatchObject({ investor: 'Microsoft/Nvidia', investorIds: ['microsoft', 'nvidia'], target: 'Anthropic' });
    const de = facts('---\nlang: de\n---\nNvidia und Microsoft investieren zusammen bis zu 15 Milliarden Dollar in Anthropic.\n').deals[0];
    expect(de).toMatchObject({ investor: 'Nvidia/Microsoft', target: 'Anthropic', amount: { value: 15e9, qualifier: 'up_to' } });
  });

  it('"Thrive Capital led OpenAI\'s $6.6 billion round": the lead is the investor, OpenAI raises', () => {
    const { deals } = facts("---\nlang: en\n---\nThrive Capital led OpenAI's $6.6 billion funding round, which valued the company at $157 billion.\n");
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ investor: 'Thrive Capital', target: 'OpenAI', amount: { value: 6.6e9 } });
  });
});

describe('parts of a deal', () => {
  it('a piece, a payment or money set aside is a part of the deal: the company named before it, else the deal\'s', () => {
    const { deals, figures } = facts(`---
title: Microsoft pays Inflection
lang: en
---
Microsoft paid Inflection AI $650 million in a licensing deal.

The largest piece, $620 million, bought Microsoft a non-exclusive license. Nvidia is buying Run:ai for $700 million, with another $100 million set aside for retention grants.
`);
    expect(deals.map((d) => [d.investor, d.target, d.amount?.value])).toEqual(expect.arrayContaining([['Microsoft', 'Inflection AI', 650e6]]));
    const parts = figures.filter((f) => f.metric === 'deal_part').map((f) => [f.entity, f.value]);
    expect(parts).toEqual([['Inflection AI', 620e6], ['Run:ai', 100e6]]);
  });

  it('without a deal in the article a payment is nobody\'s figure', () => {
    expect(facts('---\nlang: en\n---\nThe largest piece, $620 million, went to the lawyers.\n').figures).toEqual([]);
  });
});

describe('news and background by date', () => {
  it('an earlier month of the same year is background for another company\'s deal, news for the article\'s own', () => {
    const { deals } = facts(`---
lang: de
date: 2025-09-02
---
Um 955 Millionen Euro hat die US-Firma Nice Ende Juli Cognigy übernommen. Cognigy, ein KI-Unternehmen aus Düsseldorf, wächst. Cognigy hat 500 Mitarbeiter.

Im Juli hatte auch das Start-up Parloa 120 Millionen Euro eingesammelt.
`);
    expect(deals.find((d) => d.target === 'Cognigy')?.status).toBe('completed');
    expect(deals.find((d) => d.target === 'Parloa')?.status).toBe('historic');
  });
});

describe('whose figure: investors named in between, "respectively"', () => {
  it('"Das Unternehmen" after a round is the company that raised it, not the lead investor named in between', () => {
    const { figures } = facts(`---
lang: de
---
Das Münchner KI-Start-up Black Forest Labs hat in einer Finanzierungsrunde 300 Millionen Dollar eingesammelt. Angeführt wurde die Runde von Salesforce Ventures und Anthology Fund. Das Unternehmen wird damit mit 3,25 Milliarden Dollar bewertet.
`);
    expect(figures.find((f) => f.metric === 'valuation')).toMatchObject({ entity: 'Black Forest Labs', value: 3.25e9 });
  });

  it('"A and B … $5 billion and $10 billion respectively": each amount its own company', () => {
    const { figures } = facts('---\nlang: en\n---\nMicrosoft and Nvidia have agreed to invest up to $5 billion and $10 billion respectively.\n');
    expect(figures.map((f) => [f.entity, f.value])).toEqual([['Microsoft', 5e9], ['Nvidia', 10e9]]);
  });
});

describe('months ahead and names after company nouns', () => {
  it('a month named in the future tense lies ahead: the deal is not background, and its date is the coming month', () => {
    const { deals } = facts('---\nlang: en\ndate: 2025-03-31\n---\nSoftBank will invest $40 billion in OpenAI, with $10 billion coming in April and the rest by the end of the year.\n');
    expect(deals[0]).toMatchObject({ investor: 'SoftBank Group', target: 'OpenAI', status: 'announced', date: '2025-04' });
  });

  it('a company noun before a name is no part of it: "den Server-Spezialisten ZT Systems" is ZT Systems', () => {
    const { deals } = facts('---\nlang: de\ndate: 2024-08-19\n---\nDer US-Chipkonzern AMD übernimmt den Server-Spezialisten ZT Systems für 4,9 Milliarden Dollar.\n');
    expect(deals[0]).toMatchObject({ investor: 'AMD', target: 'ZT Systems', kind: 'acquisition', amount: { value: 4.9e9 } });
  });
});

