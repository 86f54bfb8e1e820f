/** /facts over the seed corpus and small temp corpora: which article, and what the extractor reads in it. */
import { describe, expect, it } from 'vitest';
import { facts } from '../../commands/facts.ts';
import { answer } from '../../commands/index.ts';
import { UsageError } from '../../commands/types.ts';
import { renderBlocks } from '../../src/answer/blocks.ts';
import { renderText } from '../../src/answer/text.ts';
import type { Article } from '../../src/corpus/types.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';
import { dealJson, factsJson } from './contract-schemas.ts';

const ASKED = '003_74890980bce22e95.txt';
const ask = (line: string) => answer(line, seedContext());
const factsOf = async (line: string) => factsJson.parse(JSON.parse(JSON.stringify((await ask(line)).json)));
const sentencesOf = (article: Article) => article.passages.flatMap((p) => p.sentences.map((s) => s.text));

describe('/facts: which article', () => {
  it('by its file name: that article, with its metadata', async () => {
    const json = await factsOf(`/facts ${ASKED}`);
    expect(json.candidates).toEqual([]);
    expect(json.articles).toHaveLength(1);
    expect(json.articles[0]).toMatchObject({ article: ASKED, outlet: 'wallstreet-online', date: '2026-01-30', url: null });
  });

  it('by words of its title: the article whose title has most of them', async () => {
    expect((await factsOf('/facts Amazon OpenAI')).articles.map((a) => a.article)).toEqual([ASKED]);
    expect((await factsOf('/facts amazon investitionen 200')).articles.map((a) => a.article)).toEqual(['004_443880537494ab5b.txt']);
    // A prefix of a title word counts; stop words do not.
    expect((await factsOf('/facts die Beteilig')).articles.map((a) => a.article)).toEqual([ASKED]);
  });

  it('several titles match equally: lists them briefly and asks to be more precise, not an error', async () => {
    const result = await ask('/facts Amazon');
    expect(result.error).toBeUndefined();
    const json = factsJson.parse(result.json);
    expect(json.articles).toEqual([]);
    expect(json.candidates.map((c) => c.article)).toEqual([ASKED, '004_443880537494ab5b.txt']);
    expect(result.items.map((i) => i.detail)).toEqual(['wallstreet-online · 2026-01-30 · 003_74890980bce22e95.txt', 'watson.ch · 2026-02-06 · 004_443880537494ab5b.txt']);
    expect(result.notes.join(' ')).toMatch(/more precise/);
  });

  it('by its URL, with or without a trailing slash or fragment; an unknown URL is an error', async () => {
    const corpus = tempCorpus({
      'a.md': '---\ntitle: Cohere raises money\nurl: https://news.example.org/cohere-round\nlang: en\n---\nNvidia invests $2 billion in Cohere.\n',
      'b.md': '---\ntitle: Cohere hires\nurl: https://news.example.org/cohere-hires\nlang: en\n---\nCohere hires 300 engineers.\n',
    });
    const ctx = corpus.context();
    for (const url of ['https://news.example.org/cohere-round', 'https://NEWS.example.org/cohere-round/', 'https://news.example.org/cohere-round#top']) {
      const json = factsJson.parse((await answer(`/facts ${url}`, ctx)).json);
      expect(json.articles.map((a) => a.article), url).toEqual(['a.md']);
    }
    const unknown = await answer('/facts https://news.example.org/other', ctx);
    expect(unknown.error).toMatch(/No article .* URL/);
  });

  it('no match: a polite error with the usage', async () => {
    const result = await ask('/facts xyzzy plugh');
    expect(result.error).toMatch(/No article's file name or title matches “xyzzy plugh”/);
    expect(result.notes.join('\n')).toContain('Usage: /facts');
    expect(result.json).toEqual({ command: 'facts', error: result.error });
  });

  it('empty input: the usage, as an error answer', async () => {
    const result = await ask('/facts   ');
    expect(result.error).toBeTruthy();
    expect(result.notes.join('\n')).toContain('Usage: /facts');
    expect(() => facts.parse(' ')).toThrow(UsageError);
  });
});

describe('/facts: what the article yields', () => {
  it('every seed article: JSON the contract accepts, a rule for every fact, each quote a sentence of the article', async () => {
    const { corpus } = seedContext();
    let total = 0;
    for (const article of corpus.articles) {
      const [read] = (await factsOf(`/facts ${article.id}`)).articles;
      const sentences = sentencesOf(article);
      for (const fact of [...read!.deals, ...read!.figures]) {
        expect(sentences, fact.quote).toContain(fact.quote);
        const [start, end] = fact.highlight;
        expect(0 <= start && start < end && end <= fact.quote.length).toBe(true);
        total++;
      }
    }
    expect(total).toBeGreaterThan(20);
  });

  it('shows the per-article reading: a deal two sentences state is two rows here and one merged deal in /deal', async () => {
    const [read] = (await factsOf(`/facts ${ASKED}`)).articles;
    const amazon = read!.deals.filter((d) => d.investor === 'Amazon' && d.target === 'OpenAI' && d.amount?.value === 50e9);
    expect(amazon).toHaveLength(2);
    expect(new Set(amazon.map((d) => d.quote)).size).toBe(2);
    expect(amazon[0]).toMatchObject({ investors: ['Amazon'], lead: [], status: 'talks', rule: { id: expect.any(String) } });
    const merged = dealJson.parse((await ask('/deal amazon openai')).json).deals.filter((d) => d.amount?.value === 50e9 && d.status === 'talks');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.citations.filter((c) => c.article === ASKED)).toHaveLength(1);
  });

  it('figures: the metric family of the contract, the extractor\'s metric beside it, the entity', async () => {
    const [read] = (await factsOf('/facts 004_443880537494ab5b.txt')).articles;
    expect(read!.figures.find((f) => f.value === 200e9)).toMatchObject({ entity: 'Amazon', metric: 'capex', metric_detail: 'investment', period: '2026', unit: 'USD', qualifier: 'about' });
    expect(read!.figures.find((f) => f.metric_detail === 'job_cuts')).toMatchObject({ metric: 'other', value: 30000 });
  });

  it('text: each row says deal or figure, its status or metric, and the rule; cited with its sentence', async () => {
    const result = await ask(`/facts ${ASKED}`);
    const text = renderText(result);
    expect(text).toContain('Amazon → OpenAI: up to $50B');
    const first = result.items[0]!;
    expect(first.detail).toMatch(/^deal · talks · 2026-01-30 \(article date\) · rule [\w.-]+: \S/);
    expect(first.citations).toHaveLength(1);
    expect(first.citations[0]).toMatchObject({ article: ASKED, outlet: 'wallstreet-online' });
    expect(result.items.some((i) => /^figure · /.test(i.detail ?? ''))).toBe(true);
    expect(result.notes.join(' ')).toMatch(/\d+ deals and \d+ figures, read from this article alone/);
  });

  it('Block Kit: article text is escaped, so a title or sentence cannot ping or link', async () => {
    const corpus = tempCorpus({
      'ping.md': '---\ntitle: "<!channel> Cohere <https://evil.example|raises>"\nlang: en\n---\nNvidia invests $2 billion in Cohere <!here>.\n',
    });
    const result = await answer('/facts ping.md', corpus.context());
    expect(result.items.length).toBeGreaterThan(0);
    // mrkdwn is what Slack parses for mentions and links (the header is plain_text, shown as typed).
    const mrkdwn = renderBlocks(result).blocks.flatMap((b) =>
      b.type === 'section' ? [b.text!.text] : b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')) : [],
    );
    expect(mrkdwn.join('\n')).toContain('&lt;!here&gt;');
    expect(mrkdwn.join('\n')).toContain('&lt;!channel&gt;');
    for (const text of mrkdwn) expect(text).not.toMatch(/<!channel>|<!here>|<https:/);
  });

  it('an article with nothing to read says so', async () => {
    const corpus = tempCorpus({ 'quiet.md': '---\ntitle: Weather\nlang: en\n---\nIt rained in Berlin.\n' });
    const result = await answer('/facts weather', corpus.context());
    expect(factsJson.parse(result.json).articles[0]).toMatchObject({ article: 'quiet.md', deals: [], figures: [] });
    expect(result.notes).toContain('No deal or figure read from this article.');
  });
});
