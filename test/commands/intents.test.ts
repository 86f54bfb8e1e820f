/** The one intent vocabulary: the router's "check …" prefix and a thread's "stimmt das?" read the same phrases. */
import { describe, expect, it } from 'vitest';
import { CHECK_PHRASES, claimAfterCheck, isCheckRequest, isHelpRequest } from '../../commands/intents.ts';

describe('check phrases', () => {
  it.each(CHECK_PHRASES)('"%s" alone asks for a check, and before a claim leaves the claim', (phrase) => {
    expect(isCheckRequest(phrase)).toBe(true);
    expect(isCheckRequest(`${phrase.toUpperCase()}?`)).toBe(true);
    expect(claimAfterCheck(`${phrase}: Amazon will invest $50bn in OpenAI`)).toBe('Amazon will invest $50bn in OpenAI');
  });

  it.each([
    ['checking the numbers', null],
    ['Quellensteuer für Amazon', null],
    ['sourcing AI chips', null],
    ['stimmt das so? Nvidia investiert 5 Milliarden', 'Nvidia investiert 5 Milliarden'],
    ['fact  check Anthropic raised $13bn', 'Anthropic raised $13bn'],
  ])('%s → claim %s', (text, claim) => {
    expect(claimAfterCheck(text)).toBe(claim);
  });

  it('a check phrase with more words is no bare check request', () => {
    expect(isCheckRequest('check Amazon')).toBe(false);
    expect(isCheckRequest('sources say Amazon invests')).toBe(false);
  });
});

describe('help phrases', () => {
  it.each(['help', 'Hilfe!', '?', 'what can you do?', 'Was kannst du?'])('%s', (text) => expect(isHelpRequest(text)).toBe(true));
  it.each(['help me find Amazon deals', 'hilfreich'])('not %s', (text) => expect(isHelpRequest(text)).toBe(false));
});
