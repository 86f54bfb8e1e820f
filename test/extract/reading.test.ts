/** The sentence view every extraction rule reads (words, mentions, quantities, dates, clauses) and its helpers. */
import { describe, expect, it } from 'vitest';
import {
  clauseOf,
  hasCue,
  hasWord,
  nearest,
  parties,
  source,
  withUnknownCompanies,
  wordsIn,
  type SentenceView,
} from '../../src/extract/reading.ts';
import type { Quantity } from '../../src/extract/types.ts';
import type { Lang } from '../../src/text/lang.ts';
import { articleFile, catalog, viewsOf } from './sentences.ts';

/** One sentence read from a one-sentence article, with the file text it came from. */
function read(text: string, { lang = 'en', date = '2026-02-10' as string | null } = {}) {
  const { article, views } = viewsOf(text, lang as Lang, date);
  expect(views).toHaveLength(1);
  return { raw: articleFile(text, lang as Lang, date), article, v: views[0]! };
}

const folded = (v: SentenceView) => v.words.map((w) => w.folded);
const textOf = (v: SentenceView, [start, end]: [number, number]) => v.text.slice(start, end);

describe('view: words', () => {
  it.each([
    { text: 'Größter Anteil für Übernahmen.', lang: 'de', words: ['grosster', 'anteil', 'fur', 'ubernahmen'] },
    { text: "OpenAI's revenue grew.", lang: 'en', words: ['openai', 'revenue', 'grew'] },
    { text: 'Anthropic’s round closed.', lang: 'en', words: ['anthropic', 'round', 'closed'] },
    { text: 'Microsoft investiert 2,5 Milliarden.', lang: 'de', words: ['microsoft', 'investiert', '2', '5', 'milliarden'] },
  ])('$text → $words', ({ text, lang, words }) => {
    const { v } = read(text, { lang });
    expect(folded(v)).toEqual(words);
    // Each word's span is where it stands in the sentence.
    for (const w of v.words) expect(v.text.slice(w.start, w.end)).toMatch(/^[\p{L}\p{N}'’]+$/u);
  });
});

describe('view: quantities', () => {
  it.each([
    { text: 'Amazon investiert acht Milliarden Dollar.', lang: 'de', quantities: ['acht Milliarden Dollar'] },
    { text: 'Die Übernahme kostet CHF 5.', lang: 'de', quantities: ['CHF 5'] },
    { text: 'Revenue rose 9% to $149.2 billion.', lang: 'en', quantities: ['9%', '$149.2 billion'] },
    { text: 'Nobody knows what it costs.', lang: 'en', quantities: [] },
    { text: 'Amazon investiert in OpenAI.', lang: 'de', quantities: [] },
  ])('$text → $quantities', ({ text, lang, quantities }) => {
    const { v } = read(text, { lang });
    expect(v.quantities.map((q) => q.text)).toEqual(quantities);
    for (const q of v.quantities) expect(v.text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('view: dates', () => {
  it('relative dates are resolved against the article date', () => {
    expect(read('Im Oktober investierte Amazon.', { lang: 'de', date: '2026-02-10' }).v.dates.map((d) => d.value)).toEqual(['2025-10']);
    expect(read('Im Oktober investierte Amazon.', { lang: 'de', date: '2025-11-20' }).v.dates.map((d) => d.value)).toEqual(['2025-10']);
    expect(read('In October Amazon invested.', { lang: 'en', date: '2025-09-01' }).v.dates.map((d) => d.value)).toEqual(['2024-10']);
  });

  it('an article without a date keeps explicit dates and drops relative ones', () => {
    expect(read('Im Oktober 2023 und im Mai investierte Amazon.', { lang: 'de', date: null }).v.dates.map((d) => d.value)).toEqual(['2023-10']);
  });
});

describe('view: clauses', () => {
  it.each([
    {
      text: 'Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren, Microsoft rund 80 Milliarden Dollar.',
      lang: 'de',
      clauses: ['Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren', ', Microsoft rund 80 Milliarden Dollar.'],
    },
    {
      text: "OpenAI's revenue grew; Anthropic's fell — Microsoft's rose and Nvidia's doubled.",
      lang: 'en',
      clauses: ["OpenAI's revenue grew", "; Anthropic's fell", " — Microsoft's rose", " and Nvidia's doubled."],
    },
    {
      text: 'Amazon will invest between $10 billion and $20 billion in OpenAI.',
      lang: 'en',
      clauses: ['Amazon will invest between $10 billion and $20 billion in OpenAI.'],
    },
    {
      text: 'Größter Posten: 10 Prozent, während Amazon wächst.',
      lang: 'de',
      clauses: ['Größter Posten', ': 10 Prozent', ', während Amazon wächst.'],
    },
  ])('$text', ({ text, lang, clauses }) => {
    const { v } = read(text, { lang });
    expect(v.clauses.map((c) => textOf(v, c))).toEqual(clauses);
    expect(v.clauses.map((c) => textOf(v, c)).join('')).toBe(v.text);
  });

  it('clauseOf: the clause holding a position; wordsIn: the words inside a range', () => {
    const { v } = read('Meta will 2026 zwischen 115 und 135 Milliarden Dollar investieren, Microsoft rund 80 Milliarden Dollar.', { lang: 'de' });
    const [range, second] = v.quantities;
    expect(textOf(v, clauseOf(v, range!.start))).toMatch(/^Meta will/);
    expect(wordsIn(v, clauseOf(v, second!.start)).map((w) => w.folded)).toEqual(['microsoft', 'rund', '80', 'milliarden', 'dollar']);
    expect(clauseOf(v, v.text.length + 5)).toEqual([0, v.text.length]);
  });
});

describe('mentions and parties', () => {
  it('a country is a mention but never a party', () => {
    const { v } = read('Microsoft investiert in Deutschland und in den USA.', { lang: 'de' });
    expect(v.mentions.map((m) => m.canonical.id)).toEqual(['microsoft', 'germany', 'usa']);
    expect(parties(v.mentions).map((m) => m.canonical.id)).toEqual(['microsoft']);
  });

  it.each([
    { text: 'Das Münchner Start-up Tacto hat 50 Millionen Euro von Nvidia erhalten.', lang: 'de', names: ['Tacto', 'Nvidia'] },
    { text: 'Nvidia backs Acme Robotics with $20 million.', lang: 'en', names: ['Nvidia', 'Acme Robotics'] },
  ])('withUnknownCompanies adds companies the list does not know, in text order: $text', ({ text, lang, names }) => {
    const { v } = read(text, { lang });
    expect(v.mentions.map((m) => m.canonical.name)).toEqual(names);
    expect(v.mentions.filter((m) => m.canonical.id.startsWith('~'))).toHaveLength(1);
  });

  it('withUnknownCompanies returns the known mentions when the text names no other company', () => {
    const known = catalog.find('Amazon investiert in OpenAI.');
    expect(withUnknownCompanies('Amazon investiert in OpenAI.', known)).toBe(known);
  });
});

describe('word tests', () => {
  const words = (text: string) => read(text, { lang: 'de' }).v.words;

  it.each([
    { text: 'Amazon verhandelt über eine potenzielle Beteiligung.', list: ['potenziell'], hasWord: false, hasCue: true },
    { text: 'Amazon verhandelt über eine potenziell große Beteiligung.', list: ['potenziell'], hasWord: true, hasCue: true },
    { text: 'Die Gespräche laufen.', list: ['gesprache'], hasWord: true, hasCue: true },
    // Short cues only match whole words: "will" is not "willkommen".
    { text: 'Amazon ist willkommen.', list: ['will'], hasWord: false, hasCue: false },
    { text: 'Amazon plant eine Investition.', list: ['geplant', 'talks'], hasWord: false, hasCue: false },
  ])('$text with $list: hasWord $hasWord, hasCue $hasCue', ({ text, list, hasWord: word, hasCue: cue }) => {
    expect(hasWord(words(text), list)).toBe(word);
    expect(hasCue(words(text), list)).toBe(cue);
  });
});

describe('nearest', () => {
  const at = (start: number, end: number) => ({ start, end });
  const quantity = { start: 20, end: 30 } as Quantity;

  it.each([
    { items: [at(0, 5), at(10, 18)], nearest: at(10, 18) },
    { items: [at(0, 5), at(33, 40)], nearest: at(33, 40) },
    { items: [at(13, 18), at(31, 40)], nearest: at(31, 40) },
    // A tie goes to the first one.
    { items: [at(10, 18), at(32, 40)], nearest: at(10, 18) },
    // Overlapping the quantity is distance 0.
    { items: [at(0, 5), at(25, 35)], nearest: at(25, 35) },
    { items: [], nearest: null },
  ])('$items → $nearest', ({ items, nearest: expected }) => {
    expect(nearest(items, quantity)).toEqual(expected);
  });
});

describe('source', () => {
  it.each([
    { text: 'Amazon investiert bis zu 50 Milliarden Dollar in OpenAI.', lang: 'de' },
    { text: 'Microsoft will invest $10 billion in OpenAI.', lang: 'en' },
  ])('quotes the sentence, points into the file, and highlights the amount: $text', ({ text, lang }) => {
    const { raw, article, v } = read(text, { lang });
    const quantity = v.quantities[0]!;
    const s = source(article, v.sentence, quantity);
    expect(s).toMatchObject({ article: 'test.md', quote: text });
    expect(raw.slice(s.start, s.end)).toBe(text);
    expect(s.quote.slice(...s.highlight)).toBe(quantity.text);
  });
});
