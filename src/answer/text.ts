/** Renders an Answer for the console (plain text; bold via ANSI when the terminal supports it). */
import type { Answer, Span } from './model.ts';
import { citationLabel } from './cite.ts';

export interface TextStyle {
  bold(text: string): string;
}

export const ANSI: TextStyle = { bold: (t) => `\u001b[1m${t}\u001b[22m` };
export const PLAIN: TextStyle = { bold: (t) => `**${t}**` };

/** Wraps the highlighted spans of `text` with the style's bold. Overlapping spans are merged. */
export function applyHighlights(text: string, spans: Span[], bold: (t: string) => string, escape = (t: string) => t): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += escape(text.slice(at, from)) + bold(escape(text.slice(from, end)));
    at = end;
  }
  return out + escape(text.slice(at));
}

export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines = [style.bold(answer.title)];
  answer.items.forEach((item, i) => {
    lines.push('', `${i + 1}. ${item.text}`);
    if (item.detail) lines.push(`   ${item.detail}`);
    for (const citation of item.citations) {
      lines.push(`   “${applyHighlights(citation.quote, citation.highlights, style.bold)}”`);
      lines.push(`   — ${citationLabel(citation)}`);
    }
  });
  if (answer.notes.length) lines.push('', ...answer.notes);
  return lines.join('\n');
}
