/**
 * `/facts <file | url | words of its title>`: every deal and figure ONE article yields, as the extractor reads
 * it, each with its sentence and the rule that read it (the "why"). `npm run facts` prints the same, article
 * by article, for the whole corpus.
 *
 * The article is read again at query time (`extractFacts`) instead of being looked up in the fact store: the
 * store holds the facts merged across articles (one deal with several sources, the richer reading kept), so
 * what the extractor read in one article, and by which rule, is no longer in it. Extraction is deterministic
 * and one article takes milliseconds, so reading it again gives exactly what indexing read.
 */
import { z } from 'zod';
import type { FactsArticleJson } from '../src/answer/contracts.ts';
import { dealItem, dealJson, figureItem, figureJson } from '../src/answer/facts.ts';
import { errorAnswer, type Answer, type AnswerItem } from '../src/answer/model.ts';
import type { Article } from '../src/corpus/types.ts';
import { factMetric } from '../src/extract/cues.ts';
import { extractFacts } from '../src/extract/facts.ts';
import type { Deal, Figure } from '../src/extract/types.ts';
import { isStopWord } from '../src/search/analyzer.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { tokenize } from '../src/text/words.ts';
import { count } from '../src/text/plural.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /facts <article file | URL | words of its title> — every deal and figure one article yields, each with its sentence and the rule that read it.',
  'Examples: /facts 003_74890980bce22e95.txt · /facts Amazon Beteiligung OpenAI',
].join('\n');

/** Articles listed when several match equally; the rest are counted. */
const MAX_CANDIDATES = 10;

const argsSchema = z
  .string()
  .trim()
  .min(1, 'Name one article: its file name, its URL or words of its title.')
  .max(500, 'That is too long; a file name, a URL or a few words of the title will do.');

export const facts: Command<{ query: string }> = {
  name: 'facts',
  summary: 'Every deal and figure one article yields, each with its sentence and the rule that read it.',
  usage,
  hint: '<article file | URL | words of its title>',
  parse(text) {
    return { query: parseArgs(argsSchema, text) };
  },
  run({ query }, { corpus }): Answer {
    const found = findArticle(corpus, query);
    if ('error' in found) return errorAnswer('facts', found.error, usage);
    if ('candidates' in found) return candidatesAnswer(query, found.candidates);
    return articleAnswer(readArticle(found.article, corpus), query);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Which article

type Found = { article: Article } | { candidates: Article[] } | { error: string };

/** The article a query names: its file name exactly, else its URL, else the best match of its title words. */
function findArticle(corpus: Pick<Corpus, 'articles' | 'get'>, query: string): Found {
  const byFile = corpus.get(query);
  if (byFile) return { article: byFile };
  if (/^https?:\/\//i.test(query)) {
    const wanted = canonicalUrl(query);
    const byUrl = corpus.articles.find((a) => a.url !== null && canonicalUrl(a.url) === wanted);
    return byUrl ? { article: byUrl } : { error: `No article in the corpus has the URL ${query}.` };
  }
  const best = bestTitles(corpus.articles, query);
  if (best.length === 0) return { error: `No article's file name or title matches “${query}”.` };
  return best.length === 1 ? { article: best[0]! } : { candidates: best };
}

/** A URL as compared: without its fragment and trailing slashes (host and scheme case come from `URL`). */
function canonicalUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return url.trim();
  }
}

/**
 * The articles whose titles contain the most query words (stop words aside, unless there is nothing else): a
 * title word matches when it is the query word or, for query words of four letters or more, begins with it
 * (`Beteilig` → `Beteiligung`). Several articles when they tie; none when no word matches.
 */
function bestTitles(articles: readonly Article[], query: string): Article[] {
  const tokens = tokenize(query);
  const typed = [...new Set(tokens.map((t) => t.folded))];
  const content = [...new Set(tokens.filter((t) => !isStopWord(query, t)).map((t) => t.folded))];
  const words = content.length ? content : typed;
  let best: Article[] = [];
  let bestScore = 0;
  for (const article of articles) {
    const title = tokenize(article.title ?? '').map((t) => t.folded);
    const score = words.filter((w) => title.some((t) => t === w || (w.length >= 4 && t.startsWith(w)))).length;
    if (score > bestScore) [best, bestScore] = [[article], score];
    else if (score === bestScore && score > 0) best.push(article);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// What it yields

/** One article read by the extractor: its facts as answer rows (text, Block Kit) and as its JSON. */
export interface ArticleFacts {
  article: Article;
  items: AnswerItem[];
  json: FactsArticleJson;
}

/** Reads one article as indexing does, with the corpus's entity catalogue; rows cite their sentence. */
export function readArticle(article: Article, corpus: Pick<Corpus, 'get' | 'facts'>): ArticleFacts {
  const { deals, figures } = extractFacts(article, corpus.facts.catalog);
  const items = [
    ...deals.map((d) => {
      const item = dealItem(d, corpus, { context: 'deal · ' });
      return { ...item, detail: `${item.detail} · ${why(d)}` };
    }),
    ...figures.map((f) => figureItem(f, corpus, { detail: figureDetail(f) })),
  ];
  return {
    article,
    items,
    json: {
      ...articleRef(article),
      deals: deals.map((d) => ({ ...dealJson(d), ...reading(d) })),
      figures: figures.map((f) => ({
        ...figureJson(f),
        entity: f.entity || null,
        metric: factMetric(f.metric, f.unit),
        metric_detail: f.metric,
        basis: f.basis,
        conditional: f.conditional,
        ...reading(f),
      })),
    },
  };
}

/** The answer for one article read: its facts in the order of the text, and how many. */
export function articleAnswer(read: ArticleFacts, query: string): Answer {
  const { article, items, json } = read;
  const counted = `${count(json.deals.length, 'deal')} and ${count(json.figures.length, 'figure')}`;
  return {
    command: 'facts',
    title: `Facts in ${article.title ?? article.id}`,
    items,
    notes: [
      byline(article),
      items.length
        ? `${counted}, read from this article alone (before merging with other articles), each with the rule that read it.`
        : 'No deal or figure read from this article.',
    ],
    json: { command: 'facts', query, articles: [json], candidates: [] },
  };
}

/** Several articles match equally: list them briefly and ask for more precision. */
function candidatesAnswer(query: string, candidates: Article[]): Answer {
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const more = candidates.length - shown.length;
  return {
    command: 'facts',
    title: `${candidates.length} articles match “${query}” equally: which one?`,
    items: shown.map((a) => ({ text: a.title ?? a.id, detail: byline(a), citations: [] })),
    notes: [
      ...(more > 0 ? [`… and ${more} more.`] : []),
      `Be more precise: more words of the title, its URL or its file name, e.g. /facts ${shown[0]!.id}`,
    ],
    json: { command: 'facts', query, articles: [], candidates: candidates.map(articleRef) },
  };
}

/** "heise · 2026-02-03 · 003_….txt": outlet and date where known, and the file name. */
function byline(a: Article): string {
  return [a.outlet, a.date, a.id].filter(Boolean).join(' · ');
}

function articleRef(a: Article) {
  return { article: a.id, title: a.title, outlet: a.outlet, date: a.date, url: a.url };
}

/** Where the fact was read (one article: one sentence) and by which rule. */
function reading(fact: Deal | Figure) {
  const source = fact.sources[0]!;
  return { quote: source.quote, highlight: source.highlight, rule: { id: fact.rule.id, reason: fact.rule.reason } };
}

function why(fact: Deal | Figure): string {
  return `rule ${fact.rule.id}: ${fact.rule.reason}`;
}

/** "figure · valuation (ipo_valuation) · 2026 · post-money · rule …". */
function figureDetail(f: Figure): string {
  const family = factMetric(f.metric, f.unit);
  return [
    'figure',
    family === f.metric ? family : `${family} (${f.metric})`,
    f.period,
    f.basis?.replace('_', '-'),
    why(f),
  ]
    .filter(Boolean)
    .join(' · ');
}
