import { describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createLogger } from '../../src/log.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import { boltLogger } from '../../src/slack/logger.ts';
import { plainText, stripBotMention } from '../../src/slack/text.ts';

describe('stripBotMention', () => {
  it("removes the bot's mention wherever it is, and only the bot's", () => {
    expect(stripBotMention('<@UBOT> how much is <@U2> paid?', 'UBOT')).toBe('how much is <@U2> paid?');
    expect(stripBotMention('hey <@UBOT|dealdesk>  and Nvidia?', 'UBOT')).toBe('hey and Nvidia?');
  });

  it('removes a leading mention when the bot id is unknown', () => {
    expect(stripBotMention('<@UXYZ> Indiana', undefined)).toBe('Indiana');
  });
});

describe('plainText', () => {
  it('turns Slack markup into what it shows and decodes entities', () => {
    expect(plainText('<!channel> <!here> <@U123> <#C1|general> <https://evil.example|bank> <https://a.example>')).toBe(
      '@channel @here @U123 general bank https://a.example',
    );
    expect(plainText('AT&amp;T &lt;b&gt; &amp;amp;')).toBe('AT&T <b> &amp;');
    expect(plainText('<!subteam^S1>')).toBe('@subteam');
  });
});

describe('RecentIds', () => {
  it('says true once per id and forgets the oldest beyond its capacity', () => {
    const seen = new RecentIds(2);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    expect(seen.firstTime('b')).toBe(true);
    expect(seen.firstTime('c')).toBe(true); // forgets a
    expect(seen.firstTime('b')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });
});

describe('boltLogger', () => {
  it('writes through pino, keeps errors with their stack, and ignores setLevel', () => {
    const lines: Record<string, any>[] = [];
    const pino = createLogger({ level: 'info', destination: { write: (s: string) => void lines.push(JSON.parse(s)) } });
    const logger = boltLogger(pino);
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.INFO);
    logger.debug('not written');
    logger.info('hello', 42);
    logger.error('failed:', new Error('boom'));
    logger.warn('token xoxb-123-secret leaked');
    expect(lines.map((l) => l.msg)).toEqual(['hello 42', 'failed:', 'token [redacted] leaked']);
    expect(lines[1]!.err.stack).toContain('boom');
    expect(lines[0]!.module).toBe('slack');
  });
});
