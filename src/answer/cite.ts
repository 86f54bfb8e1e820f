import type { Article } from '../corpus/types.ts';
import type { Citation, Span } from './model.ts';
import { headOf } from '../text/chars.ts';

/** The citation of one sentence of an article. */
export function cite(article: Article, quote: string, highlights: Span[] = []): Citation {
  return {
    article: article.id,
    outlet: article.outlet,
    date: article.date,
    title: article.title,
    url: article.url,
    quote,
    highlights,
  };
}

/** How long a title may be under a quote: longer ones are cut at a word. */
export const SHORT_TITLE_MAX = 80;

/** A title of at most `SHORT_TITLE_MAX` characters, cut at a word and ended with "…" when longer. */
export function shortTitle(title: string): string {
  const clean = title.replace(/\s*…$/u, '').trim();
  if (clean.length <= SHORT_TITLE_MAX) return clean;
  const cut = headOf(clean, SHORT_TITLE_MAX - 1);
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${(atWord.length >= SHORT_TITLE_MAX / 2 ? atWord : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * Who said it, as a reader looks for it: outlet · date · short title. A missing outlet or date is said
 * ("outlet unknown", "undated"), never silently left out; the corpus file name is not for readers (it stays
 * in the JSON as `article`).
 */
export function sourceParts(citation: Citation): { outlet: string; date: string; title: string | null } {
  return {
    outlet: citation.outlet ?? 'outlet unknown',
    date: citation.date ?? 'undated',
    title: citation.title ? shortTitle(citation.title) : null,
  };
}

/** The label line of a citation in plain text: outlet · date · short title, then the link when there is one. */
export function citationLabel(citation: Citation): string {
  const { outlet, date, title } = sourceParts(citation);
  const url = safeUrl(citation.url);
  return [outlet, date, title].filter(Boolean).join(' · ') + (url ? ` · ${url}` : '');
}

/** The URL when it is a web address a reader can open (http or https), else null. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
