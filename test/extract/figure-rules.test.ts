/** Figure rules (`figureFor`, `nearestMetric`, `isRoundOrFunding`): what a number is about, whose it is, and when. */
import { describe, expect, it } from 'vitest';
import { figureFor, isRoundOrFunding, nearestMetric } from '../../src/extract/figure-rules.ts';
import { clauseOf, type ArticleState, type SentenceView } from '../../src/extract/reading.ts';
import type { Figure } from '../../src/extract/types.ts';
import type { Lang } from '../../src/text/lang.ts';
import { catalog, viewsOf } from './sentences.ts';

interface Options {
  lang?: Lang;
  date?: string | null;
  /** The company named in an earlier sentence ("der Konzern", "the company" refer to it). */
  subject?: string;
  /** The company receiving money in the sentence: a valuation there is its valuation. */
  receiver?: string;
}

/** Every figure `figureFor` reads in `text`, each sentence continuing the figure before it. */
function figuresIn(text: string, { lang = 'en', date = '2026-02-10', subject, receiver }: Options = {}): Figure[] {
  const { article, views } = viewsOf(text, lang, date);
  const state: ArticleState = { article, catalog, mainEntity: null, targets: [] };
  const subjectMention = subject ? catalog.find(subject)[0]! : null;
  const receiverEntity = receiver ? catalog.resolve(receiver)! : null;
  const figures: Figure[] = [];
  let previous: Figure | null = null;
  for (const v of views) {
    for (const q of v.quantities) {
      const figure = figureFor(q, v, subjectMention, previous, state, null, receiverEntity);
      if (figure) figures.push((previous = figure));
    }
  }
  return figures;
}

function figureIn(text: string, options: Options = {}): Figure {
  const figures = figuresIn(text, options);
  expect(figures, text).toHaveLength(1);
  return figures[0]!;
}

/** The one sentence of `text`, read. */
function sentence(text: string, lang: Lang = 'en'): SentenceView {
  const { views } = viewsOf(text, lang, '2026-02-10');
  expect(views).toHaveLength(1);
  return views[0]!;
}

describe('metric and company', () => {
  it.each([
    { lang: 'en', text: 'Anthropic is valued at $183 billion.', entity: 'Anthropic', metric: 'valuation', unit: 'USD' },
    { lang: 'de', text: 'Anthropic wird mit 350 Milliarden Dollar bewertet.', entity: 'Anthropic', metric: 'valuation', unit: 'USD' },
    { lang: 'de', text: 'Bei einem Börsengang könnte Anthropic mit bis zu 500 Milliarden Dollar bewertet werden.', entity: 'Anthropic', metric: 'ipo_valuation', unit: 'USD' },
    { lang: 'en', text: 'Microsoft reported net income of $27 billion.', entity: 'Microsoft', metric: 'profit', unit: 'USD' },
    { lang: 'de', text: 'Microsoft erzielte einen Nettogewinn von 27 Milliarden Dollar.', entity: 'Microsoft', metric: 'profit', unit: 'USD' },
    { lang: 'en', text: 'Intel reported a loss of $16.6 billion.', entity: 'Intel', metric: 'loss', unit: 'USD' },
    { lang: 'de', text: 'Intel meldete einen Verlust von 16,6 Milliarden Euro.', entity: 'Intel', metric: 'loss', unit: 'EUR' },
    { lang: 'en', text: "Anthropic's run-rate revenue reached $7 billion.", entity: 'Anthropic', metric: 'run_rate', unit: 'USD' },
    { lang: 'de', text: 'Nvidia steigerte den Konzernumsatz auf 39,3 Milliarden Dollar.', entity: 'Nvidia', metric: 'revenue', unit: 'USD' },
    { lang: 'en', text: 'Amazon will cut about 14,000 jobs.', entity: 'Amazon', metric: 'job_cuts', unit: 'jobs' },
    { lang: 'de', text: 'Amazon streicht rund 14.000 Stellen.', entity: 'Amazon', metric: 'job_cuts', unit: 'jobs' },
    { lang: 'en', text: 'Microsoft will build a data center for $10 billion in Wisconsin.', entity: 'Microsoft', metric: 'facility', unit: 'USD' },
    { lang: 'de', text: 'Amazon baut ein Rechenzentrum für 11 Milliarden Dollar in Indiana.', entity: 'Amazon', metric: 'facility', unit: 'USD' },
    { lang: 'de', text: 'Meta will 2026 rund 100 Milliarden Dollar investieren.', entity: 'Meta', metric: 'investment', unit: 'USD' },
    { lang: 'en', text: 'Meta plans capital expenditures of $70 billion in 2025.', entity: 'Meta', metric: 'investment', unit: 'USD' },
    { lang: 'en', text: 'Amazon will invest $200 billion in 2026.', entity: 'Amazon', metric: 'investment', unit: 'USD' },
    { lang: 'de', text: 'Insgesamt summiert sich Amazons Engagement damit auf acht Milliarden Dollar.', entity: 'Amazon', metric: 'invested_total', unit: 'USD' },
    { lang: 'en', text: "15% of CoreWeave's revenue comes from Nvidia.", entity: 'CoreWeave', metric: 'revenue_share', unit: 'percent' },
    { lang: 'de', text: 'Rund 40 Prozent des Umsatzes von Nvidia stammen von vier Kunden.', entity: 'Nvidia', metric: 'revenue_share', unit: 'percent' },
    { lang: 'de', text: 'OpenAI hält einen Marktanteil von 60 Prozent.', entity: 'OpenAI', metric: 'market_share', unit: 'percent' },
    { lang: 'de', text: 'Die Nvidia-Aktie stieg um 5 Prozent.', entity: 'Nvidia', metric: 'share_price', unit: 'percent' },
    { lang: 'en', text: 'Nvidia shares fell 3%.', entity: 'Nvidia', metric: 'share_price', unit: 'percent' },
    { lang: 'en', text: "Nvidia's revenue rose 62% in the quarter.", entity: 'Nvidia', metric: 'revenue_growth', unit: 'percent' },
    { lang: 'de', text: 'Der Umsatz von Nvidia wuchs um 62 Prozent.', entity: 'Nvidia', metric: 'revenue_growth', unit: 'percent' },
    { lang: 'en', text: 'AI could create $8 trillion in new wealth by 2045.', entity: '', metric: 'wealth', unit: 'USD' },
  ] as { lang: Lang; text: string; entity: string; metric: string; unit: string }[])('$text → $entity $metric', ({ lang, text, entity, metric, unit }) => {
    expect(figureIn(text, { lang })).toMatchObject({ entity, metric, unit });
  });

  it.each([
    { text: 'Anthropic is valued at $183 billion.', subject: 'Anthropic valuation' },
    { text: 'Bei einem Börsengang könnte Anthropic mit bis zu 500 Milliarden Dollar bewertet werden.', lang: 'de', subject: 'Anthropic IPO valuation' },
    { text: "Nvidia's revenue rose 62% in the third quarter.", subject: 'Nvidia revenue growth 2025-Q3' },
    { text: 'Die Firma Microsoft beschäftigt 2.000 Mitarbeiter.', lang: 'de', subject: 'Microsoft employees' },
    { text: 'Meta will 2026 rund 100 Milliarden Dollar investieren.', lang: 'de', subject: 'Meta investment (capex) 2026' },
  ] as { text: string; lang?: Lang; subject: string }[])('the subject names company, metric and period: $text', ({ text, lang, subject }) => {
    expect(figureIn(text, { lang }).subject).toBe(subject);
  });

  it('a valuation named right after the amount wins over a round before it; the round alone is no figure', () => {
    const figures = figuresIn('Anthropic raised $13 billion at a $183 billion post-money valuation.');
    expect(figures.map((f) => [f.value, f.metric, f.basis])).toEqual([[183e9, 'valuation', 'post_money']]);
  });

  it.each([
    { text: 'CoreWeave priced its IPO at $40 per share.', entity: 'CoreWeave', metric: 'price', value: 40 },
    { text: 'Nvidia holds a 5.97% stake in CoreWeave.', entity: 'Nvidia', metric: 'stake', value: 5.97 },
    { text: 'Ziel sei eine Marktkapitalisierung von bis zu einer Billion Dollar für OpenAI.', lang: 'de', entity: 'OpenAI', metric: 'valuation', value: 1e12 },
    { text: 'Erst vor Kurzem bezifferte CEO Sam Altman die nötigen Investitionen auf bis zu 1,4 Billionen Dollar.', lang: 'de', entity: 'OpenAI', metric: 'investment', value: 1.4e12 },
  ] as { text: string; lang?: Lang; entity: string; metric: string; value: number }[])('$text → $entity $metric', ({ text, lang, entity, metric, value }) => {
    expect(figureIn(text, { lang })).toMatchObject({ entity, metric, value });
  });

  it.each([
    // A site or a plan with no company named is no company's.
    { text: 'Für ein Rechenzentrum in Texas sind 23,25 Milliarden US-Dollar vorgesehen.', lang: 'de' },
    // An earlier value given for comparison only ("up from about $1 billion").
    { text: 'Anthropic said its run-rate revenue was up from about $1 billion.', lang: 'en' },
    // A sum of no one without a year.
    { text: 'The share rally has added more than $100bn to the fortune of the chairman.', lang: 'en' },
  ] as { text: string; lang: Lang }[])('no figure: $text', ({ text, lang }) => {
    expect(figuresIn(text, { lang })).toEqual([]);
  });

  it('a headcount in an adjective is the company\'s ("Windsurf\'s 250-person team"); money a month is revenue or burn', () => {
    expect(figureIn("Most of Windsurf's 250-person team was left stranded.")).toMatchObject({ entity: 'Windsurf', metric: 'count', unit: 'employees', value: 250 });
    expect(figureIn('Cohere is bringing in a mere US$1.8-million per month.')).toMatchObject({ entity: 'Cohere', metric: 'revenue', value: 1.8e6 });
    expect(figureIn('xAI verbrennt rund 1 Milliarde US-Dollar im Monat.', { lang: 'de' })).toMatchObject({ entity: 'xAI', metric: 'burn', value: 1e9 });
  });

  it('"the company\'s valuation … at" names the valuation even with a round nearer, and the company even with a data source named', () => {
    const text = "Dealroom data estimates put the company's valuation in that round at between $191 million and $286 million.";
    expect(figureIn(text, { subject: 'Synthesia' })).toMatchObject({ entity: 'Synthesia', metric: 'valuation', value: 191e6, max: 286e6 });
  });

  it('a rise in a sentence about selling stock at a valuation is the valuation\'s growth, not a share price move', () => {
    const figures = figuresIn('Anthropic announced staff can now sell stock at a $5 billion valuation, a rise of more than 60% from the $3.1 billion valuation it announced in August.');
    expect(figures.find((f) => f.unit === 'percent')).toMatchObject({ entity: 'Anthropic', metric: 'valuation_growth', value: 60 });
    expect(figureIn('Nvidia shares fell 3%.').metric).toBe('share_price');
  });

  it('a count is the company\'s that "it" stands for, or whose staff it is ("staff at Inflection")', () => {
    const counted = figuresIn("Before the Google raid, Windsurf's annual recurring revenue had reached $82 million, and it counted over 350 enterprise customers.");
    expect(counted.find((f) => f.metric === 'count')).toMatchObject({ entity: 'Windsurf', unit: 'customers', value: 350 });
    expect(figureIn('Most of the 70-person staff at Inflection have moved over to Microsoft.')).toMatchObject({ entity: 'Inflection AI', unit: 'employees', value: 70 });
  });

  it('a figure of several companies together is none of them alone, even with one in focus', () => {
    expect(figuresIn('Bei allen drei Konzernen wuchs der Quartalsumsatz jeweils zwischen 16 und 26 Prozent.', { lang: 'de', subject: 'Alphabet' })).toEqual([]);
    expect(figuresIn('Revenue at all three companies rose between 16% and 26%.', { subject: 'Alphabet' })).toEqual([]);
    expect(figureIn('Der Quartalsumsatz wuchs um 16 Prozent.', { lang: 'de', subject: 'Alphabet' })).toMatchObject({ entity: 'Alphabet', value: 16 });
  });

  it('businesses that use a platform are its customers; businesses named otherwise are no figure', () => {
    expect(figureIn('Über 1.000 Unternehmen setzen die Plattform ein, darunter DHL und Lufthansa.', { lang: 'de', subject: 'Cognigy' })).toMatchObject({ entity: 'Cognigy', unit: 'customers', value: 1000 });
    expect(figureIn('More than 500 companies use Cohere\'s models.', { subject: 'Cohere' })).toMatchObject({ entity: 'Cohere', unit: 'customers', value: 500 });
    expect(figuresIn('Über 1.000 Unternehmen wurden gegründet.', { lang: 'de', subject: 'Cognigy' })).toEqual([]);
  });

  it('the amount before "bei einer Bewertung von" / "at a valuation of" is the round, the one after it the valuation', () => {
    const figures = figuresIn('Das Start-up DeepL erhält 300 Millionen Dollar bei einer Bewertung von zwei Milliarden Dollar.', { lang: 'de' });
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['valuation', 2e9]]);
    expect(figuresIn('Acme AI raised $300 million at a valuation of $2 billion.').map((f) => [f.metric, f.value])).toEqual([['valuation', 2e9]]);
  });

  it('a market named as the clause\'s subject owns its size, growth and share; a market named nowhere owns nothing', () => {
    const genai = figuresIn('IDC expects GenAI spending to hit $202 billion by 2028, equal to 32% of overall AI spending.');
    expect(genai.map((f) => [f.entityId, f.entity, f.metric, f.value])).toEqual([
      [null, 'GenAI spending', 'market_size', 202e9],
      [null, 'GenAI spending', 'market_share', 32],
    ]);
    // A figure only "according to" a research firm is the market's, not the firm's.
    expect(figureIn('Global spending on AI will reach $632 billion in 2028, according to International Data Corporation.')).toMatchObject({ entityId: null, entity: 'Global spending on AI' });
    expect(figureIn('Global spending on artificial intelligence will reach $632 billion in 2028.')).toMatchObject({ entity: 'Global spending on artificial intelligence', metric: 'market_size', period: '2028' });
    expect(figureIn('Der Markt für KI-Chips soll bis 2030 um 25 Prozent wachsen.', { lang: 'de' })).toMatchObject({ entity: 'Markt für KI-Chips', metric: 'growth', value: 25 });
    expect(figureIn('Die weltweiten Ausgaben für KI sollen 2027 rund 500 Milliarden Dollar erreichen.', { lang: 'de' })).toMatchObject({ entity: 'weltweiten Ausgaben für KI', metric: 'market_size', value: 500e9 });
    // The market as an object is not what the number is about; a bare "spending" names no market.
    expect(figuresIn('The category will outgrow the AI market as a whole, posting a five-year CAGR of 59.2%.')).toEqual([]);
    expect(figuresIn('Because AI is being built into products, spending will post a 29% compound annual growth rate through 2028.', { subject: 'Nvidia' })).toEqual([]);
    expect(figureIn('The European market for AI chips grew 20% last year.')).toMatchObject({ entity: 'European market for AI chips', metric: 'growth' });
    // A market word that only describes who acts is no market: "Stock market investors poured …".
    expect(figuresIn('Stock market investors poured $5 billion into AI start-ups in 2025.')).toEqual([]);
    // A company's own spending stays the company's.
    expect(figureIn('Microsoft spending on AI will reach $80 billion in 2025.')).toMatchObject({ entity: 'Microsoft', metric: 'investment' });
  });

  it('a fortune is the person\'s whose fortune the sentence names, not a person they are compared with', () => {
    const figures = figuresIn('The share rally has added more than $100bn to the fortune of chairman Larry Ellison, putting him alongside Elon Musk among the world’s wealthiest people, with a net worth estimated to be approaching $400bn.');
    expect(figures.map((f) => [f.entity, f.metric, f.value])).toEqual([
      ['Larry Ellison', 'wealth_growth', 100e9],
      ['Larry Ellison', 'wealth', 400e9],
    ]);
    expect(figureIn('Das Vermögen von Oracle-Gründer Larry Ellison liegt bei rund 400 Milliarden Dollar.', { lang: 'de' })).toMatchObject({ entity: 'Larry Ellison', metric: 'wealth', value: 400e9 });
    expect(figureIn("Elon Musk's net worth is about $480 billion.")).toMatchObject({ entityId: 'elon-musk', metric: 'wealth' });
  });

  it('a valuation given only as a possibility is marked conditional', () => {
    expect(figureIn('Damit wäre OpenAI mit etwa 830 Milliarden US-Dollar bewertet.', { lang: 'de' })).toMatchObject({ metric: 'valuation', conditional: true });
    expect(figureIn('The round would value Anthropic at $350 billion.')).toMatchObject({ conditional: true });
    expect(figureIn('Anthropic is valued at $183 billion.')).toMatchObject({ conditional: false });
  });

  it('what a fund manages is its fund size', () => {
    expect(figureIn('Sapphire Ventures verwaltet aktuell Vermögenswerte von 78 Milliarden Dollar.', { lang: 'de' })).toMatchObject({ entity: 'Sapphire Ventures', metric: 'fund_size', value: 78e9 });
    expect(figureIn('Lakestar has $1 billion in assets under management.')).toMatchObject({ entity: 'Lakestar', metric: 'fund_size' });
  });

  it('money raised to date is a running total', () => {
    expect(figureIn('To date, Anthropic has raised more than $27 billion.')).toMatchObject({ entity: 'Anthropic', metric: 'funding_total', value: 27e9 });
  });

  it('the same amount converted in brackets is no second figure', () => {
    expect(figuresIn('Mistral AI is valued at €11.7 billion ($13.7 billion).').map((f) => f.value)).toEqual([11.7e9]);
  });

  it('a fund or a state investing is no spending plan; a share of no one is no figure', () => {
    expect(figuresIn('PSP Investments has put more than $120 million of equity.')).toEqual([]);
    expect(figuresIn('Rund 30 Prozent der Firmen nutzen KI.', { lang: 'de' })).toEqual([]);
  });

  it('a range keeps its upper bound, a qualifier its meaning', () => {
    expect(figureIn('Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren.', { lang: 'de' })).toMatchObject({ value: 115e9, max: 135e9, qualifier: 'range' });
    expect(figureIn('Anthropic wird mit rund 350 Milliarden Dollar bewertet.', { lang: 'de' })).toMatchObject({ value: 350e9, max: null, qualifier: 'about' });
  });
});

describe('whose figure', () => {
  it.each([
    { lang: 'de', text: 'Der Konzern steigerte den Umsatz auf 39,3 Milliarden Dollar.', subject: 'Nvidia', entity: 'Nvidia' },
    { lang: 'en', text: 'The company reported revenue of $39.3 billion.', subject: 'Nvidia', entity: 'Nvidia' },
    { lang: 'de', text: 'Das Unternehmen streicht 2.000 Stellen.', subject: 'Amazon', entity: 'Amazon' },
    // A company's books are never a country's.
    { lang: 'de', text: 'Die Schließung der Läden in den USA brachte eine Belastung von 2 Milliarden Dollar.', subject: 'Amazon', entity: 'Amazon' },
    // The company named in the clause beats the one named before.
    { lang: 'de', text: 'Microsoft meldete einen Umsatz von 60 Milliarden Dollar.', subject: 'Nvidia', entity: 'Microsoft' },
  ] as { lang: Lang; text: string; subject: string; entity: string }[])('$text (after $subject) → $entity', ({ lang, text, subject, entity }) => {
    expect(figureIn(text, { lang, subject }).entity).toBe(entity);
  });

  it('a share of the world can be a country’s', () => {
    expect(figureIn("China produces 60% of the world's chips.")).toMatchObject({ entity: 'China', metric: 'market_share' });
  });

  it('a valuation in a sentence about a round is the receiving company’s, never the fund’s', () => {
    const text = 'The round was led by Spark Capital, valuing the startup at about $4.1 billion.';
    expect(figureIn(text, { receiver: 'Anthropic' })).toMatchObject({ entity: 'Anthropic', metric: 'valuation' });
    expect(figuresIn(text).map((f) => f.entity)).not.toContain('Spark Capital');
  });
});

describe('periods', () => {
  it.each([
    { lang: 'en', text: "Nvidia's revenue was $57 billion in the third quarter.", period: '2025-Q3' },
    { lang: 'de', text: 'Nvidia erzielte im dritten Quartal 2025 einen Umsatz von 57 Milliarden Dollar.', period: '2025-Q3' },
    { lang: 'en', text: "Nvidia's revenue was $68 billion in Q4 2025.", period: '2025-Q4' },
    { lang: 'en', text: 'In the fourth quarter, Nvidia’s revenue was $68 billion.', period: '2025-Q4' },
    { lang: 'en', text: 'In 2025, Nvidia’s revenue was $68 billion.', period: '2025' },
    { lang: 'de', text: 'Meta will 2026 rund 100 Milliarden Dollar investieren.', period: '2026' },
    { lang: 'en', text: 'AI could create $8 trillion in new wealth by 2045.', period: '2045' },
    { lang: 'en', text: 'Anthropic is valued at $183 billion.', period: null },
    // "seit 2023" starts a span: not the figure's period.
    { lang: 'de', text: 'Amazon hat seit 2023 Investitionen von 8 Milliarden Dollar getätigt.', period: null },
  ] as { lang: Lang; text: string; period: string | null }[])('$text → $period', ({ lang, text, period }) => {
    expect(figureIn(text, { lang }).period).toBe(period);
  });

  it('a lone date in an earlier clause covers the later ones', () => {
    const figures = figuresIn('Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren, Microsoft rund 80 Milliarden Dollar.', { lang: 'de' });
    expect(figures.map((f) => [f.entity, f.metric, f.period])).toEqual([
      ['Meta', 'investment', '2026'],
      ['Microsoft', 'investment', '2026'],
    ]);
  });

  it('a figure of the books without a date continues the period of the one before', () => {
    const figures = figuresIn("Nvidia's revenue was $57 billion in the third quarter. Its net income was $32 billion.", { subject: 'Nvidia' });
    expect(figures.map((f) => [f.metric, f.period])).toEqual([
      ['revenue', '2025-Q3'],
      ['profit', '2025-Q3'],
    ]);
  });
});

describe('a number without a metric word', () => {
  it('continues the figure before it', () => {
    const figures = figuresIn('Meta will 2026 rund 100 Milliarden Dollar investieren. Microsoft plant mit 80 Milliarden Dollar.', { lang: 'de' });
    expect(figures.map((f) => [f.entity, f.metric, f.period, f.value])).toEqual([
      ['Meta', 'investment', '2026', 100e9],
      ['Microsoft', 'investment', '2026', 80e9],
    ]);
  });

  it.each([
    { text: 'Microsoft plant mit 80 Milliarden Dollar.', before: '' },
    { text: 'Microsoft plant mit 80 Milliarden Dollar.', before: 'Anthropic wird mit 350 Milliarden Dollar bewertet. ' },
  ])('money without a figure before it, or after a valuation, is no figure: $before$text', ({ text, before }) => {
    expect(figuresIn(before + text, { lang: 'de' }).filter((f) => f.value === 80e9)).toEqual([]);
  });

  it('a count is a count of its unit, a percentage a share', () => {
    expect(figureIn('Die Firma beschäftigt 2.000 Mitarbeiter.', { lang: 'de', subject: 'Microsoft' })).toMatchObject({
      entity: 'Microsoft',
      metric: 'count',
      unit: 'employees',
      value: 2000,
    });
    expect(figureIn('Microsoft kommt auf einen Marktanteil von 30 Prozent.', { lang: 'de' })).toMatchObject({ metric: 'market_share', entity: 'Microsoft' });
    // A percentage with no word for what it measures, and none before it, is no figure.
    expect(figuresIn('Microsoft kommt auf 30 Prozent.', { lang: 'de' })).toEqual([]);
  });
});

describe('nearestMetric and isRoundOrFunding', () => {
  it.each([
    // The nearest cue wins.
    { lang: 'de', text: 'Der Umsatz stieg kräftig, der Gewinn lag bei 5 Milliarden Dollar.', metric: 'profit' },
    { lang: 'en', text: 'Revenue grew strongly; profit was $5 billion.', metric: 'profit' },
    // Several words, found in the text itself.
    { lang: 'en', text: 'Net income was $5 billion.', metric: 'profit' },
    { lang: 'en', text: 'Its annualized revenue hit $5 billion.', metric: 'run_rate' },
    // A German compound ends in the cue.
    { lang: 'de', text: 'Der Konzernumsatz lag bei 5 Milliarden Euro.', metric: 'revenue' },
    // Only metrics that fit the kind of number: money is never a share.
    { lang: 'de', text: 'Der Marktanteil brachte 5 Milliarden Euro Umsatz.', metric: 'revenue' },
    { lang: 'en', text: 'The weather was fine and $5 billion changed hands.', metric: null },
  ] as { lang: Lang; text: string; metric: string | null }[])('$text → $metric', ({ lang, text, metric }) => {
    const v = sentence(text, lang);
    const q = v.quantities[0]!;
    expect(nearestMetric(q, v, clauseOf(v, q.start))).toBe(metric);
  });

  it.each([
    { lang: 'en', text: 'Anthropic raised $2 billion from Microsoft.', round: true },
    { lang: 'de', text: 'Anthropic hat in einer Finanzierungsrunde 2 Milliarden Euro eingesammelt.', round: true },
    { lang: 'de', text: 'Project Prometheus wurde mit 6,2 Milliarden Dollar an Startkapital ausgestattet.', round: true },
    { lang: 'en', text: 'Microsoft invests $2 billion in Anthropic.', round: false },
    { lang: 'en', text: 'Anthropic is valued at $183 billion.', round: false },
  ] as { lang: Lang; text: string; round: boolean }[])('$text: a round or funding → $round', ({ lang, text, round }) => {
    const v = sentence(text, lang);
    expect(isRoundOrFunding(v.quantities[0]!, v)).toBe(round);
  });
});
