/** Search over the seeds and small corpora: folding and stemming in the index, ranking, highlights. */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/text/words.ts';
import type { PassageHit } from '../../src/search/passages.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';

const corpus = () => seedContext().corpus;

function sentenceOf(hit: PassageHit): string {
  return hit.passage.sentences[hit.sentence]!.text;
}
function highlighted(hit: PassageHit): string[] {
  const text = sentenceOf(hit);
  return hit.highlights.map(([s, e]) => text.slice(s, e));
}

describe('search over the seeds', () => {
  it('Indiana: the data-centre sentence of 003 first', () => {
    const [first] = corpus().search('Indiana').hits;
    expect(first?.article.id).toBe('003_74890980bce22e95.txt');
    expect(sentenceOf(first!)).toBe('Bereits im Oktober eröffnete Amazon in Indiana ein 11-Milliarden-Dollar-Rechenzentrumscampus für Anthropic.');
    expect(highlighted(first!)).toEqual(['Indiana']);
  });

  it('stemming and compounds: Rechenzentrum finds Rechenzentren and Rechenzentrumscampus; best forms first', () => {
    const hits = corpus().search('Rechenzentrum').hits;
    const words = hits.flatMap(highlighted);
    expect(words).toContain('Rechenzentren');
    expect(words).toContain('Rechenzentrumscampus');
    // The plain plural (a real form of the word) ranks above the compound found by prefix only.
    const rank = (w: string) => hits.findIndex((h) => highlighted(h).includes(w));
    expect(rank('Rechenzentren')).toBeLessThan(rank('Rechenzentrumscampus'));
  });

  it('folding: every case and diacritic spelling finds the same passages', () => {
    const ids = (q: string) => corpus().search(q).hits.map((h) => `${h.article.id}:${sentenceOf(h)}`);
    expect(ids('übernahme')).not.toHaveLength(0);
    expect(ids('Ubernahme')).toEqual(ids('Übernahme'));
    expect(ids('BEWERTUNG')).toEqual(ids('bewertung'));
    expect(ids('milliarden')).toEqual(ids('Milliarden'));
    expect(ids('grossere')).toEqual(ids('größere'));
  });

  it('billion finds Milliarden, never German Billionen (trillions)', () => {
    const hits = corpus().search('billion', 20).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(highlighted(hit).every((w) => /^Milliarde/i.test(w) || /milliarden/i.test(w)), sentenceOf(hit)).toBe(true);
    }
    const trillions = corpus().search('trillion').hits.flatMap(highlighted);
    expect(trillions).toEqual(expect.arrayContaining(['Billionen', 'Billion']));
  });

  it('multi-word queries: the sentence with every (rare) word first', () => {
    const [first] = corpus().search('Amazon Indiana Rechenzentrum').hits;
    expect(sentenceOf(first!)).toMatch(/Indiana ein 11-Milliarden-Dollar-Rechenzentrumscampus/);
    expect(highlighted(first!)).toEqual(['Amazon', 'Indiana', 'Rechenzentrumscampus']);

    // A word found in every article (Amazon) must not outrank the rare one the user asked for.
    const bueros = corpus().search('Bürojobs Amazon').hits;
    expect(sentenceOf(bueros[0]!)).toMatch(/30'000 Bürojobs/);

    const nvidia = corpus().search('Nvidia 30 Milliarden').hits;
    expect(sentenceOf(nvidia[0]!)).toBe('Nvidia erwägt demnach ein Investment von bis zu 30 Milliarden US-Dollar, Microsoft eine Beteiligung von unter 10 Milliarden US-Dollar.');
  });

  it('synonym expansions do not match unrelated words that merely start alike', () => {
    // `jobs` → Stellen (stem `stell`): "China stellt …" and "stellte sich heraus" are no jobs.
    const sentences = corpus().search('jobs', 10).hits.map(sentenceOf);
    expect(sentences.some((s) => /16\.000 Stellen/.test(s))).toBe(true);
    expect(sentences.some((s) => /Bürojobs/.test(s))).toBe(true);
    expect(sentences.some((s) => /Arbeitsplätze/.test(s))).toBe(true);
    expect(sentences.filter((s) => /stellt|stellte|Stell dir/.test(s))).toEqual([]);
  });

  it('highlights point at the matched words of the quoted sentence', () => {
    for (const query of ['Rechenzentrum', 'data center', 'Amazon OpenAI Beteiligung', 'valuation', 'Bewertung']) {
      const hits = corpus().search(query).hits;
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        const text = sentenceOf(hit);
        expect(hit.highlights.length).toBeGreaterThan(0);
        for (const [start, end] of hit.highlights) {
          expect(start).toBeLessThan(end);
          expect(end).toBeLessThanOrEqual(text.length);
          // Whole words, not fragments.
          expect(text.slice(start, end)).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ')).toBe(false);
          expect(/[\p{L}\p{N}]/u.test(text[end] ?? ' ')).toBe(false);
        }
      }
    }
    const valuation = corpus().search('valuation').hits.flatMap(highlighted).map(fold);
    expect(valuation.every((w) => w.startsWith('bewert'))).toBe(true);
  });

  it('no hits for boilerplate, nonsense, or an empty query', () => {
    for (const q of ['Riesenqualle', 'CHF', 'keystone', 'BFMTV', 'xyzzyplugh']) expect(corpus().search(q).hits, q).toEqual([]);
    expect(corpus().search('der die das')).toEqual({ words: [], hits: [] });
  });

  it('respects the limit and at most three passages per article', () => {
    const hits = corpus().search('Amazon', 5).hits;
    expect(hits).toHaveLength(5);
    const perArticle = new Map<string, number>();
    for (const h of hits) perArticle.set(h.article.id, (perArticle.get(h.article.id) ?? 0) + 1);
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(3);
    expect(corpus().search('Amazon', 2).hits).toHaveLength(2);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('headings are searched but never quoted', () => {
    // "Strategische Schlacht der Tech-Giganten" is a heading of 003, not a sentence.
    for (const hit of corpus().search('Schlacht Giganten').hits) expect(sentenceOf(hit)).not.toMatch(/Schlacht/);
  });
});

describe('search over English and mixed text', () => {
  const ctx = tempCorpus({
    'en.md': '---\ntitle: Acme builds data centers\nlang: en\n---\nAcme said it will invest $10 billion in new data centers in Ohio.\n\nThe investments create 1,000 jobs.\n',
    'de.txt': 'Der Konzern baut ein neues Rechenzentrum in Hessen und schafft 500 Arbeitsplätze.\n',
  }).context();

  it('English stems: investment finds investments and invest', () => {
    const words = ctx.corpus.search('investment').hits.flatMap(highlighted);
    expect(words).toEqual(expect.arrayContaining(['invest', 'investments']));
  });

  it('a German query finds English text and the other way round', () => {
    expect(ctx.corpus.search('Rechenzentrum').hits.map((h) => h.article.id).sort()).toEqual(['de.txt', 'en.md']);
    expect(ctx.corpus.search('data center').hits.map((h) => h.article.id).sort()).toEqual(['de.txt', 'en.md']);
    expect(ctx.corpus.search('Arbeitsplätze').hits.map((h) => h.article.id).sort()).toEqual(['de.txt', 'en.md']);
  });

  it('light fuzzy matching catches a typo when nothing matches exactly', () => {
    expect(ctx.corpus.search('Rechenzentrm').hits.map((h) => h.article.id)).toContain('de.txt');
  });
});
