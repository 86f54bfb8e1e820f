/** /number over the seed corpus and a small two-language temp corpus, through the same entry as Slack and the console. */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { number } from '../../commands/number.ts';
import { UsageError } from '../../commands/types.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';
import { numberJson } from './contract-schemas.ts';

const ask = (line: string) => answer(line, seedContext());
const figuresOf = async (line: string) => numberJson.parse((await ask(line)).json).figures;

describe('/number', () => {
  it('anthropic valuation: about $350B, cited', async () => {
    const json = numberJson.parse((await ask('/number anthropic valuation')).json);
    expect(json.figures[0]).toMatchObject({ value: 350e9, unit: 'USD', qualifier: 'about' });
    expect(json.figures[0]!.citations[0]!.quote).toContain('350 Milliarden');
  });

  it('chart: the same figures, plus a PNG of the figure over time, with every report drawn', async () => {
    expect(number.parse('anthropic valuation chart')).toEqual({ query: 'anthropic valuation', output: 'chart' });
    expect(number.parse('anthropic valuation')).toEqual({ query: 'anthropic valuation' });
    const result = await ask('/number anthropic valuation chart');
    const json = numberJson.parse(result.json);
    expect(json.figures).toEqual(numberJson.parse((await ask('/number anthropic valuation')).json).figures);
    expect(result.file).toMatchObject({ name: 'anthropic-valuation.png', mime: 'image/png', title: 'Anthropic valuation over time' });
    expect(json.file).toEqual({ name: 'anthropic-valuation.png', format: 'png', rows: 1 });
    expect(result.notes[0]).toBe('The chart shows 1 report over time, each coloured by its source.');
  });

  it('Amazon Investitionen 2026: both sources, flagged as a conflict, never one picked silently', async () => {
    const result = await ask('/number Amazon Investitionen 2026');
    const json = numberJson.parse(result.json);
    expect(json.figures.map((f) => [f.value, f.qualifier])).toEqual(expect.arrayContaining([[125e9, 'up_to'], [200e9, 'about']]));
    expect(json.conflicts).toHaveLength(1);
    expect(result.notes.join('\n')).toMatch(/Sources differ .*up to \$125B.*about \$200B|Sources differ .*about \$200B.*up to \$125B/);
  });

  it('English metric words find what German articles call it: "revenue" finds the Umsatzlauf (a run-rate)', async () => {
    for (const query of ['anthropic revenue', 'anthropic umsatz']) {
      const result = await ask(`/number ${query}`);
      expect(result.items[0]?.text, query).toBe('Anthropic revenue run-rate 2026: up to $26B');
    }
  });

  it('neither a company nor a figure it knows is bad input, as with /deal; a known company without the figure is an empty answer', async () => {
    const unknown = await ask('/number xyzzy');
    expect(unknown.error).toBe("I don't know a company or a figure called “xyzzy”.");
    expect(unknown.json).toMatchObject({ command: 'number', error: unknown.error });
    expect((await ask('/deal foobarcorp')).error).toBeDefined();
    const none = await ask('/number mistral revenue');
    expect(none.error).toBeUndefined();
    expect(none.json).toEqual({ command: 'number', query: 'mistral revenue', figures: [], conflicts: [] });
  });

  it('a figure in conflict is marked on its own row too', async () => {
    const result = await ask('/number Amazon Investitionen 2026');
    const json = numberJson.parse(result.json);
    const flagged = new Set(json.conflicts.flatMap((c) => c.figures));
    expect(flagged.size).toBeGreaterThan(1);
    result.items.forEach((item, i) => expect(item.detail === 'sources differ on this figure').toBe(flagged.has(i)));
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

  it.each([
    { german: 'OpenAI Wert', english: 'OpenAI worth' },
    { german: 'Amazon Investitionen 2026', english: 'Amazon capex 2026' },
    { german: 'Amazon Investitionen 2026', english: 'Amazon investment 2026' },
  ])('"$german" and "$english" list the same figures', async ({ german, english }) => {
    const de = await figuresOf(`/number ${german}`);
    const en = await figuresOf(`/number ${english}`);
    expect(de.length).toBeGreaterThan(0);
    expect(en.map((f) => [f.subject, f.value])).toEqual(de.map((f) => [f.subject, f.value]));
  });

  it('a year keeps only the figures of that year', async () => {
    const all = await figuresOf('/number OpenAI Bewertung');
    const in2025 = await figuresOf('/number OpenAI Bewertung 2025');
    expect(all.length).toBeGreaterThan(in2025.length);
    expect(in2025.map((f) => f.subject)).toEqual(['OpenAI valuation 2025-10']);
  });

  it('a metric without a company: that metric of every company', async () => {
    const figures = await figuresOf('/number valuation');
    expect(figures.every((f) => /\b(?:IPO )?valuation\b/.test(f.subject))).toBe(true);
    expect(new Set(figures.map((f) => f.subject.split(' ')[0]))).toEqual(new Set(['OpenAI', 'Anthropic']));
  });

  it('no match: a clear answer, not an error', async () => {
    const result = await ask('/number Nvidia Umsatz 1999');
    expect(result.error).toBeUndefined();
    expect(result.title).toMatch(/No figure matches/);
    expect(numberJson.parse(result.json).figures).toEqual([]);
  });

  it('empty input: usage', async () => {
    const result = await ask('/number');
    expect(result.error).toMatch(/Say which figure/);
    expect(result.json).toEqual({ command: 'number', error: result.error });
  });

  it('parse: trims the query and refuses an over-long one', () => {
    expect(number.parse(' anthropic valuation ')).toEqual({ query: 'anthropic valuation' });
    expect(() => number.parse('word '.repeat(70))).toThrow(UsageError);
  });
});

describe('/number over an English and a German article', () => {
  const corpus = tempCorpus({
    'a.md': '---\ndate: 2025-11-20\nlang: de\noutlet: A\n---\nAmazon streicht rund 14.000 Stellen.\n\nNvidia meldete im dritten Quartal einen Umsatz von 57 Milliarden Dollar.\n',
    'b.md': '---\ndate: 2025-11-21\nlang: en\noutlet: B\n---\nNvidia reported revenue of $55 billion in the third quarter.\n\nAmazon will cut about 14,000 jobs.\n',
  });
  const ctx = corpus.context();

  it.each(['Amazon Stellen', 'Amazon Entlassungen', 'Amazon layoffs', 'Amazon job cuts'])(
    '%s: the job cuts, one figure cited from both articles',
    async (query) => {
      const figures = numberJson.parse((await answer(`/number ${query}`, ctx)).json).figures;
      expect(figures).toHaveLength(1);
      expect(figures[0]).toMatchObject({ subject: 'Amazon job cuts', value: 14000, unit: 'jobs', qualifier: 'about' });
      expect(figures[0]!.citations.map((c) => c.article).sort()).toEqual(['a.md', 'b.md']);
    },
  );

  it('two articles with different revenue for the same quarter: both, in conflict, each with its outlet', async () => {
    const result = await answer('/number Nvidia Umsatz', ctx);
    const json = numberJson.parse(result.json);
    expect(json.figures.map((f) => [f.subject, f.value])).toEqual(expect.arrayContaining([['Nvidia revenue 2025-Q3', 57e9], ['Nvidia revenue 2025-Q3', 55e9]]));
    expect(json.conflicts).toEqual([{ subject: 'Nvidia revenue 2025-Q3', figures: [0, 1] }]);
    expect(result.notes[0]).toMatch(/\$57B \(A\)/);
    expect(result.notes[0]).toMatch(/\$55B \(B\)/);
  });
});

describe('/number over markets and fortunes', () => {
  const corpus = tempCorpus({
    'm.md': '---\ndate: 2024-08-21\nlang: en\noutlet: M\n---\nIDC expects GenAI spending to hit $202 billion by 2028, equal to 32% of overall AI spending.\n\nCloud spending will reach $900 billion in 2028.\n',
    'w.md': '---\ndate: 2025-09-11\nlang: en\noutlet: W\n---\nThe share rally has added more than $100bn to the fortune of chairman Larry Ellison.\n',
  });
  const ctx = corpus.context();

  it('a market is found by the words that name it, and only that market', async () => {
    const figures = numberJson.parse((await answer('/number genai spending', ctx)).json).figures;
    expect(figures.map((f) => [f.entity, f.value])).toEqual([['GenAI spending', 202e9]]);
  });

  it('a fortune is found by the person\'s name', async () => {
    const figures = numberJson.parse((await answer('/number larry ellison', ctx)).json).figures;
    expect(figures.map((f) => [f.entity, f.metric, f.value, f.qualifier])).toEqual([['Larry Ellison', 'wealth_growth', 100e9, 'more_than']]);
  });
});
