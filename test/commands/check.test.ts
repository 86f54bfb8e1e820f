/** /check: claims read like articles and compared with the corpus's deals and figures. */
import { describe, expect, it } from 'vitest';
import { check } from '../../commands/check.ts';
import { answer } from '../../commands/index.ts';
import { UsageError } from '../../commands/types.ts';
import { seedContext, tempCorpus } from '../helpers/corpus.ts';

const ask = (line: string) => answer(line, seedContext());

interface CheckJson {
  command: 'check';
  claim: string;
  verdict: string;
  matches: { verdict: string; stance: string; differences: { aspect: string; source: string }[]; text: string; citations: unknown[] }[];
}

const jsonOf = async (line: string) => (await ask(line)).json as unknown as CheckJson;

describe('/check over the seed corpus', () => {
  it.each([
    // The sources say the same.
    ['Anthropic ist 350 Milliarden Dollar wert', 'supported'],
    ['Anthropic is worth $350 billion', 'supported'],
    ['Microsoft invested $10 billion in OpenAI', 'supported'],
    ['Amazon erwägt eine Investition von bis zu 50 Milliarden Dollar in OpenAI', 'supported'],
    // No amount: any deal between the named companies backs it.
    ['Amazon investiert in OpenAI', 'supported'],
    ['Amazon invests in Anthropic', 'supported'],
    // The amount agrees, but the sources only have an upper bound, or talks.
    ['Amazon will invest $50bn in OpenAI', 'partly_supported'],
    ['Amazon investiert bis zu 50 Milliarden Dollar in OpenAI', 'partly_supported'],
    ['OpenAI raised 100 billion', 'partly_supported'],
    // One source says the same, another gives another amount for the same thing.
    ['Amazon invested $8 billion in Anthropic', 'sources_differ'],
    ['Amazon capex 2026 is $200 billion', 'sources_differ'],
    ['Amazon will 2026 rund 200 Milliarden Dollar investieren', 'sources_differ'],
    ['Amazon will invest 200 billion in 2026', 'sources_differ'],
    // Other amounts only.
    ['Amazon will invest $80bn in OpenAI', 'contradicted'],
    ['Anthropic ist 900 Milliarden Dollar wert', 'contradicted'],
    ['Anthropic is worth $900 billion', 'contradicted'],
    ['Amazon will 2026 rund 300 Milliarden Dollar investieren', 'contradicted'],
    // Nothing about it.
    ['Apple invests $5bn in Mistral', 'not_found'],
    ['Apple investiert in Mistral', 'not_found'],
    // Nothing to check.
    ['Amazon', 'not_a_claim'],
    ['Amazon will invest NaN Milliarden Dollar in OpenAI', 'not_a_claim'],
    ['OpenAI raised $Infinity billion', 'not_a_claim'],
  ])('%s → %s', async (claim, verdict) => {
    const result = await ask(`/check ${claim}`);
    expect(result.json).toMatchObject({ command: 'check', verdict });
    if (!['not_found', 'not_a_claim'].includes(verdict)) expect(result.items[0]!.citations.length).toBeGreaterThan(0);
  });

  it('every source shown says whether it supports the claim or how it differs, in the answer and in the JSON', async () => {
    const result = await ask('/check Amazon invested $8 billion in Anthropic');
    const json = result.json as unknown as CheckJson;
    expect(json.claim).toBe('Amazon invested $8 billion in Anthropic');
    expect(result.title).toBe('The sources differ');
    expect(json.matches.length).toBe(result.items.length);
    expect(result.items[0]!.text).toBe('Supports — Amazon → Anthropic: about $8B');
    expect(json.matches[0]).toMatchObject({ stance: 'supports', verdict: 'supported', differences: [], text: 'Amazon → Anthropic: about $8B' });
    expect(result.items.some((i) => i.text === 'Differs ($4B) — Amazon → Anthropic: $4B')).toBe(true);
    expect(json.matches.find((m) => m.text === 'Amazon → Anthropic: $4B')).toMatchObject({ stance: 'differs', verdict: 'contradicted', differences: [{ aspect: 'amount', source: '$4B' }] });
    for (const m of json.matches) expect(m.citations.length).toBeGreaterThan(0);
  });

  it('partly supported says what differs in the title: "up to $50B, still in talks"', async () => {
    const result = await ask('/check Amazon will invest $50bn in OpenAI');
    expect(result.title).toBe('Partly supported: up to $50B, still in talks');
    expect((result.json as unknown as CheckJson).matches[0]!.differences).toEqual([
      { aspect: 'qualifier', source: 'up to $50B' },
      { aspect: 'status', source: 'still in talks' },
    ]);
  });

  it('a deal the other way round is only partly supported, and says so', async () => {
    const result = await ask('/check Anthropic invested $4 billion in Amazon');
    expect(result.json).toMatchObject({ verdict: 'partly_supported' });
    expect(result.title).toBe('Partly supported: the other way round: Amazon → Anthropic');
  });

  it('a claim naming no investor is not contradicted by other investors\' deals of the company', async () => {
    const json = await jsonOf('/check OpenAI raised 100 billion');
    expect(json.matches.map((m) => m.text)).toEqual(['investors not named → OpenAI: about $100B']);
  });

  it('a contradicted claim shows what the sources say instead', async () => {
    const result = await ask('/check Amazon will invest $80bn in OpenAI');
    expect(result.title).toBe('The sources say otherwise');
    expect(result.items.map((i) => i.text)).toContain('Differs (up to $50B, still in talks) — Amazon → OpenAI: up to $50B');
  });

  it('nothing to check: no rows, and a note saying what a claim looks like or which amount is no number', async () => {
    const name = await ask('/check Amazon');
    expect(name.title).toBe('Nothing to check');
    expect(name.items).toEqual([]);
    expect(name.notes.join(' ')).toMatch(/who invests in whom/);
    expect((await ask('/check Amazon will invest NaN Milliarden Dollar in OpenAI')).notes.join(' ')).toMatch(/“NaN” is not an amount/);
  });

  it('not found: no rows, and a note pointing to /deal and /number', async () => {
    const result = await ask('/check Apple invests $5bn in Mistral');
    expect(result.error).toBeUndefined();
    expect(result.items).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/Apple invests \$5bn in Mistral.*\/deal or \/number/);
  });

  it('too short a claim: usage', async () => {
    const result = await ask('/check ab');
    expect(result.error).toMatch(/Give me the claim/);
    expect(result.json).toEqual({ command: 'check', error: result.error });
  });

  it('parse: trims the claim and refuses one that is too short or too long', () => {
    expect(check.parse('  Amazon invests in OpenAI ')).toEqual({ claim: 'Amazon invests in OpenAI' });
    expect(() => check.parse(' ab ')).toThrow(UsageError);
    expect(() => check.parse('x'.repeat(2001))).toThrow('That claim is too long: keep it to a sentence or two (at most 2,000 characters).');
  });
});

describe('/check against a range', () => {
  const ctx = tempCorpus({
    'meta.md': '---\ndate: 2025-10-30\nlang: de\n---\nMeta will 2026 zwischen 115 und 135 Milliarden Dollar investieren.\n',
  }).context();

  it.each([
    { claim: 'Meta will 2026 rund 120 Milliarden Dollar investieren', verdict: 'supported' },
    { claim: 'Meta will 2026 rund 135 Milliarden Dollar investieren', verdict: 'supported' },
    { claim: 'Meta plans capex of $135 billion in 2026', verdict: 'supported' },
    { claim: 'Meta will 2026 rund 150 Milliarden Dollar investieren', verdict: 'contradicted' },
    { claim: 'Meta will 2026 rund 100 Milliarden Dollar investieren', verdict: 'contradicted' },
    // Another year: no figure to compare with.
    { claim: 'Meta will 2025 rund 120 Milliarden Dollar investieren', verdict: 'not_found' },
  ])('$claim → $verdict', async ({ claim, verdict }) => {
    expect((await answer(`/check ${claim}`, ctx)).json).toMatchObject({ command: 'check', claim, verdict });
  });
});
