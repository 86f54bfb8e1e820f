/**
 * Whatever a user types, every command answers without throwing, within Slack's Block Kit limits, and with
 * no markup of its own: no `<!channel>`, `<@U…>` or disguised link from the input reaches the message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { renderBlocks } from '../../src/answer/blocks.ts';
import { inProcess } from '../../src/app/answerer.ts';
import { plainText } from '../../src/slack/listeners/text.ts';
import { expectWithinLimits, texts } from '../helpers/block-kit.ts';
import { seedContext } from '../helpers/corpus.ts';

/** Pieces a hostile or careless user types, mixed with words the corpus knows. */
const PIECES = ['<!channel>', '<!here>', '<@U0123>', '<https://evil.example|bank>', '<#C1|general>', '&lt;', '&amp;', '*', '_', '~', '`', '>', '\u202e', '😀', '\ud800',
  'OpenAI', 'Anthropic', 'Amazon', 'valuation', 'Bewertung', '$50bn', '50 Milliarden', 'NaN', 'Infinity', '-1e999', '2026', 'on', 'off', 'status', '99:99', 'Mars/Olympus'];

const input = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(' '));

/** `<` only opens what the renderer builds itself: an http(s) link with a label, or a channel. */
const OWN_MARKUP = /<(?:https?:\/\/[^\s|<>]+\|[^<>]*|#[CGD][A-Z0-9]+)>/g;

describe('any input, any command', () => {
  const answerer = inProcess(seedContext());
  const names = [...commands.map((c) => `/${c.name}`), '/dealdesk', ''];

  it('answers without throwing, within Block Kit limits, with no markup from the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), input, async (command, text) => {
        const line = `${command} ${plainText(text)}`.trim();
        const answer = await answerer.answer(line, { channel: 'C1', now: new Date('2026-02-14T12:00:00Z'), surface: 'slack' });
        const message = renderBlocks(answer, { share: { line, id: 'x' }, feedback: { line, id: 'x' } });
        expectWithinLimits(message.blocks);
        // plain_text (the header, buttons) shows `<` as it is; only mrkdwn is parsed for markup.
        const parsed = texts(message.blocks).filter((t) => t.type === 'mrkdwn');
        for (const shown of [message.text, ...parsed.map((t) => t.text)]) {
          const outside = shown.replace(OWN_MARKUP, '');
          expect(outside, line).not.toMatch(/[<>]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
