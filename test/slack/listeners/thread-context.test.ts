import { describe, expect, it } from 'vitest';
import { isCheckRequest } from '../../../commands/intents.ts';
import { resolveFollowUp, threadLine, type FindNames, type ThreadMessage } from '../../../src/slack/listeners/thread-context.ts';
import { seedContext, tempCorpus } from '../../helpers/corpus.ts';

const BOT = 'UBOT';
/** The corpus's names, as the mention listener uses them: the entity list and the companies the seed articles named. */
const names: FindNames = (text) => seedContext().corpus.facts.names.find(text);
const user = (text: string, who = 'U1'): ThreadMessage => ({ user: who, text, ts: '1' });
const bot = (text: string): ThreadMessage => ({ user: BOT, bot_id: 'BBOT', text, ts: '1' });

describe('resolveFollowUp', () => {
  it('swaps the first company of a question naming two: "and Nvidia?"', () => {
    expect(resolveFollowUp('and Nvidia?', 'how much is Amazon putting into OpenAI?', names)).toBe('how much is Nvidia putting into OpenAI?');
    expect(resolveFollowUp('und SoftBank?', 'Wie viel investiert Amazon in OpenAI?', names)).toBe('Wie viel investiert SoftBank in OpenAI?');
    expect(resolveFollowUp('what about Microsoft', 'Wie hoch ist die Beteiligung von Amazon an OpenAI?', names)).toBe(
      'Wie hoch ist die Beteiligung von Microsoft an OpenAI?',
    );
  });

  it('appends the company to a question naming one, e.g. a command', () => {
    expect(resolveFollowUp('and Nvidia?', '/deal openai', names)).toBe('/deal openai Nvidia');
    expect(resolveFollowUp('Nvidia?', 'who invests in OpenAI?', names)).toBe('who invests in OpenAI Nvidia');
  });

  it('leaves long questions, commands and words that are no company alone', () => {
    const previous = 'how much is Amazon putting into OpenAI?';
    expect(resolveFollowUp('how much did Nvidia invest in OpenAI?', previous, names)).toBe('how much did Nvidia invest in OpenAI?');
    expect(resolveFollowUp('/news Nvidia', previous, names)).toBe('/news Nvidia');
    expect(resolveFollowUp('and Indiana?', previous, names)).toBe('and Indiana?');
    expect(resolveFollowUp('help', previous, names)).toBe('help');
    expect(resolveFollowUp('and Nvidia?', undefined, names)).toBe('and Nvidia?');
  });
});

describe('threadLine', () => {
  it('continues the last question asked in the thread, skipping bot answers and chatter', () => {
    const earlier = [user(`<@${BOT}> how much is Amazon putting into OpenAI?`), bot('Amazon → OpenAI: up to $50bn'), user('interesting', 'U2')];
    expect(threadLine('and Nvidia?', earlier, BOT, names)).toBe('how much is Nvidia putting into OpenAI?');
  });

  it('chains follow-ups on the original question', () => {
    const earlier = [user(`<@${BOT}> how much is Amazon putting into OpenAI?`), bot('…'), user(`<@${BOT}> and Nvidia?`), bot('…')];
    expect(threadLine('and SoftBank?', earlier, BOT, names)).toBe('how much is SoftBank putting into OpenAI?');
  });

  it('treats the first message as the question even without a mention', () => {
    expect(threadLine('and Nvidia?', [user('Amazon will invest $50bn in OpenAI')], BOT, names)).toBe('Nvidia will invest $50bn in OpenAI');
  });

  it.each(['check', 'Check?', 'stimmt das?', 'source?', 'Quelle?', 'is that true?'])('routes %j to /check with the thread\'s latest question', (question) => {
    const earlier = [user('Amazon will invest $50bn in OpenAI &amp; more'), bot('…')];
    expect(isCheckRequest(question)).toBe(true);
    expect(threadLine(question, earlier, BOT, names)).toBe('/check Amazon will invest $50bn in OpenAI & more');
    // After "and Nvidia?", the Nvidia question is the one to check, not the first message.
    expect(threadLine(question, [...earlier, user(`<@${BOT}> and Nvidia?`), bot('…')], BOT, names)).toBe('/check Nvidia will invest $50bn in OpenAI & more');
  });

  it('checks the first message when the latest question is a command line (no claim)', () => {
    const earlier = [user('Amazon will invest $50bn in OpenAI'), bot('…'), user(`<@${BOT}> /deal openai`), bot('…')];
    expect(threadLine('stimmt das?', earlier, BOT, names)).toBe('/check Amazon will invest $50bn in OpenAI');
  });

  it('answers a question without earlier context as asked', () => {
    expect(threadLine('and Nvidia?', [], BOT, names)).toBe('and Nvidia?');
    expect(threadLine('check', [], BOT, names)).toBe('/check');
    expect(isCheckRequest('check the Amazon deal please')).toBe(false);
  });
});

describe('follow-ups name what the corpus names', () => {
  it('follows a company the entity list does not know but an article introduced ("das Start-up Quillo")', () => {
    const { corpus } = tempCorpus({
      'quillo.md': '---\ntitle: Quillo\noutlet: Handelsblatt\ndate: 2026-03-10\n---\nDas Berliner Start-up Quillo hat 20 Millionen Euro von Sequoia eingesammelt.\n',
    }).load();
    const corpusNames: FindNames = (text) => corpus.facts.names.find(text);
    expect(resolveFollowUp('and Quillo?', '/deal openai', corpusNames)).toBe('/deal openai Quillo');
  });
});
