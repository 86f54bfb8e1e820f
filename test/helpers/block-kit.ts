/** Checks on rendered Block Kit messages, shared by the tests of the renderer and the property tests. */
import { expect } from 'vitest';
import { LIMITS } from '../../src/answer/blocks.ts';

/** Every text a Slack client would show or parse, with where it sits. */
export function texts(blocks: any[]): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = [];
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') out.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(blocks);
  return out;
}

/** Slack's limits, checked on a rendered message. */
export function expectWithinLimits(blocks: any[]): void {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'section') {
      expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.text);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    if (block.type === 'context') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
    }
  }
  for (const t of texts(blocks)) {
    expect(t.text.length).toBeGreaterThan(0);
    expect(t.text.length).toBeLessThanOrEqual(LIMITS.text);
  }
}
