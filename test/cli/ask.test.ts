/** The command-line entry points, spawned for real: exit codes, JSON on stdout, one-line config errors. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorJsonSchema, newsHitSchema, newsJsonSchema } from '../../src/answer/contracts.ts';
import { snapshotFile } from '../../src/search/load-corpus.ts';
import { tempDir } from '../helpers/corpus.ts';
import { runScript as run, type Run } from '../helpers/spawn.ts';

/** The /news contract (src/answer/contracts.ts), strictly: no other keys. */
const contract = z.strictObject({ ...newsJsonSchema.shape, hits: z.array(z.strictObject(newsHitSchema.shape)) });

const ASK = 'src/cli/ask.ts';
const indexDir = tempDir('dealdesk-cli-index-');
let news: Run;
let empty: Run;
let badPort: Run;
let badZone: Run;
let partialSlack: Run;
let buildIndex: Run;
let help: Run;
let unknownOption: Run;
let unknownCommand: Run;
let badLogLevel: Run;
let csv: Run;
let csvOfNews: Run;
let savedCsv: Run;
const dataDir = tempDir('dealdesk-cli-data-');

// Spawned once each, in parallel: every spawn costs about a second.
beforeAll(async () => {
  [news, empty, badPort, badZone, partialSlack, buildIndex, help, unknownOption, unknownCommand, badLogLevel, csv, csvOfNews, savedCsv] = await Promise.all([
    run(ASK, ['/news Rechenzentrum', '--json'], { INDEX_DIR: indexDir }),
    run(ASK, ['/news', '--json'], { INDEX_DIR: tempDir() }),
    run(ASK, ['/news Indiana', '--json'], { INDEX_DIR: tempDir(), PORT: 'abc' }),
    run(ASK, ['/news Indiana'], { INDEX_DIR: tempDir(), DIGEST_TZ: 'Mars/Olympus' }),
    run(ASK, ['/news Indiana'], { INDEX_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-1-2-secret' }),
    run('src/cli/build-index.ts', [], { INDEX_DIR: path.join(tempDir(), 'index') }),
    run(ASK, ['--help'], { INDEX_DIR: indexDir }),
    run(ASK, ['--verbose', '/news Indiana'], { INDEX_DIR: indexDir }),
    run(ASK, ['/foo', '--json'], { INDEX_DIR: tempDir() }),
    run(ASK, ['/news Indiana'], { INDEX_DIR: tempDir(), LOG_LEVEL: 'loud' }),
    run(ASK, ['/deal openai', '--csv'], { INDEX_DIR: tempDir() }),
    run(ASK, ['/news Indiana', '--csv'], { INDEX_DIR: tempDir() }),
    run(ASK, ['/deal anthropic csv', '--json'], { INDEX_DIR: tempDir(), DATA_DIR: dataDir }),
  ]);
}, 60_000);

describe('ask', () => {
  it('"/news Rechenzentrum" --json: exit 0, the JSON contract on stdout, nothing else', () => {
    expect(news.code, news.stderr).toBe(0);
    const json = contract.parse(JSON.parse(news.stdout));
    expect(json.query).toBe('Rechenzentrum');
    expect(json.hits.map((h) => h.snippet).join('\n')).toMatch(/Rechenzentren/);
    expect(json.hits[0]).toMatchObject({ article: '003_74890980bce22e95.txt', outlet: 'wallstreet-online', date: '2026-01-30' });
    expect(existsSync(path.join(indexDir, snapshotFile('seeds')))).toBe(true);
  });

  it('--help explains and exits 0; an unknown option is refused with exit 2; an unknown /command is an error', () => {
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run --silent ask/);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^Unknown option --verbose\./);
    expect(unknownCommand.code).toBe(2);
    expect(JSON.parse(unknownCommand.stdout)).toEqual({ command: 'help', error: "I don't know the command /foo." });
  });

  it('--csv prints the spreadsheet and nothing else; an answer without one is exit 2', () => {
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFdate,date_from,status,kind')).toBe(true);
    expect(csv.stdout).toContain('Amazon → OpenAI: up to $50B');
    expect(csvOfNews.code).toBe(2);
    expect(csvOfNews.stdout).toBe('');
    expect(csvOfNews.stderr).toMatch(/^This answer has no spreadsheet/);
  });

  it('a question ending in csv saves the file in DATA_DIR/exports; under --json the path goes to stderr', () => {
    expect(savedCsv.code, savedCsv.stderr).toBe(0);
    expect(JSON.parse(savedCsv.stdout).file).toEqual({ name: 'deals-anthropic.csv', format: 'csv', rows: expect.any(Number) });
    const saved = path.join(dataDir, 'exports', 'deals-anthropic.csv');
    expect(savedCsv.stderr.trim()).toBe(`File saved: ${saved}`);
    expect(existsSync(saved)).toBe(true);
  });

  it('"/news" (empty): exit 2 and {command, error}', () => {
    expect(empty.code).toBe(2);
    expect(z.strictObject({ command: z.literal('news'), error: errorJsonSchema.shape.error.min(1) }).parse(JSON.parse(empty.stdout))).toBeTruthy();
  });

  it('a bad config value: exit 1 and one stderr line naming the variable', () => {
    for (const [result, name] of [[badPort, 'PORT'], [badZone, 'DIGEST_TZ'], [badLogLevel, 'LOG_LEVEL']] as const) {
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(result.stdout).toBe('');
    }
  });

  it('partial Slack credentials: a clear error that names what is missing, no secret echoed', () => {
    expect(partialSlack.code).toBe(1);
    expect(partialSlack.stderr.trim().split('\n')).toHaveLength(1);
    expect(partialSlack.stderr).toMatch(/SLACK_APP_TOKEN|SLACK_SIGNING_SECRET/);
    expect(partialSlack.stderr).not.toContain('secret');
  });
});

describe('npm run index', () => {
  it('builds the snapshot and reports it', () => {
    expect(buildIndex.code, buildIndex.stderr).toBe(0);
    expect(buildIndex.stdout).toMatch(/^Indexed 5 articles/);
  });
});
