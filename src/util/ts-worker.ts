/**
 * Worker threads whose module is a TypeScript file: started through `ts-worker-boot.mjs`, which registers
 * tsx in the new thread before importing the module (a worker does not inherit the loader of the thread
 * that starts it).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts `entry` (a module URL, `.ts` or `.js`) in a new worker thread; `data` is its `workerData` beside
 * `entry`; `resourceLimits` its heap limits (Node's defaults otherwise).
 */
export function startWorker(entry: URL, data: Record<string, unknown>, transferList: Transferable[] = [], resourceLimits?: ResourceLimits): Worker {
  return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href },
    transferList: transferList as never,
    ...(resourceLimits ? { resourceLimits } : {}),
  });
}
