import { z } from 'zod';
import { cite } from '../src/answer/cite.ts';
import { errorAnswer, type Answer } from '../src/answer/model.ts';
import { parseArgs, type Command } from './types.ts';
import { headOf } from '../src/text/chars.ts';

/** Longer queries are cut here: enough for any real question, and searching stays fast. */
export const MAX_QUERY_LENGTH = 300;
const HITS = 5;

const usage = [
  'Usage: /news <words>  — search the articles, best passages first, each cited.',
  'Examples: /news Rechenzentrum · /news data center · /news Amazon OpenAI Beteiligung',
].join('\n');

const argsSchema = z.string().trim().min(1, 'Tell me what to search for.');

/** Cuts a long query to MAX_QUERY_LENGTH, at a word boundary when there is one in its second half (never inside an emoji). */
function shorten(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const head = headOf(text, MAX_QUERY_LENGTH);
  if (/\s/.test(text[MAX_QUERY_LENGTH]!)) return head.trimEnd();
  const lastSpace = head.search(/\s\S*$/);
  return (lastSpace > MAX_QUERY_LENGTH / 2 ? head.slice(0, lastSpace) : head).trimEnd();
}

export const news: Command<{ query: string; truncated: boolean }> = {
  name: 'news',
  summary: 'Search the articles; cited, highlighted snippets.',
  usage,
  hint: '<words>',
  parse(text) {
    const query = parseArgs(argsSchema, text);
    return { query: shorten(query), truncated: query.length > MAX_QUERY_LENGTH };
  },
  run({ query, truncated }, { corpus }): Answer {
    if (corpus.articles.length === 0) {
      return errorAnswer('news', 'The corpus is empty: there are no articles to search yet.', 'Add .txt or .md files to the corpus folder (CORPUS_DIR) and restart.');
    }
    const { words, hits } = corpus.search(query, HITS);
    if (words.length === 0) {
      return errorAnswer('news', `Nothing to search for in “${query}”: only common words or punctuation.`, usage);
    }
    const notes: string[] = [];
    if (truncated) notes.push(`Your query was long; I searched its first ${MAX_QUERY_LENGTH} characters.`);
    if (hits.length === 0) notes.push('No passage matches. Try fewer or other words, or the German term (Bewertung, Beteiligung …).');
    return {
      command: 'news',
      title: hits.length ? `News for “${query}”` : `No passage matches “${query}”`,
      items: hits.map((hit) => {
        const sentence = hit.passage.sentences[hit.sentence]!;
        return {
          text: hit.article.title ?? hit.article.id,
          citations: [cite(hit.article, sentence.text, hit.highlights)],
        };
      }),
      notes,
      json: {
        command: 'news',
        query,
        hits: hits.map((hit) => ({
          article: hit.article.id,
          title: hit.article.title,
          outlet: hit.article.outlet,
          date: hit.article.date,
          url: hit.article.url,
          snippet: hit.passage.sentences[hit.sentence]!.text,
          score: Number(hit.score.toFixed(4)),
        })),
      },
    };
  },
};
