/** Spawning a command-line entry point under tsx, for the CLI tests. */
import { spawn } from 'node:child_process';
import { ROOT } from './corpus.ts';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script under tsx with a clean environment: only these variables (and PATH/HOME) are set; CORPUS_DIR defaults to the seeds. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CORPUS_DIR: 'seeds', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
