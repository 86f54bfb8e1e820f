/**
 * A running corpus follows its folder: an edited article is read again (its old facts and passages gone),
 * a deleted one leaves the corpus, without a restart. Through the real ingester and the real commands.
 */
import { unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { Ingester } from '../../src/ingest/ingester.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { markdown, tempDir } from '../digest/helpers.ts';

const BEFORE = markdown({ title: 'Vantablue raises', outlet: 'Wire', date: '2026-02-05' }, 'Vantablue raised 300 million dollars from Sequoia in a new round. The money pays for a Quantenkühlschrank.');
const AFTER = markdown({ title: 'Vantablue raises', outlet: 'Wire', date: '2026-02-05' }, 'Vantablue raised 350 million dollars from Sequoia in a new round. The money pays for robots.');
const OTHER = markdown({ title: 'Orbitfold raises', outlet: 'Wire', date: '2026-02-05' }, 'Orbitfold raised 40 million dollars from Accel.');

async function setup() {
  const folder = tempCorpus({ 'vantablue.md': BEFORE, 'orbitfold.md': OTHER });
  const ctx = folder.context();
  const ingester = await Ingester.open({ corpus: ctx.corpus, corpusDir: folder.corpusDir, store: new FileStateStore(tempDir('state')), settleMs: 0 });
  /** Writes a file and moves its mtime on, as an editor saving it a moment later would. */
  const edit = (name: string, text: string) => {
    const file = path.join(folder.corpusDir, name);
    writeFileSync(file, text);
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
  };
  return { folder, ctx, ingester, edit };
}

const dealText = async (ctx: Parameters<typeof answer>[1], line: string) => (await answer(line, ctx)).items.map((i) => i.text);

describe('a corpus folder that changes while the bot runs', () => {
  it('reads an edited article again: the new amount, not the old one, and its words are found', async () => {
    const { ctx, ingester, edit } = await setup();
    expect(await dealText(ctx, '/deal vantablue')).toEqual(['Sequoia Capital → Vantablue: $300M']);
    edit('vantablue.md', AFTER);
    const report = await ingester.scanFolder();
    expect(report.updated.map((a) => a.id)).toEqual(['vantablue.md']);
    expect(await dealText(ctx, '/deal vantablue')).toEqual(['Sequoia Capital → Vantablue: $350M']);
    expect((await answer('/news Quantenkühlschrank', ctx)).items).toEqual([]);
    expect((await answer('/news robots', ctx)).items[0]!.citations[0]!.quote).toMatch(/robots/);
    expect(ctx.corpus.articles.map((a) => a.id).sort()).toEqual(['orbitfold.md', 'vantablue.md']);
    // Touched without a change: nothing to do.
    edit('vantablue.md', AFTER);
    expect((await ingester.scanFolder()).updated).toEqual([]);
  });

  it('removes a deleted article with its facts and passages; a fact another article reports keeps that source', async () => {
    const { folder, ctx, ingester } = await setup();
    unlinkSync(path.join(folder.corpusDir, 'vantablue.md'));
    const report = await ingester.scanFolder();
    expect(report.removed).toEqual(['vantablue.md']);
    expect(ctx.corpus.get('vantablue.md')).toBeUndefined();
    expect((await answer('/news Vantablue', ctx)).items).toEqual([]);
    expect(ctx.corpus.facts.deals.some((d) => d.sources.some((s) => s.article === 'vantablue.md'))).toBe(false);
    expect(await dealText(ctx, '/deal orbitfold')).toEqual(['Accel → Orbitfold: $40M']);
    // The same text dropped in again is an article again, not a duplicate of the deleted one.
    writeFileSync(path.join(folder.corpusDir, 'vantablue.md'), BEFORE);
    expect((await ingester.scanFolder()).added.map((a) => a.id)).toEqual(['vantablue.md']);
    expect(await dealText(ctx, '/deal vantablue')).toEqual(['Sequoia Capital → Vantablue: $300M']);
  });
});
