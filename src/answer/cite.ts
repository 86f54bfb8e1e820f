import type { Article } from '../corpus/types.ts';
import type { Citation, Span } from './model.ts';

/** The citation of one sentence of an article. */
export function cite(article: Article, quote: string, highlights: Span[] = []): Citation {
  return {
    article: article.id,
    outlet: article.outlet,
    date: article.date,
    title: article.title,
    quote,
    highlights,
  };
}

/** The label line of a citation: outlet · date · title (file). Missing parts are left out, the file never. */
export function citationLabel(citation: Citation): string {
  const parts = [citation.outlet, citation.date, citation.title].filter((p): p is string => Boolean(p));
  return `${parts.join(' · ')}${parts.length ? ' ' : ''}(${citation.article})`;
}
