/** Companies the entity list does not know, found by their suffix or a start-up cue, and queried by name. */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { findUnknownCompanies } from '../../src/extract/unknown-names.ts';
import { tempCorpus } from '../helpers/corpus.ts';

const names = (text: string) => findUnknownCompanies(text, bundledCatalog().find(text)).map((m) => m.entity.name);

describe('unknown companies', () => {
  it('by suffix, without the legal form', () => {
    expect(names('Acme Robotics Inc. said it raised $120 million.')).toEqual(['Acme Robotics']);
    expect(names('Black Box Labs und die Robo Systems GmbH fusionieren.')).toEqual(['Black Box Labs', 'Robo Systems']);
  });

  it('after a start-up cue, in German and English', () => {
    expect(names('Das Münchner Start-up Tacto sammelte 50 Millionen Euro ein.')).toEqual(['Tacto']);
    expect(names('The AI startup Foo Bar raised money.')).toEqual(['Foo Bar']);
  });

  it('never a known name, and no sentence-initial article', () => {
    expect(names('Microsoft AI und Mistral AI wachsen.')).toEqual([]);
    expect(names('The Acme AI team grew.')).toEqual(['Acme AI']);
  });

  it('/deal finds a company only the articles name', async () => {
    const corpus = tempCorpus({
      'tacto.md': '---\ntitle: Tacto\noutlet: Handelsblatt\ndate: 2026-03-10\n---\nDas Münchner Start-up Tacto hat in einer Finanzierungsrunde 50 Millionen Euro eingesammelt, angeführt von Sequoia.\n',
    });
    const result = await answer('/deal tacto', corpus.context());
    expect(result.json).toMatchObject({
      command: 'deal',
      deals: [{ investor: 'Sequoia Capital', target: 'Tacto', status: 'completed', amount: { value: 50e6, currency: 'EUR' } }],
    });
  });
});
