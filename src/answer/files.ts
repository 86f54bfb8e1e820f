/** What the files answers come with share: safe names, and a chart as a PNG file. */
import { renderChart, type ChartRequest } from './chart.ts';
import type { AnswerFile } from './model.ts';

/** A file name from words: lower case ASCII letters and digits joined by `-` (`Mistral AI` → `mistral-ai`). */
export function fileStem(...words: string[]): string {
  return (
    words
      .join(' ')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export'
  );
}

/** The chart of `request` as a PNG file named `name`. */
export async function chartFile(request: ChartRequest, name: string): Promise<AnswerFile> {
  return { name, title: request.title, mime: 'image/png', bytes: await renderChart(request) };
}
