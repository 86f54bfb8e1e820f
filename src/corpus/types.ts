import type { Lang } from '../text/lang.ts';

/** A sentence (or a table row) of an article. Offsets point into the ORIGINAL file text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** A paragraph of body text, or a Markdown table whose rows are its sentences. */
export interface Passage {
  /** Headings printed just before this passage (searchable, never cited). */
  heading: string | null;
  /** Column names when the passage is a Markdown table. */
  tableHeader: string[] | null;
  sentences: Sentence[];
}

export interface ArticleMeta {
  /** File name in the corpus folder: the article's id in answers and JSON. */
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  byline: string | null;
  lang: Lang;
  url: string | null;
}

export interface Article extends ArticleMeta {
  passages: Passage[];
}
