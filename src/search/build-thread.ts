/**
 * A corpus build on two threads: this one adds to MiniSearch and the fact store, a worker prepares articles
 * (extracts their facts, analyses their text into index terms), the larger half of the work. The machines
 * have two cores. The build stays a plain loop: `next()` hands back the next article's preparation.
 *
 * Articles go to the worker in chunks from the front, a few ahead. Each chunk is claimed (in shared memory)
 * by whichever thread starts it first. When `next()` reaches a chunk the worker has not started, it prepares
 * it here; when the worker is busy with it, this thread prepares a chunk from the back of the list meanwhile
 * (kept until its turn) rather than wait. So neither thread idles while there is work, and at the start,
 * while the worker loads, this thread gets on with the first chunks. If the worker fails or stalls, the rest
 * is prepared here, with the same result.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Article } from '../corpus/types.ts';
import type { EntityCatalog } from '../extract/entities.ts';
import { extractFacts } from '../extract/facts.ts';
import type { Facts } from '../extract/types.ts';
import { log } from '../log.ts';
import { startWorker } from '../util/ts-worker.ts';
import { analyzeArticle, type AnalyzedArticle } from './article-index.ts';

/** Articles per chunk, and chunks sent to the worker ahead of the one being read. */
const CHUNK = 32;
const IN_FLIGHT = 4;
/** A chunk's claim in the shared memory: nobody yet, the worker, the building thread. */
const FREE = 0;
const CLAIMS = { worker: 1, here: 2 } as const;

/** What the index and the fact store need of an article, besides the article itself. */
export interface PreparedArticle {
  facts: Facts;
  analyzed: AnalyzedArticle;
}

export interface ChunkRequest {
  chunk: number;
  articles: Article[];
}

/** The chunk's preparations; `null` when this thread had claimed it first. */
export type ChunkReply = { chunk: number; prepared: PreparedArticle[] | null } | { chunk: number; error: string };

/**
 * Claims `chunk` for the worker or for the building thread, unless the other one has it already. The shared
 * memory: `[0]` counts the worker's replies, then one claim per chunk.
 */
export function claimChunk(shared: Int32Array, chunk: number, by: keyof typeof CLAIMS): boolean {
  return Atomics.compareExchange(shared, 1 + chunk, FREE, CLAIMS[by]) === FREE;
}

export interface BuildThreadOptions {
  /** How long `next()` waits for the worker without any answer before preparing articles here instead. */
  stallMs?: number;
  /** The worker's module (tests give one that fails). */
  workerModule?: URL;
}

/** The preparation of one article, on whichever thread calls it. */
export function prepareArticle(article: Article, catalog: EntityCatalog): PreparedArticle {
  return { facts: extractFacts(article, catalog), analyzed: analyzeArticle(article) };
}

export class BuildThread {
  private worker: Worker | null;
  private readonly port: MessagePort;
  /** `[0]` counts the worker's replies (it is what `Atomics.wait` sleeps on), then one claim per chunk. */
  private readonly shared: Int32Array;
  private readonly ready = new Map<number, PreparedArticle[]>();
  private taken = 0;
  private posted = 0;
  private inFlight = 0;
  /** The last chunk this thread may take from the back. */
  private back: number;
  private readonly stallMs: number;

  /** Starts the worker and sends it the first chunks; `next()` then returns every article's preparation in order. */
  constructor(
    private readonly articles: readonly Article[],
    private readonly catalog: EntityCatalog,
    { stallMs = 30_000, workerModule = new URL('./build-worker.ts', import.meta.url) }: BuildThreadOptions = {},
  ) {
    this.stallMs = stallMs;
    this.back = Math.ceil(articles.length / CHUNK) - 1;
    const memory = new SharedArrayBuffer(4 * (1 + Math.ceil(articles.length / CHUNK)));
    this.shared = new Int32Array(memory);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = startWorker(workerModule, { entities: catalog.entities, port: port2, memory }, [port2]);
    // Never keep the process alive for it, and never let a failure escape as an unhandled event: `next()`
    // notices a worker that stopped answering and carries on without it.
    this.worker.unref();
    this.worker.on('error', () => {});
    this.fill();
  }

  /** What the next article needs (the first call: `articles[0]`, and so on). */
  next(): PreparedArticle {
    const index = this.taken++;
    const chunk = Math.floor(index / CHUNK);
    // Answers already in are read first: each one sends the worker its next chunk, so it never runs dry.
    while (this.worker && this.inFlight > 0 && this.read(0));
    while (this.worker && !this.ready.has(chunk) && Atomics.load(this.shared, 1 + chunk) !== CLAIMS.here) {
      if (claimChunk(this.shared, chunk, 'here')) break; // nobody started it: prepared here, below
      // The worker has it in hand: read an answer that is in, else prepare a chunk from the back, else wait.
      if (!this.read(0) && !this.prepareFromBack(chunk)) this.read(this.stallMs);
    }
    const prepared = this.ready.get(chunk)?.[index % CHUNK];
    if (index % CHUNK === CHUNK - 1 || index === this.articles.length - 1) this.ready.delete(chunk);
    return prepared ?? prepareArticle(this.articles[index]!, this.catalog);
  }

  /** Ends the worker (call when done, or to give up early). */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.port.close();
  }

  /** Sends chunks until `IN_FLIGHT` are out (none this thread has claimed already). */
  private fill(): void {
    while (this.worker && this.inFlight < IN_FLIGHT && this.posted < this.articles.length) {
      const chunk = this.posted / CHUNK;
      this.posted = Math.min(this.posted + CHUNK, this.articles.length);
      if (Atomics.load(this.shared, 1 + chunk) === CLAIMS.here) continue;
      const request: ChunkRequest = { chunk, articles: this.articles.slice(chunk * CHUNK, this.posted) };
      this.worker.postMessage(request);
      this.inFlight++;
    }
  }

  /** Claims the last chunk nobody has started (after `current`) and prepares it; false if there is none. */
  private prepareFromBack(current: number): boolean {
    for (; this.back > current; this.back--) {
      if (!claimChunk(this.shared, this.back, 'here')) continue;
      const first = this.back * CHUNK;
      this.ready.set(this.back, this.articles.slice(first, first + CHUNK).map((article) => prepareArticle(article, this.catalog)));
      this.back--;
      return true;
    }
    return false;
  }

  /**
   * Reads one answer of the worker, waiting up to `waitMs` for it; true when one was read. A worker that
   * failed, or that stays silent for a wait longer than zero, is stopped.
   */
  private read(waitMs: number): boolean {
    const deadline = Date.now() + waitMs;
    for (;;) {
      // The counter is read before the port: an answer that lands in between has already changed it, so
      // the wait below returns at once instead of missing the wake-up.
      const seen = Atomics.load(this.shared, 0);
      const reply = receiveMessageOnPort(this.port)?.message as ChunkReply | undefined;
      if (reply && 'error' in reply) return this.stop(`the worker failed: ${reply.error}`);
      if (reply) {
        this.inFlight--;
        if (reply.prepared) this.ready.set(reply.chunk, reply.prepared);
        this.fill();
        return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) return waitMs > 0 && this.stop(`no answer from the worker in ${waitMs} ms`);
      Atomics.wait(this.shared, 0, seen, left);
    }
  }

  /** Goes on without the worker (always false: nothing was read). */
  private stop(reason: string): false {
    log.warn({ reason, done: this.taken - 1, total: this.articles.length }, 'preparing the articles on the main thread from here');
    this.close();
    return false;
  }
}
