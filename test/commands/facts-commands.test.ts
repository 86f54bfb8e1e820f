/** /deal, /number, /check and the plain-words router over the seed corpus, through the same entry as Slack and the console. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answer } from '../../commands/index.ts';
import { citationSchema, dealJsonSchema, dealRowSchema, numberFigureSchema, numberJsonSchema } from '../../src/answer/contracts.ts';
import { renderText } from '../../src/answer/text.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';

/** The contracts (src/answer/contracts.ts), and here every deal and figure is cited with a quote. */
const cited = { citations: z.array(citationSchema.extend({ quote: z.string().min(1) })).min(1) };
const dealJson = dealJsonSchema.extend({ deals: z.array(dealRowSchema.extend(cited)) });
const numberJson = numberJsonSchema.extend({ figures: z.array(numberFigureSchema.extend(cited)) });

const ask = (line: string) => answer(line, seedContext());

describe('/deal', () => {
  it('openai: the round with Amazon, Nvidia, SoftBank and Microsoft, each cited, plus total and valuation', async () => {
    const result = await ask('/deal openai');
    const json = dealJson.parse(result.json);
    const line = (investor: string | null) => json.deals.find((d) => d.investor === investor && d.target === 'OpenAI' && d.status === 'talks');
    expect(line('Amazon')?.amount).toMatchObject({ value: 50e9, qualifier: 'up_to', currency: 'USD' });
    expect(line('Nvidia')?.amount).toMatchObject({ value: 30e9, qualifier: 'up_to' });
    expect(line('SoftBank Group')?.amount).toMatchObject({ value: 30e9, qualifier: 'exact' });
    expect(line('Microsoft')?.amount).toMatchObject({ value: 10e9, qualifier: 'below' });
    expect(line(null)?.amount).toMatchObject({ value: 100e9, qualifier: 'about' });
    // The same deal from two articles is one deal with two citations.
    expect(new Set(line('Amazon')!.citations.map((c) => c.article))).toEqual(new Set(['002_9f3b6e03921a3851.txt', '003_74890980bce22e95.txt']));
    expect(result.notes.join('\n')).toMatch(/OpenAI valuation: about \$830B/);
    const text = renderText(result);
    expect(text).toContain('Amazon → OpenAI: up to $50B');
    expect(text).toContain('Microsoft → OpenAI: below $10B');
  });

  it('lists money into the company first, then its own investments, each newest first (by month)', async () => {
    const deals = dealJson.parse((await ask('/deal openai')).json).deals;
    const roles = deals.map((d) => d.role);
    expect(roles).toEqual([...roles].sort((a, b) => (a === 'target' ? 0 : 1) - (b === 'target' ? 0 : 1)));
    const months = deals.filter((d) => d.role === 'target').map((d) => (d.date ?? '').slice(0, 7));
    expect(months).toEqual([...months].sort().reverse());
    expect(deals.slice(0, 4).map((d) => d.investor)).toEqual(['Amazon', 'Nvidia', 'SoftBank Group', 'Microsoft']);
  });

  it('amazon: as investor in OpenAI and Anthropic', async () => {
    const json = dealJson.parse((await ask('/deal amazon')).json);
    expect(json.deals.filter((d) => d.investor === 'Amazon').map((d) => d.target)).toEqual(expect.arrayContaining(['OpenAI', 'Anthropic']));
    expect(json.deals.find((d) => d.target === 'Anthropic' && d.amount?.value === 4e9)?.date).toBe('2023-09');
  });

  it('anthropic: the table row without an investor stays without one', async () => {
    const json = dealJson.parse((await ask('/deal anthropic')).json);
    expect(json.deals.find((d) => d.amount?.value === 2e9)).toMatchObject({ investor: null, date: '2023-10', status: 'historic' });
  });

  it('prometheus: Bezos start capital from two articles and the planned further funds', async () => {
    const json = dealJson.parse((await ask('/deal prometheus')).json);
    const start = json.deals.find((d) => d.amount?.value === 6.2e9)!;
    expect(start).toMatchObject({ investor: 'Jeff Bezos', target: 'Project Prometheus', status: 'completed' });
    expect(start.citations).toHaveLength(2);
    expect(json.deals.find((d) => d.amount?.value === 6e9)).toMatchObject({ investor: null, status: 'planned', amount: { qualifier: 'up_to' } });
  });

  it('two companies: only the deals between them, and a year narrows them', async () => {
    const json = dealJson.parse((await ask('/deal microsoft openai 2023')).json);
    expect(json.deals).toHaveLength(1);
    expect(json.deals[0]).toMatchObject({ investor: 'Microsoft', target: 'OpenAI', date: '2023-01', amount: { value: 10e9 } });
  });

  it('unknown company: says so and suggests near names', async () => {
    const result = await ask('/deal antropik');
    expect(result.error).toMatch(/don't know a company/);
    expect(result.notes.join(' ')).toContain('Anthropic');
    expect(result.json).toMatchObject({ command: 'deal', suggestions: expect.arrayContaining(['Anthropic']) });
  });

  it('a company with many deals: the newest 25, the total, and a hint to narrow it', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Nvidia investiert ${i + 1} Millionen Dollar in Cohere.`);
    const corpus = tempCorpus({ 'many.md': `---\ndate: 2026-03-01\nlang: de\n---\n${lines.join('\n\n')}\n` });
    const result = await answer('/deal cohere', corpus.context());
    expect(result.json).toMatchObject({ command: 'deal', total: 30 });
    expect(dealJson.parse(result.json).deals).toHaveLength(25);
    expect(result.notes.join(' ')).toMatch(/and 5 more deals/);
  });

  it('empty input: usage', async () => {
    const result = await ask('/deal');
    expect(result.error).toBeTruthy();
    expect(result.json).toEqual({ command: 'deal', error: result.error });
  });
});

describe('/number', () => {
  it('anthropic valuation: about $350B, cited', async () => {
    const json = numberJson.parse((await ask('/number anthropic valuation')).json);
    expect(json.figures[0]).toMatchObject({ value: 350e9, unit: 'USD', qualifier: 'about' });
    expect(json.figures[0]!.citations[0]!.quote).toContain('350 Milliarden');
  });

  it('Amazon Investitionen 2026: both sources, flagged as a conflict, never one picked silently', async () => {
    const result = await ask('/number Amazon Investitionen 2026');
    const json = numberJson.parse(result.json);
    expect(json.figures.map((f) => [f.value, f.qualifier])).toEqual(expect.arrayContaining([[125e9, 'up_to'], [200e9, 'about']]));
    expect(json.conflicts).toHaveLength(1);
    expect(result.notes.join('\n')).toMatch(/Sources differ .*up to \$125B.*about \$200B|Sources differ .*about \$200B.*up to \$125B/);
  });

  it('new wealth 2045: eight trillion, not eight billion', async () => {
    const json = numberJson.parse((await ask('/number new wealth 2045')).json);
    expect(json.figures[0]).toMatchObject({ value: 8e12, unit: 'USD' });
  });

  it('the newest figure first: a figure without a period holds as of its article', async () => {
    const json = numberJson.parse((await ask('/number OpenAI Bewertung')).json);
    expect(json.figures.map((f) => f.value)).toEqual([830e9, 1e12, 500e9]);
  });

  it('German and English words find the same figure', async () => {
    const german = numberJson.parse((await ask('/number Anthropic Bewertung')).json);
    const english = numberJson.parse((await ask('/number Anthropic valuation')).json);
    expect(german.figures[0]!.value).toBe(english.figures[0]!.value);
  });

  it('no match: a clear answer, not an error', async () => {
    const result = await ask('/number Nvidia Umsatz 1999');
    expect(result.error).toBeUndefined();
    expect(result.title).toMatch(/No figure matches/);
    expect(numberJson.parse(result.json).figures).toEqual([]);
  });
});

describe('questions in plain words', () => {
  it.each([
    ['how much is Amazon putting into OpenAI?', 'deal'],
    ['who invested in Inflection?', 'deal'],
    ['what did Microsoft put into OpenAI in 2023?', 'deal'],
    ['Wie hoch ist die Bewertung von Anthropic?', 'number'],
    ['Wer hat in Inflection investiert?', 'deal'],
    ['Wie viel investiert Amazon in OpenAI?', 'deal'],
    ['Amazon Investitionen 2026', 'number'],
    ['Rechenzentrum Indiana', 'news'],
  ])('%s → /%s', async (question, command) => {
    expect((await ask(question)).json.command).toBe(command);
  });

  it('how much is Amazon putting into OpenAI? → up to $50B', async () => {
    const json = dealJson.parse((await ask('how much is Amazon putting into OpenAI?')).json);
    expect(json.deals.map((d) => [d.investor, d.target, d.amount?.value])).toEqual([['Amazon', 'OpenAI', 50e9]]);
  });

  it('who invested in Inflection? → Microsoft and Nvidia, 2023', async () => {
    const json = dealJson.parse((await ask('who invested in Inflection?')).json);
    expect(json.deals[0]).toMatchObject({ investor: 'Microsoft/Nvidia', target: 'Inflection AI', date: '2023-05' });
  });
});

describe('/check', () => {
  it.each([
    ['Amazon will invest $50bn in OpenAI', 'supported'],
    ['Amazon will invest $80bn in OpenAI', 'contradicted'],
    ['Anthropic ist 900 Milliarden Dollar wert', 'contradicted'],
    ['Apple invests $5bn in Mistral', 'not_found'],
  ])('%s → %s', async (claim, verdict) => {
    const result = await ask(`/check ${claim}`);
    expect(result.json).toMatchObject({ command: 'check', verdict });
    if (verdict !== 'not_found') expect(result.items[0]!.citations.length).toBeGreaterThan(0);
  });

  it('"stimmt das?" and "source?" route to the check', async () => {
    expect((await ask('stimmt das? Amazon will invest $50bn in OpenAI')).json).toMatchObject({ command: 'check', verdict: 'supported' });
    expect((await ask('source? Amazon investiert in Anthropic')).json).toMatchObject({ command: 'check', verdict: 'supported' });
  });
});
