/**
 * The worker side of `BuildThread`: prepares each chunk of articles it is sent (their facts and their
 * analysed search text) unless the other thread claimed it first, answers on the port it was given, then
 * bumps the shared counter so a waiting thread wakes up.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { EntityCatalog, type Entity } from '../extract/entities.ts';
import { claimChunk, prepareArticle, type ChunkReply, type ChunkRequest } from './build-thread.ts';

const { entities, port, memory } = workerData as { entities: Entity[]; port: MessagePort; memory: SharedArrayBuffer };
const catalog = EntityCatalog.fromEntities(entities);
const shared = new Int32Array(memory);

parentPort!.on('message', ({ chunk, articles }: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = { chunk, prepared: claimChunk(shared, chunk, 'worker') ? articles.map((article) => prepareArticle(article, catalog)) : null };
  } catch (error) {
    reply = { chunk, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.add(shared, 0, 1);
  Atomics.notify(shared, 0);
});
