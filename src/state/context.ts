/**
 * The state store for commands: the context's own, else one opened once per data folder under `DATA_DIR`
 * (default `data`, relative to the working directory).
 */
import path from 'node:path';
import type { CommandContext } from '../../commands/types.ts';
import { FileStateStore } from './file-store.ts';
import type { StateStore } from './types.ts';

const stores = new Map<string, StateStore>();

export function stateFor(ctx: CommandContext): StateStore {
  if (ctx.store) return ctx.store;
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  let store = stores.get(dataDir);
  if (!store) {
    store = new FileStateStore(dataDir);
    stores.set(dataDir, store);
  }
  return store;
}
