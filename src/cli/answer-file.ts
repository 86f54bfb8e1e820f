/** Where the console and `ask` put the file an answer comes with (Slack uploads it instead). */
import path from 'node:path';
import type { AnswerFile } from '../answer/model.ts';
import { writeFileAtomic } from '../util/atomic-file.ts';

/** The folder of saved files in a data folder. */
export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** Saves `file` in `dir` (made if missing), replacing an older file of that name whole; returns its absolute path. */
export function saveAnswerFile(file: AnswerFile, dir: string): string {
  // The name is made safe where it is made; basename() keeps a wrong one from leaving `dir` all the same.
  const target = path.resolve(dir, path.basename(file.name));
  writeFileAtomic(target, file.bytes);
  return target;
}

/** The line that tells where the file went. */
export function savedLine(where: string): string {
  return `File saved: ${where}`;
}
