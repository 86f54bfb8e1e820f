/** Companies the entity list does not know, found by their suffix or a start-up cue, and queried by name. */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { bundledCatalog } from '../../src/extract/entities.ts';
import { ArticleNames, findUnknownCompanies } from '../../src/extract/unknown-names.ts';
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

  it.each([
    { text: 'The London-based startup Zephyra raised $1 billion.', names: ['Zephyra'] },
    { text: 'Last month Clay, an AI sales automation startup, let staff sell shares.', names: ['Clay'] },
    { text: 'Um 955 Millionen Euro hat die US-Firma Vantora Ende Juli Quillo übernommen.', names: ['Vantora'] },
    { text: 'Quillo, ein KI-Unternehmen aus Düsseldorf, wurde übernommen.', names: ['Quillo'] },
    { text: 'Das Freiburger KI-Start-up Tacto wächst.', names: ['Tacto'] },
    // A German noun after the cue is no name; "der/die/das" after a comma starts a relative clause.
    { text: 'Das Unternehmen Ende Juli meldete Zahlen.', names: [] },
    { text: 'Ein Börsengang, der dem Unternehmen viel Geld bringt.', names: [] },
  ])('by a company noun or an apposition: $text', ({ text, names: expected }) => {
    expect(names(text)).toEqual(expected);
  });

  it('after a verb of buying, before a preposition or punctuation; not a word followed by a lower-case noun', () => {
    expect(names('CoreWeave agreed to buy Core Scientific in an all-stock deal.')).toEqual(['Core Scientific']);
    expect(names('Nvidia is set to acquire Israeli startup Run:ai for about $700 million.')).not.toContain('Israeli');
  });

  it('in front of "raised": a list of names ends in "and"; an adverb before a comma is none of them', () => {
    expect(names('Fetch.ai and Iris Audio have raised $40 million and $7 million respectively.')).toEqual(['Fetch.ai', 'Iris Audio']);
    expect(names('Separately, Zephyra raised $450 million.')).toEqual(['Zephyra']);
  });

  it('an article that named "Strato AI" once also finds "Strato" and "Strato\'s" later', () => {
    const known = (text: string) => bundledCatalog().find(text);
    const article = new ArticleNames();
    const first = 'Nvidia invests in the robotics startup Strato AI.';
    const later = "Strato's last round was led by SoftBank; Strato took in $300 million.";
    article.learn(first, known(first));
    expect(article.mentionsIn(later, known(later)).map((m) => [m.canonical.name, m.text])).toEqual([
      ['Strato AI', 'Strato'],
      ['SoftBank Group', 'SoftBank'],
      ['Strato AI', 'Strato'],
    ]);
    expect(new ArticleNames().mentionsIn(later, known(later)).map((m) => m.canonical.name)).toEqual(['SoftBank Group']);
  });

  it('a listed company named in full comes back as its first word ("Quantum Systems" … "Quantum")', () => {
    const known = (text: string) => bundledCatalog().find(text);
    const article = new ArticleNames('de');
    const first = 'Quantum Systems hat sich 150 Millionen Euro gesichert.';
    const later = 'Im Herbst hatte Quantum 180 Millionen Euro eingesammelt.';
    article.learn(first, known(first));
    expect(article.mentionsIn(later, known(later)).map((m) => [m.canonical.id, m.text])).toEqual([['quantum-systems', 'Quantum']]);
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
