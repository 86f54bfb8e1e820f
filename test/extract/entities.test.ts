import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityCatalog, EntityCatalogError, type Entity, type EntityMention } from '../../src/extract/entities.ts';

const catalog = EntityCatalog.load();

/** [surface, entity id, canonical id] for each mention. */
function mentions(text: string): [string, string, string][] {
  return catalog.find(text).map((m) => [m.text, m.entity.id, m.canonical.id]);
}
function ids(text: string): string[] {
  return catalog.find(text).map((m) => m.entity.id);
}
function expectSpansConsistent(text: string, found: EntityMention[]): void {
  let last = -1;
  for (const m of found) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.start).toBeGreaterThanOrEqual(last);
    last = m.end;
  }
}

function writeTmp(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'entities-'));
  const file = join(dir, 'entities.yml');
  writeFileSync(file, content);
  return file;
}

describe('bundled catalogue', () => {
  it('loads the default file with the required entities and relations', () => {
    for (const id of [
      'amazon', 'aws', 'openai', 'anthropic', 'nvidia', 'microsoft', 'azure', 'softbank-group',
      'softbank-vision-fund', 'alphabet', 'deepmind', 'meta', 'adia', 'project-prometheus',
      'manufacturing-transformation-vehicle', 'cerebras', 'inflection-ai', 'xai', 'mistral-ai',
      'aleph-alpha', 'tesla', 'blue-origin', 'jpmorgan', 'stargate', 'mgx', 'andreessen-horowitz',
      'jeff-bezos', 'andy-jassy', 'sam-altman', 'masayoshi-son', 'vikram-bajaj', 'jamie-dimon',
    ]) {
      expect(catalog.get(id), id).toBeDefined();
    }
    expect(catalog.get('amazon')).toMatchObject({ name: 'Amazon', kind: 'company' });
    expect(catalog.get('aws')).toMatchObject({ parent: 'amazon' });
    expect(catalog.get('softbank-vision-fund')).toMatchObject({ kind: 'fund', parent: 'softbank-group' });
    expect(catalog.get('jeff-bezos')).toMatchObject({ kind: 'person', affiliation: 'amazon' });
    expect(catalog.get('jeff-bezos')!.parent).toBeUndefined();
    expect(catalog.get('andy-jassy')).toMatchObject({ affiliation: 'amazon', role: 'CEO' });
    expect(catalog.get('nvidia')!.name).toBe('Nvidia');
    expect(catalog.get('softbank-group')!.name).toBe('SoftBank Group');
  });

  it('has no slash combinations such as Microsoft/NVIDIA as entities', () => {
    for (const e of catalog.entities) for (const a of [e.name, ...e.aliases]) expect(a).not.toContain('/');
  });

  it('attributes parts to their parent but keeps funds and people themselves', () => {
    const canon = (id: string) => catalog.canonical(catalog.get(id)!).id;
    expect(canon('aws')).toBe('amazon');
    expect(canon('azure')).toBe('microsoft');
    expect(canon('deepmind')).toBe('alphabet');
    expect(canon('softbank-vision-fund')).toBe('softbank-vision-fund');
    expect(canon('verily')).toBe('verily');
    expect(canon('jeff-bezos')).toBe('jeff-bezos');
    expect(canon('amazon')).toBe('amazon');
  });
});

describe('find: real sentences', () => {
  it('U+2011 hyphen compounds with people', () => {
    const text = 'Amazon‑CEO Andy Jassy und OpenAI‑CEO Sam Altman in direkten Gesprächen';
    expect(mentions(text)).toEqual([
      ['Amazon', 'amazon', 'amazon'],
      ['Andy Jassy', 'andy-jassy', 'andy-jassy'],
      ['OpenAI', 'openai', 'openai'],
      ['Sam Altman', 'sam-altman', 'sam-altman'],
    ]);
    expectSpansConsistent(text, catalog.find(text));
  });

  it('SoftBank Group is one mention of the group', () => {
    const text = 'Zusätzlich steht SoftBank Group in Verhandlungen über weitere 30 Milliarden US-Dollar.';
    const found = catalog.find(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: 'SoftBank Group', start: 17, end: 31 });
    expect(found[0]!.entity.id).toBe('softbank-group');
  });

  it('SoftBank Vision Fund is the fund, bare SoftBank the group', () => {
    expect(mentions('Der SoftBank Vision Fund investierte 2017 in Nvidia; SoftBank selbst hielt sich zurück.')).toEqual([
      ['SoftBank Vision Fund', 'softbank-vision-fund', 'softbank-vision-fund'],
      ['Nvidia', 'nvidia', 'nvidia'],
      ['SoftBank', 'softbank-group', 'softbank-group'],
    ]);
  });

  it('Jeff Bezos as full name and as bare surname', () => {
    const text = 'Der Gründer von Amazon, Jeff Bezos, führt Berichten zufolge das Projekt. Bezos ist Co-CEO.';
    expect(mentions(text)).toEqual([
      ['Amazon', 'amazon', 'amazon'],
      ['Jeff Bezos', 'jeff-bezos', 'jeff-bezos'],
      ['Bezos', 'jeff-bezos', 'jeff-bezos'],
    ]);
  });

  it('splits Microsoft/NVIDIA in a markdown table row', () => {
    const text = '| Mai 2023 | Inflection AI | Microsoft/NVIDIA | $1,3 Milliarden |';
    expect(mentions(text)).toEqual([
      ['Inflection AI', 'inflection-ai', 'inflection-ai'],
      ['Microsoft', 'microsoft', 'microsoft'],
      ['NVIDIA', 'nvidia', 'nvidia'],
    ]);
    expectSpansConsistent(text, catalog.find(text));
  });

  it('ADIA spelled out and abbreviated', () => {
    const text = 'die Abu Dhabi Investment Authority (ADIA), der Staatsfonds der Vereinigten Arabischen Emirate';
    expect(mentions(text)).toEqual([
      ['Abu Dhabi Investment Authority', 'adia', 'adia'],
      ['ADIA', 'adia', 'adia'],
    ]);
  });

  it('Google-Mutterkonzern and Facebook-Konzern', () => {
    expect(mentions('So kündigte der Google-Mutterkonzern Alphabet an, 75 Milliarden zu investieren.')).toEqual([
      ['Google-Mutterkonzern', 'alphabet', 'alphabet'],
      ['Alphabet', 'alphabet', 'alphabet'],
    ]);
    expect(mentions('Der Facebook-Konzern Meta plant Rechenzentren.')).toEqual([
      ['Facebook-Konzern', 'meta', 'meta'],
      ['Meta', 'meta', 'meta'],
    ]);
  });

  it('AWS and Amazon Web Services are Amazon parts', () => {
    const text = 'Amazon Web Services (AWS) baut in Georgia.';
    expect(mentions(text)).toEqual([
      ['Amazon Web Services', 'aws', 'amazon'],
      ['AWS', 'aws', 'amazon'],
    ]);
  });

  it('Project Prometheus in both languages, with Vikram Bajaj', () => {
    expect(ids('Bezos startet Project Prometheus mit Vikram Bajaj als Co-CEO.')).toEqual([
      'jeff-bezos', 'project-prometheus', 'vikram-bajaj',
    ]);
    expect(mentions('Projekt Prometheus hat 6,2 Milliarden Dollar eingesammelt. Prometheus will …')).toEqual([
      ['Projekt Prometheus', 'project-prometheus', 'project-prometheus'],
      ['Prometheus', 'project-prometheus', 'project-prometheus'],
    ]);
  });

  it('English sentences with genitives and curly apostrophes', () => {
    const text = 'Nvidia’s CEO Jensen Huang said Microsoft\'s stake in OpenAI and Amazon\'s bet on Anthropic differ.';
    expect(mentions(text)).toEqual([
      ['Nvidia’s', 'nvidia', 'nvidia'],
      ['Jensen Huang', 'jensen-huang', 'jensen-huang'],
      ["Microsoft's", 'microsoft', 'microsoft'],
      ['OpenAI', 'openai', 'openai'],
      ["Amazon's", 'amazon', 'amazon'],
      ['Anthropic', 'anthropic', 'anthropic'],
    ]);
    expectSpansConsistent(text, catalog.find(text));
  });
});

describe('find: word boundaries and inflection', () => {
  it('hyphen compounds mention their entity (ASCII hyphen and U+2011)', () => {
    expect(ids('Amazon-Gründer')).toEqual(['amazon']);
    expect(ids('Amazon‑CEO')).toEqual(['amazon']);
    expect(ids('der OpenAI-Chef')).toEqual(['openai']);
    expect(ids('einen NVIDIA‑zentrierten Ansatz')).toEqual(['nvidia']);
    expect(ids('Die Microsoft-Tochter')).toEqual(['microsoft']);
  });

  it('a name of two words matches across every dash its alias pattern accepts (minus sign, full-width hyphen)', () => {
    for (const dash of ['-', '\u2212', '\uff0d', '\u2013']) {
      expect(mentions(`der Google${dash}Mutterkonzern`)).toEqual([[`Google${dash}Mutterkonzern`, 'alphabet', 'alphabet']]);
    }
  });

  it('German genitive -s is part of the span', () => {
    const text = 'Amazons Cloud, OpenAIs Modelle und Microsofts Anteil';
    expect(mentions(text)).toEqual([
      ['Amazons', 'amazon', 'amazon'],
      ['OpenAIs', 'openai', 'openai'],
      ['Microsofts', 'microsoft', 'microsoft'],
    ]);
    expectSpansConsistent(text, catalog.find(text));
  });

  it("bare apostrophe genitive after s: Bezos'", () => {
    const found = catalog.find("Bezos' neuer Fonds, die Manufacturing Transformation Vehicle");
    expect(found.map((m) => m.text)).toEqual(["Bezos'", 'Manufacturing Transformation Vehicle']);
    expect(found[1]!.entity.kind).toBe('fund');
    // no bare apostrophe after a non-sibilant: 'Amazon' in quotes stays "Amazon"
    expect(catalog.find("the 'Amazon' brand").map((m) => m.text)).toEqual(['Amazon']);
  });

  it('is case-insensitive for ordinary aliases', () => {
    expect(ids('NVIDIA, Nvidia und nvidia')).toEqual(['nvidia', 'nvidia', 'nvidia']);
    expect(ids('softbank and openai')).toEqual(['softbank-group', 'openai']);
  });

  it('does not match inside closed compounds or other words', () => {
    expect(ids('Der Amazonas ist ein Fluss.')).toEqual([]);
    expect(ids('Metadaten und Metaverse')).toEqual([]);
    expect(ids('Die Teslaspule')).toEqual([]);
    expect(ids('Googles Modell')).toEqual(['alphabet']);
  });

  it('common-word aliases require the capitalised form', () => {
    expect(ids('we went meta on the apple and the oracle of intel')).toEqual([]);
    expect(ids('a stargate to prometheus, a field of 3 tesla')).toEqual([]);
    expect(ids('Meta, Apple, Oracle und Intel investieren in Stargate.')).toEqual([
      'meta', 'apple', 'oracle', 'intel', 'stargate',
    ]);
  });

  it('excludes listed hyphen compounds for Meta but keeps company compounds', () => {
    expect(ids('Auf der Meta-Ebene betrachtet zeigt eine Meta-Analyse …')).toEqual([]);
    expect(ids('Meta-Chef Mark Zuckerberg')).toEqual(['meta', 'mark-zuckerberg']);
    expect(ids('Metas KI-Budget')).toEqual(['meta']);
  });

  it('longest match wins', () => {
    expect(mentions('Inflection AI und Mistral AI')).toEqual([
      ['Inflection AI', 'inflection-ai', 'inflection-ai'],
      ['Mistral AI', 'mistral-ai', 'mistral-ai'],
    ]);
    expect(mentions('Google DeepMind')).toEqual([['Google DeepMind', 'deepmind', 'alphabet']]);
    expect(mentions('Microsoft Azure')).toEqual([['Microsoft Azure', 'azure', 'microsoft']]);
    expect(mentions('Amazon.com Inc. meldet')).toEqual([['Amazon.com Inc.', 'amazon', 'amazon']]);
  });

  it('matches across non-breaking spaces and line breaks inside names', () => {
    expect(ids('Abu\u00a0Dhabi Investment\nAuthority')).toEqual(['adia']);
    expect(ids('Sam\u202fAltman')).toEqual(['sam-altman']);
  });

  it('returns nothing for empty or entity-free text', () => {
    expect(catalog.find('')).toEqual([]);
    expect(catalog.find('Die Zinsen steigen, der Dollar fällt.')).toEqual([]);
  });

  it('is fast: a 10,000-character text in about a millisecond', () => {
    const base =
      'Amazon‑CEO Andy Jassy und OpenAI‑CEO Sam Altman verhandeln; SoftBank Group, Microsoft/NVIDIA und die ' +
      'Abu Dhabi Investment Authority (ADIA) beteiligen sich. Der Amazonas und Metadaten zählen nicht. ';
    const text = base.repeat(Math.ceil(10_000 / base.length)).slice(0, 10_000);
    catalog.find(text); // warm-up
    const runs = 200;
    const t0 = performance.now();
    let count = 0;
    for (let i = 0; i < runs; i++) count += catalog.find(text).length;
    const perRun = (performance.now() - t0) / runs;
    expect(count).toBeGreaterThan(runs * 100);
    expect(perRun).toBeLessThan(5); // ~0.4 ms locally; generous for CI
  });
});

describe('resolve', () => {
  it('is case-insensitive and accepts aliases', () => {
    expect(catalog.resolve('openai')?.id).toBe('openai');
    expect(catalog.resolve('NVIDIA')?.id).toBe('nvidia');
    expect(catalog.resolve('facebook')?.id).toBe('meta');
    expect(catalog.resolve('a16z')?.id).toBe('andreessen-horowitz');
    expect(catalog.resolve('  Jeff Bezos? ')?.id).toBe('jeff-bezos');
    expect(catalog.resolve('jeff-bezos')?.id).toBe('jeff-bezos');
  });

  it('handles inflections', () => {
    expect(catalog.resolve('OpenAIs')?.id).toBe('openai');
    expect(catalog.resolve('openais')?.id).toBe('openai');
    expect(catalog.resolve('Amazons')?.id).toBe('amazon');
    expect(catalog.resolve("amazon's")?.id).toBe('amazon');
    expect(catalog.resolve('Nvidia’s')?.id).toBe('nvidia');
    expect(catalog.resolve("Bezos'")?.id).toBe('jeff-bezos');
  });

  it('accepts lower-case common-word aliases the matcher would not', () => {
    expect(catalog.resolve('prometheus')?.id).toBe('project-prometheus');
    expect(catalog.resolve('Projekt Prometheus')?.id).toBe('project-prometheus');
    expect(catalog.resolve('meta')?.id).toBe('meta');
    expect(catalog.resolve('stargate')?.id).toBe('stargate');
  });

  it('returns parts as themselves (AWS → entity with parent amazon)', () => {
    const aws = catalog.resolve('aws');
    expect(aws?.id).toBe('aws');
    expect(aws?.parent).toBe('amazon');
    expect(catalog.canonical(aws!).id).toBe('amazon');
  });

  it('ignores diacritics, spacing and punctuation', () => {
    expect(catalog.resolve('Open AI')?.id).toBe('openai');
    expect(catalog.resolve('open-ai')?.id).toBe('openai');
    expect(catalog.resolve('soft bank')?.id).toBe('softbank-group');
    expect(catalog.resolve('Ánthropic')?.id).toBe('anthropic');
    expect(catalog.resolve('Nvidia Corp')?.id).toBe('nvidia');
  });

  it('tolerates light, unambiguous typos', () => {
    expect(catalog.resolve('antrhopic')?.id).toBe('anthropic');
    expect(catalog.resolve('nvidea')?.id).toBe('nvidia');
    expect(catalog.resolve('Microsfot')?.id).toBe('microsoft');
  });

  it('returns undefined for unknown or too-short input', () => {
    expect(catalog.resolve('xyzzy')).toBeUndefined();
    expect(catalog.resolve('')).toBeUndefined();
    expect(catalog.resolve('amd')?.id).toBe('amd');
    expect(catalog.resolve('amx')).toBeUndefined(); // no typo tolerance for 3 letters
  });
});

describe('suggest', () => {
  it('suggests by prefix and edit distance, best first', () => {
    expect(catalog.suggest('antro')).toContain('Anthropic');
    expect(catalog.suggest('antro')[0]).toBe('Anthropic');
    expect(catalog.suggest('nvdia')[0]).toBe('Nvidia');
    expect(catalog.suggest('softb').slice(0, 2).sort()).toEqual(['SoftBank Group', 'SoftBank Vision Fund']);
  });

  it('respects n and returns nothing for gibberish', () => {
    expect(catalog.suggest('s', 3).length).toBeLessThanOrEqual(3);
    expect(catalog.suggest('xyzzy')).toEqual([]);
    expect(catalog.suggest('')).toEqual([]);
  });
});

describe('loading custom files and validation', () => {
  it('loads another YAML file with alias rules', () => {
    const file = writeTmp(`
entities:
  - id: acme
    name: Acme
    kind: company
    aliases:
      - { text: Acme, caseSensitive: true }
      - Acme Corp.
  - id: acme-cloud
    name: Acme Cloud
    kind: company
    parent: acme
`);
    const c = EntityCatalog.load(file);
    expect(c.entities.map((e) => e.id)).toEqual(['acme', 'acme-cloud']);
    expect(c.find('acme und Acme Cloud und ACME CORP.').map((m) => [m.text, m.canonical.id])).toEqual([
      ['Acme Cloud', 'acme'],
      ['ACME CORP.', 'acme'],
    ]);
  });

  it('names the bad entry on schema errors', () => {
    const file = writeTmp(`
entities:
  - { id: ok, name: Ok, kind: company, aliases: [Ok] }
  - { id: broken, name: Broken, kind: startup, aliases: [Broken] }
`);
    expect(() => EntityCatalog.load(file)).toThrow(EntityCatalogError);
    expect(() => EntityCatalog.load(file)).toThrow(/entry #2 \(id "broken"\): kind/);
  });

  it('rejects unknown keys (typos), bad slugs, unknown parents and duplicate aliases', () => {
    const typo = writeTmp(`entities:\n  - { id: x1, name: X, kind: company, alias: [X] }\n`);
    expect(() => EntityCatalog.load(typo)).toThrow(/entry #1 \(id "x1"\).*alias/);
    const badSlug = writeTmp(`entities:\n  - { id: Not A Slug, name: X, kind: company }\n`);
    expect(() => EntityCatalog.load(badSlug)).toThrow(/entry #1 \(id "Not A Slug"\): id: must be a lowercase slug/);
    const parent = writeTmp(`entities:\n  - { id: aws, name: AWS, kind: company, parent: amazn }\n`);
    expect(() => EntityCatalog.load(parent)).toThrow(/id "aws"\): parent "amazn" is not a known entity id/);
    const dup = writeTmp(`entities:\n  - { id: a, name: Alpha, kind: company }\n  - { id: b, name: Beta, kind: company, aliases: [ALPHA] }\n`);
    expect(() => EntityCatalog.load(dup)).toThrow(/id "b"\): alias "ALPHA" is already used by entity "a"/);
  });

  it('reports YAML syntax errors and missing files with the path', () => {
    const bad = writeTmp('entities:\n  - id: [unclosed\n');
    expect(() => EntityCatalog.load(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read`));
    expect(() => EntityCatalog.load('/nonexistent/entities.yml')).toThrow(/nonexistent\/entities\.yml/);
    const noList = writeTmp('companies: []\n');
    expect(() => EntityCatalog.load(noList)).toThrow(/top-level "entities:"/);
  });

  it('fromEntities builds a catalogue from objects and validates them too', () => {
    const list: Entity[] = [
      { id: 'foo', name: 'Foo Labs', kind: 'lab', aliases: ['Foo'], aliasRules: { Foo: { caseSensitive: true } } },
      { id: 'jane-doe', name: 'Jane Doe', kind: 'person', aliases: [], affiliation: 'foo' },
    ];
    const c = EntityCatalog.fromEntities(list);
    expect(c.get('jane-doe')?.affiliation).toBe('foo');
    expect(c.find('foo bar, Foo Labs und Jane Doe').map((m) => m.entity.id)).toEqual(['foo', 'jane-doe']);
    expect(() =>
      EntityCatalog.fromEntities([{ id: 'x', name: 'X', kind: 'person', aliases: [], parent: 'x' }]),
    ).toThrow(/id "x"\): parent must not be the entity itself/);
    expect(() =>
      EntityCatalog.fromEntities([
        { id: 'a', name: 'A', kind: 'company', aliases: [], parent: 'b' },
        { id: 'b', name: 'B', kind: 'company', aliases: [], parent: 'a' },
      ]),
    ).toThrow(/cycle/);
  });
});
