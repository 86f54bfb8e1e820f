/**
 * Turns a feed item into an article file for the corpus folder: Markdown with YAML front matter (title,
 * outlet, date, url, lang) and the item's text, one paragraph per line — the same shape as a hand-made
 * `.md` article, so `parseArticle` reads it like any other and it survives restarts as a plain file.
 */
import { createHash } from 'node:crypto';
import { stringify as toYaml } from 'yaml';
import type { CorpusFile } from '../corpus/load.ts';
import type { Feed, FeedItem } from './parse-feed.ts';

/** File name from the item's identity (URL, else guid, else content): the same item always gets the same name. */
export function feedItemFileName(item: FeedItem): string {
  const identity = item.url ?? item.guid ?? `${item.title}\n${item.html}`;
  return `feed_${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.md`;
}

export function feedItemFile(feed: Feed, feedUrl: string, item: FeedItem): CorpusFile {
  return { name: feedItemFileName(item), raw: markdownArticle({
    title: item.title,
    outlet: feed.title ?? new URL(feedUrl).hostname,
    date: item.date,
    url: item.url,
    lang: feed.lang,
  }, htmlToText(item.html)) };
}

export interface FrontMatter {
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  lang: 'de' | 'en' | null;
  byline: string | null;
}

/** A Markdown article with front matter; empty fields are left out. */
export function markdownArticle(meta: Partial<FrontMatter>, body: string): string {
  const present = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== null && value !== undefined));
  return `---\n${toYaml(present).trimEnd()}\n---\n${body.trim()}\n`;
}

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*\/?>/gi;

/** Plain text from feed HTML: one block per line, tags and scripts dropped, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK_END, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', euro: '€',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[code] ?? whole;
  });
}
