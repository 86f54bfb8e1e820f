/** Test helper: a text read the way extraction reads an article, sentence by sentence. */
import { parseArticle } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { view, withUnknownCompanies, type SentenceView } from '../../src/extract/reading.ts';
import type { Lang } from '../../src/text/lang.ts';

export const catalog = bundledCatalog();

/** The article file for `text` (front matter with its language and, when given, its date). */
export function articleFile(text: string, lang: Lang, date: string | null): string {
  return `---\nlang: ${lang}\n${date ? `date: ${date}\n` : ''}---\n${text}\n`;
}

/** `text` as an article, and a sentence view of each of its sentences (names from the bundled list and by context). */
export function viewsOf(text: string, lang: Lang, date: string | null): { article: Article; views: SentenceView[] } {
  const article = parseArticle({ name: 'test.md', raw: articleFile(text, lang, date) });
  const views = article.passages.flatMap((p) => p.sentences).map((s) => view(s, article, withUnknownCompanies(s.text, catalog.find(s.text))));
  return { article, views };
}
