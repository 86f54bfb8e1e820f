// Entry of every worker thread this product starts (see ts-worker.ts): the product runs its TypeScript
// sources through tsx, whose loader a worker does not inherit; registered here, the worker's own module
// (a .ts file) can be imported. A compiled build (.js entry) skips the registration.
import { workerData } from 'node:worker_threads';

const { entry } = workerData;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
