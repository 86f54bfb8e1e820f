/**
 * Turns an article's raw text into citable passages and sentences, leaving out boilerplate (navigation
 * crumbs, bylines, photo captions, donation prompts, teasers for other stories, source lists) so that it is
 * never indexed, extracted or quoted.
 */
import { normalizeWithOffsets, rawRange, type Normalized } from './normalize.ts';
import type { Passage, Sentence } from './types.ts';

/**
 * A line that ends the article proper: what follows is sign-off, source lists, comments, donation prompts or
 * teasers. Only honoured in the second half of the text, so a story that merely starts with "Quellen …" survives.
 */
const END_OF_ARTICLE: RegExp[] = [
  /^\((?:[a-z]{2,6}\/)*[a-z]{2,6}\)$/i, // agency sign-off: (dab/sda/dpa)
  /^(?:quellen|quelle|sources?)\s*:?$/i,
  /^(?:autor|author|verfasst von|written by)\b/i,
  /^haben sie einen fehler/i,
  /^(?:das könnte dich auch|das könnte sie auch|mehr zum thema|lesen sie auch|weitere artikel|related (?:stories|articles)|read more|more from)/i,
  /^danke für die/i,
];

/** Lines that are never article text, wherever they stand. */
const NOT_ARTICLE_TEXT: RegExp[] = [
  /vorwärts|startseite|»\s*\S+\s*»|›.*›/i, // breadcrumbs
  /^(?:bearbeitet von|von|by|text|foto|fotos|bild|photo|photos|image|video|quelle|credit|credits)\s*:/i, // bylines, credits
  // A byline without a colon: "By Jane Doe", "Von Max Muster und Erika Mustermann", "By Jane Doe, Reuters".
  /^(?:[Bb]y|[Vv]on)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|and|und|&|,))*(?:,\s*\p{Lu}[\p{L}.'-]*)?$/u,
  /^(?:\(?(?:photo|foto|bild|image)\)?\s*)?(?:©|\(c\)|copyright\b)/i, // "© Reuters", "Foto © dpa"
  // Teasers for other stories inside the text: "Read more: …", "Lesen Sie auch: …", "See also …".
  /^(?:read more|read also|see also|also read|more on this|lesen sie auch|lies auch|mehr zum thema|auch interessant|siehe auch)\b/i,
  // Newsletter and sign-up prompts: "Sign up for our AI newsletter …", "Abonnieren Sie unseren Newsletter".
  /\b(?:sign up|signup|subscribe|register|anmelden|abonnieren)\b.*\bnewsletter|\bnewsletter\b.*\b(?:sign up|subscribe|inbox|anmelden|abonnieren|posteingang)\b/i,
  /\bbild:\s*\S+\s*$/i, // "Amazon-Chef Jeff Bezos.Bild: keystone"
  /^[a-z]{2,5}\d{5,}\b/i, // agency photo ids: "epa12509549 Amazon founder …"
  /^(?:auf \w+ teilen|share on|teilen|drucken|print|kommentare?|newsletter|abonnieren|subscribe)\b/i,
  // Donation prompts ("Unterstützen Sie uns", "Jetzt unterstützen"), not prose that says "unterstützen".
  /\b(?:unterstützen sie (?:uns|unseren|unsere|unabhängigen)|journalismus unterstützen|jetzt unterstützen|unterstütze uns|jetzt spenden|donate|become a member|werde mitglied)\b/i,
];

const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|[\s:|-]+\|$/;
/** A line without closing punctuation and at most this many words is a heading, a label or a UI crumb. */
const HEADING_MAX_WORDS = 12;

interface Line {
  text: string;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

export interface CleanedText {
  passages: Passage[];
  /** The first body sentence: the title of an article that prints none. */
  firstSentence: string | null;
}

/** `title` is the known printed title: where the text repeats it, it is a heading, not a sentence. */
export function cleanArticle(raw: string, title: string | null = null): CleanedText {
  const norm = normalizeWithOffsets(raw);
  const titleText = title ? normalizeWithOffsets(title).text.trim() : null;
  const lines = articleLines(norm.text);
  const passages: Passage[] = [];
  let heading: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (TABLE_ROW.test(line.text)) {
      const rows: Line[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!.text)) rows.push(lines[i++]!);
      i--;
      passages.push(tablePassage(rows, heading, norm));
      heading = null;
    } else if (line.text === titleText || isHeading(line.text)) {
      heading = heading ? `${heading} · ${line.text}` : line.text;
    } else {
      passages.push({ heading, tableHeader: null, sentences: splitSentences(line, norm) });
      heading = null;
    }
  }
  const firstText = passages.find((p) => !p.tableHeader && p.sentences.length > 0);
  return { passages, firstSentence: firstText?.sentences[0]?.text ?? null };
}

/** Non-empty, trimmed lines of the article proper, boilerplate removed. */
function articleLines(text: string): Line[] {
  const lines: Line[] = [];
  const half = text.length / 2;
  for (const match of text.matchAll(/[^\n]+/g)) {
    const untrimmed = match[0];
    const lead = untrimmed.length - untrimmed.trimStart().length;
    const line = untrimmed.trim();
    if (!line) continue;
    const start = match.index + lead;
    if (start > half && END_OF_ARTICLE.some((re) => re.test(line))) break;
    if (NOT_ARTICLE_TEXT.some((re) => re.test(line)) || mostlyNotWords(line)) continue;
    lines.push({ text: line, start, end: start + line.length });
  }
  return lines;
}

/** Dates, counters and prices on their own ("06.02.2026, 06:58", "1 / 9", "5 CHF"): less than half letters. */
function mostlyNotWords(line: string): boolean {
  const letters = countLetters(line);
  return letters < line.length / 2 || letters < 4;
}

const LETTER = /\p{L}/u;

/** How many letters (code points of \p{L}) `line` holds; ASCII without a regular expression (performance). */
function countLetters(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) count++;
      continue;
    }
    const point = line.codePointAt(i)!;
    if (point > 0xffff) i++;
    if (LETTER.test(String.fromCodePoint(point))) count++;
  }
  return count;
}

function isHeading(line: string): boolean {
  if (/[.!?:;…"“”»«)]$/.test(line) && !/^table:/i.test(line)) return false;
  return line.split(/\s+/).length <= HEADING_MAX_WORDS || /^table:/i.test(line);
}

function tablePassage(rows: Line[], heading: string | null, norm: Normalized): Passage {
  const cells = (line: Line) => line.text.slice(1, -1).split('|').map((c) => c.trim());
  const [headerRow, ...bodyRows] = rows;
  const body = bodyRows.filter((row) => !TABLE_RULE.test(row.text));
  return {
    heading,
    tableHeader: headerRow ? cells(headerRow) : [],
    sentences: body.map((row) => sentence(row.text, row.start, row.end, norm)),
  };
}

function sentence(text: string, start: number, end: number, norm: Normalized): Sentence {
  const [rawStart, rawEnd] = rawRange(norm, start, end);
  return { text, start: rawStart, end: rawEnd };
}

/** Abbreviations after which a period does not end a sentence (German and English news usage). */
const ABBREVIATIONS = new Set(
  (
    'ca bzw z.b u.a d.h usw etc vs mio mrd tsd dr prof nr inc corp co ltd st jr sr mr mrs ms no ggf evtl ' +
    'jan feb mär apr jun jul aug sep sept okt oct nov dez dec mt mn bn u.s u.k e.g i.e approx'
  ).split(' '),
);
const MONTHS =
  /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jänner)\b/i;

/** How far around a period the boundary test looks: enough for a word, and it keeps the splitter linear. */
const BOUNDARY_WINDOW = 60;

/**
 * Splits a paragraph into sentences at . ! ? … followed by a space, except after abbreviations, initials,
 * and ordinal numbers before month names ("am 6. Februar"); also where a missing space glued two sentences
 * together ("markedly.Media"). Each test reads a bounded window around the
 * period, so a paragraph of any length is split in linear time.
 */
export function splitSentences(line: Line, norm: Normalized): Sentence[] {
  const sentences: Sentence[] = [];
  const text = line.text;
  let begin = 0;
  // Also where a missing space glues two sentences ("shrunk markedly.Media reports say"), not in "Amazon.com".
  for (const match of text.matchAll(/[.!?…]+["'“”»«)]*(?=\s+\S)|[.!?](?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu)) {
    const stop = match.index + match[0].length;
    const before = text.slice(Math.max(begin, match.index - BOUNDARY_WINDOW), match.index);
    const after = text.slice(stop, stop + BOUNDARY_WINDOW).trimStart();
    if (match[0].startsWith('.') && !endsSentence(before, after)) continue;
    pushSentence(text, begin, stop);
    begin = stop;
  }
  pushSentence(text, begin, text.length);
  return sentences;

  function pushSentence(source: string, from: number, to: number) {
    const lead = source.slice(from, to).length - source.slice(from, to).trimStart().length;
    const piece = source.slice(from, to).trim();
    if (!piece) return;
    const start = line.start + from + lead;
    sentences.push(sentence(piece, start, start + piece.length, norm));
  }
}

function endsSentence(before: string, after: string): boolean {
  const lastWord = before.match(/(\S+)$/)?.[1] ?? '';
  const word = lastWord.toLowerCase().replace(/^[("„“'«»]+/, '');
  if (ABBREVIATIONS.has(word)) return false;
  // Initials and "U.S", but not the letter of a round or class that ends a sentence ("… its Series C.").
  const named = /(?:series|serie|class|klasse|phase|stage|typ|type)\s+\S+$/iu.test(before);
  if (!named && (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) return false;
  if (/^\d{1,2}$/.test(word) && MONTHS.test(after)) return false; // "am 6. Februar"
  // A lower-case continuation is no new sentence, unless its first word is a name written so ("xAI", "eBay").
  if (/^\p{Ll}/u.test(after) && !/^\p{Ll}+\p{Lu}/u.test(after)) return false;
  return true;
}
