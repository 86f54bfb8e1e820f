/** Reading /deal, /number and /check questions: names (lenient for words, exact for short names), years, the rest. */
import { describe, expect, it } from 'vitest';
import { insertTop, readQuery } from '../../commands/facts-common.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';

const catalog = bundledCatalog();
const read = (text: string) => {
  const { entities, years, rest } = readQuery(text, catalog);
  return { entities: entities.map((e) => e.name), years, rest };
};

describe('readQuery', () => {
  it('reads a company, a year and the other words; a misspelt name still resolves', () => {
    expect(read('antrhopic valuation 2025')).toEqual({ entities: ['Anthropic'], years: ['2025'], rest: ['valuation'] });
  });

  it('a two-letter name resolves as written ("LG", "1X"), and not from any two letters', () => {
    expect(read('LG valuation')).toEqual({ entities: ['LG'], years: [], rest: ['valuation'] });
    expect(read('1X valuation').entities).toEqual(['1X']);
    expect(read('lg valuation').entities).toEqual([]);
    expect(read('ab valuation').entities).toEqual([]);
  });

  it('a name of several words is one name only as a whole', () => {
    expect(read('Project Prometheus').entities).toEqual(['Project Prometheus']);
  });
});

describe('insertTop', () => {
  it('keeps the first `limit` items of a stable sort', () => {
    const top: [number, string][] = [];
    for (const item of [[2, 'a'], [1, 'b'], [2, 'c'], [0, 'd'], [1, 'e']] as [number, string][]) insertTop(top, item, 3, (x, y) => x[0] - y[0]);
    expect(top).toEqual([[0, 'd'], [1, 'b'], [1, 'e']]);
  });
});
