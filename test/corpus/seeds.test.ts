/** The loader over the bundled seeds: boilerplate cut, tables, titles, and offsets back into the files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, readCorpusFiles, readSidecar } from '../../src/corpus/load.ts';
import { normalizeWithOffsets } from '../../src/corpus/normalize.ts';
import type { Article } from '../../src/corpus/types.ts';
import { SEEDS_DIR } from '../helpers/corpus.ts';

const sidecar = readSidecar(SEEDS_DIR);
const files = readCorpusFiles(SEEDS_DIR);
const articles = new Map<string, Article>(files.map((f) => [f.name, parseArticle(f, sidecar.get(f.name))]));
const raw = new Map(files.map((f) => [f.name, f.raw]));

function article(prefix: string): Article {
  const found = [...articles.values()].find((a) => a.id.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
function sentences(prefix: string): string[] {
  return article(prefix).passages.flatMap((p) => p.sentences.map((s) => s.text));
}
/** Everything that gets indexed: sentences and headings. */
function indexedText(prefix: string): string[] {
  const a = article(prefix);
  return [...sentences(prefix), ...a.passages.map((p) => p.heading ?? '')];
}

describe('the seeds', () => {
  it('reads all five articles with their sidecar metadata', () => {
    expect([...articles.keys()]).toEqual([
      '000_9b1a7e1563152442.txt',
      '001_ca898e26b61cf4bd.txt',
      '002_9f3b6e03921a3851.txt',
      '003_74890980bce22e95.txt',
      '004_443880537494ab5b.txt',
    ]);
    expect(article('003')).toMatchObject({
      outlet: 'wallstreet-online',
      date: '2026-01-30',
      title: 'Amazon erwägt Beteiligung von bis zu 50 Milliarden US-Dollar an OpenAI',
      byline: 'Pascal Grunow',
      lang: 'de',
    });
    expect(article('004')).toMatchObject({ outlet: 'watson.ch', date: '2026-02-06' });
    expect(article('002')).toMatchObject({ outlet: 'Creati.ai', date: '2026-01' });
    expect(article('000').outlet).toBeNull();
    for (const a of articles.values()) expect(a.lang).toBe('de');
  });

  it('an article without a printed title gets its first sentence, shortened at a word', () => {
    expect(article('001').title).toMatch(/^Alter, du wirst es nicht glauben/);
    const title = article('002').title!;
    expect(title.startsWith('In einer Entwicklung')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(122);
    expect(title.endsWith(' …')).toBe(true);
  });
});

describe('boilerplate is cut', () => {
  it('004: no donation buttons, photo ids and credits, teasers, comments', () => {
    const text = indexedText('004');
    for (const junk of ['CHF', 'Riesenqualle', 'Kommentar', 'keystone', 'epa12509549', 'unterstütze', 'Anthropic will', 'DANKE', 'Zur Story']) {
      expect(text.filter((s) => s.includes(junk)), junk).toEqual([]);
    }
    // …while the article itself is there, to its last sentence.
    expect(sentences('004')).toContain('Der Konzern baut in zwei Wellen rund 30\'000 Bürojobs ab – auch unter Verweis auf den Wandel durch Künstliche Intelligenz.');
    expect(sentences('004').at(-1)).toBe('Das habe sich in den USA zuletzt auch beim Verkauf frischer Lebensmittel gezeigt.');
  });

  it('003: no breadcrumbs, no author lines', () => {
    const text = indexedText('003');
    for (const junk of ['vorwärts', 'Verfasst von', 'Startseite', 'Autor:', 'Redaktion']) {
      expect(text.filter((s) => s.includes(junk)), junk).toEqual([]);
    }
    expect(sentences('003')).toContain('Bereits im Oktober eröffnete Amazon in Indiana ein 11-Milliarden-Dollar-Rechenzentrumscampus für Anthropic.');
  });

  it('000: no source list, view counter, byline or error-report prompt', () => {
    const text = indexedText('000');
    for (const junk of ['Quellen', 'BFMTV', 'Ansichten', 'Forbes', 'Bearbeitet von', 'Fehler']) {
      expect(text.filter((s) => s.includes(junk)), junk).toEqual([]);
    }
    expect(sentences('000').at(-1)).toMatch(/^Die Technologie von Prometheus soll direkt/);
  });

  it('the printed title is a heading, not a quotable sentence', () => {
    expect(sentences('003')).not.toContain(article('003').title);
    expect(sentences('004')).not.toContain(article('004').title);
    expect(article('003').passages.some((p) => p.heading?.includes(article('003').title!))).toBe(true);
  });
});

describe('002: Markdown table and U+2011', () => {
  it('the table is one table passage: header columns and five rows', () => {
    const tables = article('002').passages.filter((p) => p.tableHeader);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.tableHeader).toEqual(['Datum', 'Unternehmen', 'Investor', 'Ungefähre Summe (USD)']);
    expect(table.sentences).toHaveLength(5);
    expect(table.sentences[0]!.text).toContain('Bis zu $50 Milliarden');
    expect(table.sentences.some((s) => /^\|[\s:|-]+\|$/.test(s.text))).toBe(false); // the |---| rule is no row
    expect(table.heading).toMatch(/Comparative Analysis of Major AI Investments/);
  });

  it('non-breaking hyphens are plain hyphens in the text', () => {
    const all = sentences('002').join('\n');
    expect(all).not.toMatch(/\u2011/);
    expect(all).toContain('Amazon-CEO Andy Jassy');
    expect(all).toContain('KI-Wettlauf');
  });
});

describe('offsets', () => {
  it('every sentence of every seed maps back into the original file', () => {
    let checked = 0;
    for (const a of articles.values()) {
      const original = raw.get(a.id)!;
      for (const passage of a.passages) {
        for (const s of passage.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(original.length);
          expect(normalizeWithOffsets(original.slice(s.start, s.end)).text, `${a.id}@${s.start}`).toBe(s.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('002 really has U+2011 in the raw text under a sentence with a plain hyphen', () => {
    const original = readFileSync(path.join(SEEDS_DIR, '002_9f3b6e03921a3851.txt'), 'utf8');
    const s = article('002').passages.flatMap((p) => p.sentences).find((x) => x.text.includes('Amazon-CEO'))!;
    expect(original.slice(s.start, s.end)).toContain('Amazon\u2011CEO');
  });
});
