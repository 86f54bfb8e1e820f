/** Renders an Answer for the console (plain text; bold via ANSI when the terminal supports it). */
import type { Answer, Span } from './model.ts';
import { citationLabel } from './cite.ts';
import { correctionLine, isStruck } from './corrections.ts';

export interface TextStyle {
  bold(text: string): string;
  /** A fact the team marked wrong. */
  strike(text: string): string;
}

export const ANSI: TextStyle = { bold: (t) => `\u001b[1m${t}\u001b[22m`, strike: (t) => `\u001b[9m${t}\u001b[29m` };
export const PLAIN: TextStyle = { bold: (t) => `**${t}**`, strike: (t) => `~~${t}~~` };

/** A correction line as plain text: the user as stored (a Slack id, or `console`). */
const AS_IS = { who: (by: string) => by, text: (text: string) => text };

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
    lines.push('', `${i + 1}. ${isStruck(item) ? style.strike(item.text) : item.text}`);
    if (item.correction) lines.push(`   ${correctionLine(item.correction, AS_IS)}`);
    if (item.detail) lines.push(`   ${item.detail}`);
    for (const citation of item.citations) {
      lines.push(`   “${applyHighlights(citation.quote, citation.highlights, style.bold)}”`);
      lines.push(`   — ${citationLabel(citation)}`);
    }
  });
  if (answer.notes.length) lines.push('', ...answer.notes);
  return lines.join('\n');
}
