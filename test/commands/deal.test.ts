/** /deal over the seed corpus and small temp corpora, through the same entry as Slack and the console. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { deal } from '../../commands/deal.ts';
import { answer } from '../../commands/index.ts';
import { UsageError } from '../../commands/types.ts';
import { renderText } from '../../src/answer/text.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';
import { dealJson } from './contract-schemas.ts';

type DealRow = z.infer<typeof dealJson>['deals'][number];

const ask = (line: string) => answer(line, seedContext());
const dealsOf = async (line: string) => dealJson.parse((await ask(line)).json).deals;
/** The companies on both sides of a deal row ("Microsoft/Nvidia" is two investors). */
const sides = (d: DealRow) => [...d.investors, d.target];

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
    const deals = await dealsOf('/deal openai');
    const roles = deals.map((d) => d.role);
    expect(new Set(roles)).toEqual(new Set(['target', 'investor']));
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

  it.each([
    { query: 'amazon anthropic', companies: ['Amazon', 'Anthropic'] },
    { query: 'anthropic amazon', companies: ['Anthropic', 'Amazon'] },
    { query: 'amazon openai', companies: ['Amazon', 'OpenAI'] },
    { query: 'nvidia inflection', companies: ['Nvidia', 'Inflection AI'] },
  ])('two companies ($query): every deal has both on its two sides, named in the order asked', async ({ query, companies }) => {
    const result = await ask(`/deal ${query}`);
    const deals = dealJson.parse(result.json).deals;
    expect(deals.length).toBeGreaterThan(0);
    for (const d of deals) expect(sides(d)).toEqual(expect.arrayContaining(companies));
    expect(result.title).toBe(`Deals between ${companies.join(' and ')}`);
  });

  it('one company and a year: only that year, where without it there are other years too', async () => {
    const all = await dealsOf('/deal openai');
    const in2023 = await dealsOf('/deal openai 2023');
    expect(all.some((d) => !d.date?.startsWith('2023'))).toBe(true);
    expect(in2023.length).toBeGreaterThan(0);
    expect(in2023.every((d) => d.date?.startsWith('2023'))).toBe(true);
    expect(in2023.length).toBe(all.filter((d) => d.date?.startsWith('2023')).length);
    // The header says the year, and the valuations noted are that year's only (none of 2026).
    const answer2023 = await ask('/deal openai 2023');
    expect(answer2023.title).toBe('Deals involving OpenAI in 2023');
    expect(answer2023.notes.join(' ')).not.toMatch(/valuation/);
    expect((await ask('/deal openai')).notes.join(' ')).toMatch(/OpenAI valuation/);
  });

  it('notes the newest three valuations of the company, and counts the rest', async () => {
    const files = Object.fromEntries(
      [1, 2, 3, 4, 5].map((m) => [`v${m}.md`, `---\nlang: en\noutlet: Wire\ndate: 2025-0${m}-10\n---\nVantablue AI raised $${m}0 million from Sequoia. Vantablue AI is valued at $${m} billion.\n`]),
    );
    const result = await answer('/deal vantablue', tempCorpus(files).context());
    const valuations = result.notes.filter((n) => n.includes('valuation'));
    expect(valuations).toEqual([
      'Vantablue AI valuation: $5B (Wire, 2025-05-10)',
      'Vantablue AI valuation: $4B (Wire, 2025-04-10)',
      'Vantablue AI valuation: $3B (Wire, 2025-03-10)',
      '… and 2 more valuations: /number vantablue ai valuation',
    ]);
  });

  it('two companies with no deal between them: an empty list and a note saying so', async () => {
    const result = await ask('/deal apple mistral');
    expect(result.error).toBeUndefined();
    expect(dealJson.parse(result.json).deals).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/No deal between Apple and Mistral AI/);
  });

  it('more than two companies: the first two, and a note saying so', async () => {
    const result = await ask('/deal amazon openai microsoft');
    expect(result.title).toBe('Deals between Amazon and OpenAI');
    expect(result.notes.join(' ')).toMatch(/first two companies only: Amazon and OpenAI/);
    for (const d of dealJson.parse(result.json).deals) expect(sides(d)).toEqual(expect.arrayContaining(['Amazon', 'OpenAI']));
  });

  it.each([
    { query: 'inflection', role: 'target', detail: 'into Inflection AI' },
    { query: 'nvidia', role: 'investor', detail: 'by Nvidia' },
  ])('$query: each row says whether the money went into the company or came from it', async ({ query, role, detail }) => {
    const result = await ask(`/deal ${query}`);
    const deals = dealJson.parse(result.json).deals;
    expect(deals.length).toBeGreaterThan(0);
    expect(deals.map((d) => d.role)).toEqual(deals.map(() => role));
    for (const item of result.items) expect(item.detail).toContain(detail);
  });

  it('a deal dated only by its article says so in its row', async () => {
    const result = await ask('/deal openai');
    const deals = dealJson.parse(result.json).deals;
    expect(new Set(deals.map((d) => d.date_from))).toEqual(new Set(['text', 'article']));
    deals.forEach((d, i) => expect(result.items[i]!.detail?.includes('(article date)'), `${d.investor} → ${d.target}`).toBe(d.date_from === 'article'));
  });

  it('English and German articles about the same company: one list, newest month first', async () => {
    const corpus = tempCorpus({
      'en.md': '---\ndate: 2026-01-05\nlang: en\n---\nNvidia invests $2 billion in Cohere.\n',
      'de.md': '---\ndate: 2026-02-03\nlang: de\n---\nCohere erhielt 500 Millionen Dollar von Nvidia.\n',
    });
    const deals = dealJson.parse((await answer('/deal cohere', corpus.context())).json).deals;
    expect(deals.map((d) => [d.investor, d.target, d.amount?.value, d.date])).toEqual([
      ['Nvidia', 'Cohere', 500e6, '2026-02-03'],
      ['Nvidia', 'Cohere', 2e9, '2026-01-05'],
    ]);
  });

  it('every row carries investors (the lead first), lead, kind and round; investor is the lead or the first named', async () => {
    const deals = await dealsOf('/deal openai');
    for (const d of deals) {
      expect(d.lead.every((name) => d.investors.includes(name))).toBe(true);
      expect(d.investors.slice(0, d.lead.length)).toEqual(d.lead);
      expect(d.investor).toBe(d.investors[0] ?? null);
    }
    expect(deals.find((d) => d.investor === 'Amazon' && d.status === 'talks')).toMatchObject({ investors: ['Amazon'], lead: [], round: null });
  });

  it('a round with a lead: the line reads as the round, the JSON lists the lead first', async () => {
    const corpus = tempCorpus({
      'round.md': '---\ndate: 2026-01-05\nlang: en\n---\nNvidia and Microsoft invest $2 billion in Cohere.\n',
    });
    const ctx = corpus.context();
    // Give the stored deal a lead and a round, as "led by" and "Series B" in the text would.
    const stored = ctx.corpus.facts.dealsOf('cohere')[0]!;
    expect(stored.investors).toEqual(['Nvidia', 'Microsoft']);
    Object.assign(stored, { lead: ['Microsoft'], round: 'Series B', kind: 'equity' });
    const result = await answer('/deal cohere', ctx);
    expect(result.items[0]!.text).toBe('Cohere: Series B · led by Microsoft, with Nvidia · $2B');
    expect(result.items[0]!.detail).toBe('into Cohere · announced · 2026-01-05 (article date)');
    expect(dealJson.parse(result.json).deals[0]).toMatchObject({
      investors: ['Microsoft', 'Nvidia'],
      lead: ['Microsoft'],
      investor: 'Microsoft',
      kind: 'equity',
      round: 'Series B',
    });
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
    expect((result.json as { deals: unknown[] }).deals).toHaveLength(25);
    expect(result.notes.join(' ')).toMatch(/and 5 more deals/);
  });

  it('empty input: usage', async () => {
    const result = await ask('/deal');
    expect(result.error).toBeTruthy();
    expect(result.json).toEqual({ command: 'deal', error: result.error });
  });

  it('parse: trims the query and refuses an over-long one', () => {
    expect(deal.parse('  openai 2023 ')).toEqual({ query: 'openai 2023' });
    expect(() => deal.parse('x'.repeat(201))).toThrow(UsageError);
    expect(() => deal.parse('   ')).toThrow(UsageError);
  });

  it('csv: the same answer, plus a spreadsheet of every deal and its JSON description', async () => {
    expect(deal.parse('openai CSV')).toEqual({ query: 'openai', output: 'csv' });
    expect(deal.parse('openai chart')).toEqual({ query: 'openai', output: 'chart' });
    expect(deal.parse('csv'), 'a company could be called so').toEqual({ query: 'csv' });
    const plain = await ask('/deal openai');
    const exported = await ask('/deal openai csv');
    expect(exported.items).toEqual(plain.items);
    expect(plain.file).toBeUndefined();
    const json = dealJson.parse(exported.json);
    expect(json.file).toEqual({ name: 'deals-openai.csv', format: 'csv', rows: json.total });
    const lines = new TextDecoder().decode(exported.file!.bytes).trim().split('\r\n');
    expect(lines).toHaveLength(1 + json.total);
    expect(exported.notes[0]).toBe(`The spreadsheet has ${json.total} deals, each with its sources.`);
  });

  it('chart: the same answer, plus a PNG of the money into the company by date and size', async () => {
    const result = await ask('/deal openai chart');
    const json = dealJson.parse(result.json);
    expect(result.items).toEqual((await ask('/deal openai')).items);
    expect(result.file).toMatchObject({ name: 'deals-openai.png', mime: 'image/png', title: 'Deals involving OpenAI: amounts by date' });
    expect(Buffer.from(result.file!.bytes).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(json.file).toEqual({ name: 'deals-openai.png', format: 'png', rows: expect.any(Number) });
    expect(result.notes[0]).toMatch(/^The chart shows \d+ deals by date and size/);
    const nothing = await ask('/deal prometheus chart');
    expect(nothing.file).toBeUndefined();
    expect(nothing.notes[0]).toMatch(/^Nothing to chart/);
  });

  it('csv of a company with hundreds of deals holds all of them, not the 25 shown', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      files[`${String(i).padStart(2, '0')}.md`] = `---\ntitle: Round ${i}\noutlet: Wire\ndate: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n---\nAnthropic raised $${i + 1} million from Investor${i} Capital in a new round.\n`;
    }
    const corpus = tempCorpus(files);
    const result = await answer('/deal anthropic csv', corpus.context());
    const json = dealJson.parse(result.json);
    expect(json.deals).toHaveLength(25);
    expect(json.file!.rows).toBe(json.total);
    expect(json.total).toBeGreaterThan(25);
  });
});
