/** Shared by the Slack tests: the real seed corpus (indexed into a temp folder) and a captured log. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContext } from '../../src/app/create-context.ts';
import { DIGEST_DEFAULTS } from '../../src/config.ts';
import type { CommandContext } from '../../src/context.ts';
import { createLogger, log, setLogger } from '../../src/log.ts';

let ctx: CommandContext | undefined;

/** The command context over `seeds/`, built once per test file. */
export function seedContext(): CommandContext {
  if (!ctx) {
    const quiet = captureLog('warn');
    const temp = mkdtempSync(path.join(tmpdir(), 'dealdesk-slack-'));
    ctx = createContext(
      { corpusDir: 'seeds', indexDir: path.join(temp, 'index'), dataDir: path.join(temp, 'data'), entitiesFile: null, DIGEST_TIME: DIGEST_DEFAULTS.time, DIGEST_TZ: DIGEST_DEFAULTS.timeZone },
      'C1',
    );
    quiet.restore();
  }
  return ctx;
}

export interface CapturedLog {
  lines: Record<string, any>[];
  restore(): void;
}

/** Routes the process logger into `lines` (parsed JSON) until `restore()`. */
export function captureLog(level = 'debug'): CapturedLog {
  const original = log;
  const lines: Record<string, any>[] = [];
  setLogger(createLogger({ level, destination: { write: (s: string) => void lines.push(JSON.parse(s)) } }));
  return { lines, restore: () => setLogger(original) };
}

/** Every mrkdwn/plain_text string in a Block Kit structure, joined by newlines. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') out.push(node.text);
      Object.values(node).forEach(visit);
    }
  };
  visit(blocks);
  return out.join('\n');
}
