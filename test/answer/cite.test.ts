/** Citation labels: who said it, as a reader looks for it (outlet · date · short title · link), never a file name. */
import { describe, expect, it } from 'vitest';
import { citationLabel, safeUrl, shortTitle, SHORT_TITLE_MAX } from '../../src/answer/cite.ts';
import type { Citation } from '../../src/answer/model.ts';

const base: Citation = {
  article: '003_74890980bce22e95.txt',
  outlet: 'wallstreet-online',
  date: '2026-01-30',
  title: 'Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI',
  url: 'https://www.wallstreet-online.de/nachricht/1',
  quote: 'Amazon könnte …',
  highlights: [],
};

describe('citationLabel', () => {
  it('outlet · date · title · link, without the corpus file name', () => {
    expect(citationLabel(base)).toBe('wallstreet-online · 2026-01-30 · Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI · https://www.wallstreet-online.de/nachricht/1');
    expect(citationLabel(base)).not.toContain('.txt');
  });

  it('says "outlet unknown" and "undated" instead of leaving them out; no link without a URL', () => {
    expect(citationLabel({ ...base, outlet: null, date: null, url: null })).toBe('outlet unknown · undated · Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI');
  });

  it('cuts a long title (a first sentence standing in) at a word, to at most 80 characters', () => {
    const sentence = 'In einer Entwicklung, die dabei ist, die grundlegende Hierarchie der Künstlichen Intelligenz (Artificial Intelligence)-Branche neu zu ordnen …';
    const short = shortTitle(sentence);
    expect(short.length).toBeLessThanOrEqual(SHORT_TITLE_MAX);
    expect(short).toBe('In einer Entwicklung, die dabei ist, die grundlegende Hierarchie der…');
    expect(shortTitle('Short title')).toBe('Short title');
  });

  it('links only web addresses', () => {
    expect(safeUrl('https://example.com/x')).toBe('https://example.com/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(citationLabel({ ...base, url: 'javascript:alert(1)' })).not.toContain('javascript');
  });
});
