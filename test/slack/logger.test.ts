import { describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createLogger } from '../../src/log.ts';
import { boltLogger } from '../../src/slack/logger.ts';

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
