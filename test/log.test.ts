/** Logs are JSON and never show a secret: redacted paths, and tokens scrubbed from messages. */
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../src/log.ts';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'auto', destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines, output: () => lines.join('') };
}

describe('log', () => {
  it('writes one JSON object per line to the given destination', () => {
    const { logger, lines } = capture();
    logger.info({ articles: 5 }, 'index built');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, articles: 5, msg: 'index built' });
  });

  it('redacts token fields and authorization headers', () => {
    const { logger, output } = capture();
    logger.info({ token: 'xoxb-111-222-secret', headers: { authorization: 'Bearer xoxb-333-444-secret' } }, 'request');
    logger.warn({ req: { headers: { authorization: 'Bearer xoxb-555-secret' } }, config: { botToken: 'xoxb-666-secret', appToken: 'xapp-1-777-secret', signingSecret: 'sig-888' } }, 'nested');
    logger.info({ env: { SLACK_BOT_TOKEN: 'xoxb-999-secret' } }, 'env');
    const out = output();
    expect(out).not.toMatch(/secret|sig-888/);
    expect(out).toContain('[redacted]');
    const first = JSON.parse(out.split('\n')[0]!);
    expect(first).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]' }, msg: 'request' });
  });

  it('scrubs Slack tokens from message strings, keeping the rest', () => {
    const { logger, output } = capture();
    logger.error('auth failed for xoxb-123-abc and xapp-1-A1-xyz');
    logger.error({ detail: 'x' }, 'token was %s', 'xoxp-42-def');
    const out = output();
    expect(out).not.toContain('xoxb-123-abc');
    expect(out).not.toContain('xapp-1-A1-xyz');
    expect(out).not.toContain('xoxp-42-def');
    expect(JSON.parse(out.split('\n')[0]!).msg).toBe('auth failed for [redacted] and [redacted]');
    expect(scrubSecrets('no secrets here')).toBe('no secrets here');
  });

  it('scrubs the password of a database URL, even one holding @, and leaves the rest of the line', () => {
    expect(scrubSecrets('failed postgres://dealdesk:p@ss@db.example.org:5432/dealdesk; mail me@example.com')).toBe('failed postgres://dealdesk:[redacted]@db.example.org:5432/dealdesk; mail me@example.com');
    const { logger, output } = capture();
    logger.error({ DATABASE_URL: 'postgres://u:secret@h/db', config: { DATABASE_URL: 'postgres://u:secret@h/db' } }, 'could not connect to postgres://u:secret@h/db');
    expect(output()).not.toContain('secret');
  });

  it('scrubs tokens from errors, URLs and fields no redact path names', () => {
    const { logger, lines, output } = capture();
    logger.error({ err: new Error('invalid_auth for xoxb-1-2-abc') }, 'failed');
    logger.error(new Error('boom xoxb-9-9-zzz'));
    logger.info({ url: 'https://slack.com/api/chat.postMessage?token=xoxb-5-5-q', deep: { a: { b: ['Bearer xapp-1-7-7'] } } }, 'req');
    logger.info({ headers: { Authorization: 'Basic c2VjcmV0' } }, 'capitalised header');
    expect(output()).not.toMatch(/xoxb-|xapp-|c2VjcmV0/);
    for (const line of lines) JSON.parse(line); // still valid JSON
    expect(JSON.parse(lines[0]!).err.message).toBe('invalid_auth for [redacted]');
  });

  it('respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (s: string) => void lines.push(s) } });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
