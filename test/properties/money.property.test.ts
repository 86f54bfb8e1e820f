/**
 * The money parser reads back every amount the answers print: for any value, currency and qualifier,
 * `parseQuantities(formatAmount(q))` is `q` again (to the two decimals an answer shows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, type Printable } from '../../src/answer/facts.ts';
import { parseQuantities } from '../../src/extract/money.ts';

const SCALES = [1e3, 1e6, 1e9, 1e12];
const QUALIFIERS = ['exact', 'up_to', 'about', 'more_than', 'at_least', 'below'] as const;

/** A money amount as an answer shows it: at most two decimals in its scale (K, M, B, T). */
const amount = fc
  .record({
    hundredths: fc.integer({ min: 100, max: 99_999 }),
    scale: fc.constantFrom(...SCALES),
    currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD'),
    qualifier: fc.constantFrom(...QUALIFIERS),
  })
  .map(({ hundredths, scale, currency, qualifier }): Printable => ({
    value: Number(`${hundredths}e-2`) * scale,
    max: null,
    currency,
    unit: currency,
    qualifier,
    kind: 'money',
  }));

describe('money round trip', () => {
  it('parses back every amount it formats: value, currency and qualifier', () => {
    fc.assert(
      fc.property(amount, (q) => {
        const text = formatAmount(q);
        const parsed = parseQuantities(text, 'en');
        expect(parsed, text).toHaveLength(1);
        const [back] = parsed;
        expect(back!.value! / q.value!, text).toBeCloseTo(1, 9);
        expect(back!.max, text).toBeNull();
        expect(back!.currency, text).toBe(q.currency);
        expect(back!.qualifier, text).toBe(q.qualifier);
      }),
      { numRuns: 500 },
    );
  });

  it('parses back a range ("$175–185B") as its two bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom('USD', 'EUR'), (low, span, currency) => {
        const q: Printable = { value: low * 1e9, max: (low + span) * 1e9, currency, unit: currency, qualifier: 'range', kind: 'money' };
        const [back] = parseQuantities(formatAmount(q), 'en');
        expect([back?.value, back?.max, back?.currency], formatAmount(q)).toEqual([q.value, q.max, currency]);
      }),
      { numRuns: 200 },
    );
  });
});
