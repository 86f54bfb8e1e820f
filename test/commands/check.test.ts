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
  verdict: 'supported' | 'contradicted' | 'not_found';
  matches: { verdict: string; text: string; citations: unknown[] }[];
}

describe('/check over the seed corpus', () => {
  it.each([
    ['Amazon will invest $50bn in OpenAI', 'supported'],
    ['Amazon will invest $80bn in OpenAI', 'contradicted'],
    ['Anthropic ist 900 Milliarden Dollar wert', 'contradicted'],
    ['Apple invests $5bn in Mistral', 'not_found'],
    // German and English wording of the same facts.
    ['Amazon investiert bis zu 50 Milliarden Dollar in OpenAI', 'supported'],
    ['Amazon will invest $50bn in OpenAI.', 'supported'],
    ['Anthropic ist 350 Milliarden Dollar wert', 'supported'],
    ['Anthropic is worth $350 billion', 'supported'],
    ['Anthropic is worth $900 billion', 'contradicted'],
    ['Microsoft invested $10 billion in OpenAI', 'supported'],
    // A figure of a year: the same year's figures decide.
    ['Amazon will 2026 rund 200 Milliarden Dollar investieren', 'supported'],
    ['Amazon will 2026 rund 300 Milliarden Dollar investieren', 'contradicted'],
    // No amount: any deal between the named companies backs it.
    ['Amazon investiert in OpenAI', 'supported'],
    ['Amazon invests in Anthropic', 'supported'],
    ['Apple investiert in Mistral', 'not_found'],
  ])('%s → %s', async (claim, verdict) => {
    const result = await ask(`/check ${claim}`);
    expect(result.json).toMatchObject({ command: 'check', verdict });
    if (verdict !== 'not_found') expect(result.items[0]!.citations.length).toBeGreaterThan(0);
  });

  it('the answer names the claim, and every match shown carries its verdict and sources', async () => {
    const result = await ask('/check Microsoft invested $10 billion in OpenAI');
    const json = result.json as unknown as CheckJson;
    expect(json.claim).toBe('Microsoft invested $10 billion in OpenAI');
    expect(json.matches.length).toBe(result.items.length);
    expect(json.matches.map((m) => m.verdict)).toContain('supported');
    for (const m of json.matches) {
      expect(['supported', 'contradicted']).toContain(m.verdict);
      expect(m.citations.length).toBeGreaterThan(0);
    }
  });

  it('a contradicted claim shows what the sources say instead', async () => {
    const result = await ask('/check Amazon will invest $80bn in OpenAI');
    expect(result.title).toBe('The sources say otherwise');
    expect(result.items.map((i) => i.text)).toContain('Amazon → OpenAI: up to $50B');
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
    expect(() => check.parse('x'.repeat(2001))).toThrow(UsageError);
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
