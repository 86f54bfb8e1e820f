/**
 * Recognises an article the corpus already has: by URL (normalised: no fragment, no tracking parameters,
 * no trailing slash, host in lower case) or by its normalised body text (case, punctuation and spacing
 * ignored), so the same story under another file name or another URL is added once.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../corpus/types.ts';
import type { IngestRecord } from '../state/types.ts';

export interface Duplicate {
  /** Id of the article already in the corpus. */
  of: string;
  by: 'url' | 'text';
}

/** Hash of the article's body sentences, normalised; null when it has no body text to compare. */
export function textHash(article: Article): string | null {
  const text = article.passages
    .flatMap((passage) => passage.sentences.map((sentence) => sentence.text))
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return text ? createHash('sha256').update(text).digest('hex').slice(0, 32) : null;
}

const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|rss)$/i;

export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (TRACKING_PARAMETER.test(key)) parsed.searchParams.delete(key);
    }
    if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) parsed.pathname = parsed.pathname.slice(0, -1);
    return parsed.toString();
  } catch {
    return url.trim();
  }
}

export class DedupeIndex {
  private readonly byUrl = new Map<string, string>();
  private readonly byText = new Map<string, string>();

  /**
   * Knows every article of the corpus and every recorded arrival. An article recorded with its text's hash
   * is known by that hash: only the others are read again (reading every article's passages held up a large
   * corpus's start for seconds).
   */
  static of(articles: Article[], records: IngestRecord[]): DedupeIndex {
    const index = new DedupeIndex();
    const hashed = new Set<string>();
    for (const record of records) {
      index.remember(record.article, record.url, record.textHash);
      if (record.textHash) hashed.add(record.article);
    }
    for (const article of articles) if (!hashed.has(article.id)) index.remember(article.id, article.url, textHash(article));
    return index;
  }

  remember(id: string, url: string | null, hash: string | null): void {
    if (url && !this.byUrl.has(normaliseUrl(url))) this.byUrl.set(normaliseUrl(url), id);
    if (hash && !this.byText.has(hash)) this.byText.set(hash, id);
  }

  /**
   * Forgets an article's text (its file was edited or deleted): that text no longer makes another file a
   * duplicate. Its URL stays known, so a feed item someone deleted is not fetched again.
   */
  forgetText(id: string): void {
    for (const [hash, owner] of this.byText) if (owner === id) this.byText.delete(hash);
  }

  /** The article already known under this URL, if any. */
  articleWithUrl(url: string): string | undefined {
    return this.byUrl.get(normaliseUrl(url));
  }

  /** Another article with the same URL or text; an article is never a duplicate of itself. */
  duplicateOf(article: Article, hash = textHash(article)): Duplicate | null {
    const sameUrl = article.url ? this.articleWithUrl(article.url) : undefined;
    if (sameUrl && sameUrl !== article.id) return { of: sameUrl, by: 'url' };
    const sameText = hash ? this.byText.get(hash) : undefined;
    if (sameText && sameText !== article.id) return { of: sameText, by: 'text' };
    return null;
  }
}
