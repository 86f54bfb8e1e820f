/** The local console, driven through streams. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../src/console.ts';
import { log } from '../src/log.ts';
import { seedContext, tempDir } from './helpers/corpus.ts';

/** Runs the console over these input lines (ending the input unless told not to) and returns everything it wrote. */
async function session(lines: string[], { end = true, filesDir = tempDir('dealdesk-console-') } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const done = runConsole(seedContext(), input, output, filesDir);
  for (const line of lines) input.write(`${line}\n`);
  if (end) input.end();
  await done;
  return written;
}

const logBefore = log;

describe('console', () => {
  it('answers /help and /news, then leaves on exit without reading further', async () => {
    const out = await session(['/help', '/news Indiana', 'exit', '/news Rechenzentrum'], { end: false });
    expect(out).toMatch(/^Dealdesk console — 5 articles/);
    expect(out).toContain('/news <words>');
    expect(out).toContain('/help');
    expect(out).toContain('Amazon in **Indiana** ein 11-Milliarden-Dollar-Rechenzentrumscampus für Anthropic.');
    expect(out).toContain('wallstreet-online · 2026-01-30');
    expect(out).not.toContain('News for “Rechenzentrum”');
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
    // /help is answered before /news.
    expect(out.indexOf('What Dealdesk can do.')).toBeLessThan(out.indexOf('News for “Indiana”'));
  });

  it('saves the file an answer comes with and prints where', async () => {
    const filesDir = tempDir('dealdesk-console-');
    const out = await session(['/deal anthropic csv'], { filesDir });
    const saved = path.join(filesDir, 'deals-anthropic.csv');
    expect(out).toContain(`File saved: ${saved}`);
    const text = readFileSync(saved, 'utf8');
    expect(text.startsWith('\uFEFFdate,date_from,status')).toBe(true);
    expect(text).toContain('Amazon');
  });

  it('Ctrl-D (end of input) leaves cleanly', async () => {
    const out = await session(['/news Rechenzentrum']);
    expect(out).toContain('News for “Rechenzentrum”');
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('empty input ends at once; blank lines are skipped; bad input is answered, not fatal', async () => {
    expect((await session([])).trimEnd().endsWith('Bye.')).toBe(true);
    const out = await session(['', '   ', '/news', 'quit']);
    expect(out).toContain('Usage: /news');
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('plain text is searched', async () => {
    const out = await session(['Indiana Rechenzentrum']);
    expect(out).toContain('**Indiana**');
  });

  it('in a terminal, a log line while the prompt waits is written above it and the prompt is drawn again', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const level = logBefore.level;
    logBefore.level = 'warn'; // the tests run silent; the console's logger takes this level
    const done = runConsole(seedContext(), input, output);
    logBefore.level = level;
    await new Promise((resolve) => setImmediate(resolve));
    log.warn({ file: 'x.md' }, 'article could not be ingested');
    input.end('exit\n');
    await done;
    const after = written.slice(written.indexOf('warn: article could not be ingested {"file":"x.md"}'));
    expect(after).toMatch(/^warn: article could not be ingested \{"file":"x\.md"\}\n(?:\u001b\[[0-9;]*[A-Za-z])*dealdesk> /);
    // Back to the process's own logger once the console ends.
    expect(log).toBe(logBefore);
  });
});
