/**
 * The words that say what a user wants, kept as data in one place for the plain-words router and for
 * mentions in threads: "check …" before a claim, "stimmt das?" alone under one, "help" alone.
 */

/** Phrases asking whether a claim holds, English and German. Spaces match any run of white space. */
export const CHECK_PHRASES = [
  'check',
  'fact check',
  'fact-check',
  'factcheck',
  'verify',
  'prüf',
  'prüfe',
  'stimmt das',
  'stimmt das so',
  'stimmt es',
  "stimmt's",
  'is this true',
  'is that true',
  'is it true',
  'is this right',
  'is that right',
  'is it right',
  'is this correct',
  'is that correct',
  'source',
  'sources',
  'quelle',
  'quellen',
  'beleg',
  'belege',
] as const;

/** Phrases asking what Dealdesk can do. */
export const HELP_PHRASES = ['help', 'hilfe', '?', 'what can you do', 'was kannst du'] as const;

/** An alternation of the phrases, longest first, spaces as `\s+`. */
function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

const CHECK = alternation(CHECK_PHRASES);
/** A check phrase followed by the claim: "check Amazon will invest …", "stimmt das: …". */
const CHECK_BEFORE_CLAIM = new RegExp(`^(?:${CHECK})(?![\\p{L}\\p{N}])[\\s?:!,.-]*`, 'iu');
/** A check phrase and nothing else: "check", "stimmt das?", "source?". */
const CHECK_ALONE = new RegExp(`^(?:${CHECK})\\s*[?!.]*$`, 'iu');
const HELP_ALONE = new RegExp(`^(?:${alternation(HELP_PHRASES)})\\s*[?!.]*$`, 'iu');

/** The claim after a leading check phrase ("check Amazon …" → "Amazon …"), or null when the text starts with none. */
export function claimAfterCheck(text: string): string | null {
  const match = CHECK_BEFORE_CLAIM.exec(text);
  return match ? text.slice(match[0].length) : null;
}

/** Whether the text only asks for a check (of the claim above it in a thread). */
export function isCheckRequest(text: string): boolean {
  return CHECK_ALONE.test(text.trim());
}

/** Whether the text only asks for help. */
export function isHelpRequest(text: string): boolean {
  return HELP_ALONE.test(text.trim());
}
