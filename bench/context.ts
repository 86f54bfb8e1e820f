/** The command context the benchmark answers in: its own throw-away state folder, the default digest time. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIGEST_DEFAULTS } from '../src/config.ts';
import type { CommandContext } from '../src/context.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { FileStateStore } from '../src/state/file-store.ts';

/** `now` is fixed when given, else the clock at each read. */
export function benchContext(corpus: Corpus, now?: Date): CommandContext {
  return {
    corpus,
    channel: 'bench',
    store: new FileStateStore(mkdtempSync(path.join(tmpdir(), 'dealdesk-bench-'))),
    digestDefaults: DIGEST_DEFAULTS,
    get now() {
      return now ?? new Date();
    },
  };
}
