import { describe, expect, it } from 'vitest';
import { fold, foldWord, tokenize } from '../../src/text/words.ts';

describe('fold', () => {
  it.each([
    ['Straße', 'strasse'],
    ['ÜBERNAHME', 'ubernahme'],
    ['U\u0308bernahme', 'ubernahme'],
    ['Zürich', 'zurich'],
    ['OpenAI', 'openai'],
  ])('%s → %s', (word, folded) => expect(fold(word)).toBe(folded));
});

describe('tokenize', () => {
  it('gives folded words with offsets into the text; hyphens split compounds', () => {
    const text = 'Amazon‑CEO Andy Jassy, 2026';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.folded)).toEqual(['amazon', 'ceo', 'andy', 'jassy', '2026']);
    for (const t of tokens) expect(fold(text.slice(t.start, t.end))).toBe(t.folded);
  });

  it.each(["Amazon's", 'Amazon’s', 'Amazon‘s', 'Amazonʼs'])('drops the genitive of %s, whatever the apostrophe', (word) => {
    expect(tokenize(`${word} stake`).map((t) => t.folded)).toEqual(['amazon', 'stake']);
    expect(foldWord(word)).toBe('amazon');
  });
});
