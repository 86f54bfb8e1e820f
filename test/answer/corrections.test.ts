/** How a fact the team marked wrong is shown: struck out, with who, when and why, and no markup from the note. */
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/answer/blocks.ts';
import { correctionMark } from '../../src/answer/corrections.ts';
import type { Answer, AnswerItem } from '../../src/answer/model.ts';
import { PLAIN, renderText } from '../../src/answer/text.ts';
import type { CorrectionEntry } from '../../src/state/feedback.ts';
import { expectWithinLimits } from '../helpers/block-kit.ts';

const entry = (overrides: Partial<CorrectionEntry> = {}): CorrectionEntry => ({
  number: 3,
  fact: { id: 'd0123456789abcde', text: 'Amazon → OpenAI: up to $50B', articles: ['a.md'], rule: 'deal.noun' },
  active: true,
  by: 'U0ANALYST',
  at: '2026-02-14T10:00:00.000Z',
  reason: 'wrong_amount',
  note: 'It was $40B.',
  ...overrides,
});

const item = (overrides: Partial<AnswerItem> = {}): AnswerItem => ({ text: 'Amazon → OpenAI: up to $50B', detail: 'talks · 2026-01', citations: [], ...overrides });
const answerOf = (items: AnswerItem[]): Answer => ({ command: 'deal', title: 'Deals involving OpenAI', items, notes: [], json: { command: 'deal', query: 'openai', total: 1, deals: [] } });

describe('a corrected row', () => {
  it('in Slack: struck out, then who (a mention), when and why under it', () => {
    const { blocks } = renderBlocks(answerOf([item({ correction: correctionMark(entry()) })]));
    expect((blocks[1] as any).text.text).toBe('~Amazon → OpenAI: up to $50B~\ntalks · 2026-01');
    expect((blocks[2] as any).elements[0].text).toBe('✗ #3 marked wrong by <@U0ANALYST> on 2026-02-14: wrong amount — “It was $40B.”');
  });

  it('in Slack: a note or a name cannot ping or link, and a ~ in the line cannot end the strike', () => {
    const mark = correctionMark(entry({ by: '<!channel>', note: `<!here> <https://evil|bank> *bold* ${'x'.repeat(600)}` }));
    const { blocks } = renderBlocks(answerOf([item({ text: 'A ~ B → C: ~$5B', correction: mark })]));
    expectWithinLimits(blocks);
    expect((blocks[1] as any).text.text).toMatch(/^~A ∼ B → C: ∼\$5B~/);
    const line = (blocks[2] as any).elements[0].text as string;
    expect(line).not.toMatch(/[<>]/);
    expect(line).toContain('by &lt;!channel&gt; on');
    expect(line).toContain('&lt;!here&gt; &lt;https://evil|bank&gt; ∗bold∗');
    expect(line.length).toBeLessThan(3000);
  });

  it('an undone mark: the line as it is, and the log line says who undid it', () => {
    const mark = correctionMark(entry(), entry({ number: 4, active: false, by: 'U0EDITOR', at: '2026-02-15T09:00:00.000Z', reason: null, note: null }));
    const { blocks } = renderBlocks(answerOf([item({ correction: mark })]));
    expect((blocks[1] as any).text.text).toBe('*Amazon → OpenAI: up to $50B*\ntalks · 2026-01');
    expect((blocks[2] as any).elements[0].text).toBe('↺ #3 marked wrong by <@U0ANALYST> on 2026-02-14: wrong amount — “It was $40B.”; undone by <@U0EDITOR> on 2026-02-15');
  });

  it('in the console: struck out with a marker, the user as stored', () => {
    const text = renderText(answerOf([item({ correction: correctionMark(entry({ by: 'console', note: null })) })]), PLAIN);
    expect(text).toContain('1. ~~Amazon → OpenAI: up to $50B~~\n   ✗ #3 marked wrong by console on 2026-02-14: wrong amount\n   talks · 2026-01');
  });
});
