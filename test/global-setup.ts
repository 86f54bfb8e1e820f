/**
 * One temporary folder per test run: every test's temp corpora, indexes and state files go below it
 * (os.tmpdir() follows TMPDIR), and it is removed when the run ends, so runs leave nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'dealdesk-test-run-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
