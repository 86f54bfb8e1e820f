/**
 * The engine on its own thread: the corpus, the answers and the background jobs live in a worker
 * (engine-worker.ts), so the thread that receives Slack's requests only parses, acks and sends. However
 * long an answer takes, acks are not held up by it, and the machine's second core does the answering.
 *
 * Requests are plain messages with ids (engine-protocol.ts). A request that gets no reply within
 * `timeoutMs` fails (the listener apologises). If the worker dies, every waiting request fails and a new
 * worker is started; requests made meanwhile wait for it.
 */
import type { Worker } from 'node:worker_threads';
import type { Answer } from '../answer/model.ts';
import { log } from '../log.ts';
import type { PostAnswer } from '../answer/model.ts';
import type { ThreadMessage } from '../slack/listeners/thread-context.ts';
import { startWorker } from '../util/ts-worker.ts';
import { totalmem } from 'node:os';
import type { AnswerRequest, Answerer } from './answerer.ts';
import type { FeedbackInput } from '../state/feedback.ts';
import type { FeedbackReceipt } from './feedback.ts';
import { fromWire, toWire, type EngineSetup, type FromEngine, type ToEngine } from './engine-protocol.ts';

export interface EngineThreadOptions {
  /** Where digests go: called on this thread for each digest the engine sends. */
  post: PostAnswer;
  /** A request without a reply after this long fails (default 30 s). */
  timeoutMs?: number;
  /** The worker module (tests: a failing one). */
  workerModule?: URL;
  /** The engine's heap limit in MB (ENGINE_HEAP_MB); by default three quarters of the machine's memory. */
  heapMb?: number;
}

/**
 * The engine's default heap limit: three quarters of the machine's memory. Node's own default (about 4 GB
 * here) is what would stop a corpus first: building 100,000 articles takes 3 GB of heap.
 */
export function defaultEngineHeapMb(): number {
  return Math.floor((totalmem() / 2 ** 20) * 0.75);
}

/**
 * The engine's young generation, in MB: semi-spaces of 32 MB instead of Node's 16. With a corpus of
 * 100,000 articles every scavenge of the young generation takes about 7 ms however small it is, so fewer,
 * larger ones mean fewer answers that wait for one (`/deal` p99 at 100k: 5.8 → 2.8 ms).
 */
export const ENGINE_YOUNG_GENERATION_MB = 96;

interface Waiting {
  resolve: (message: FromEngine) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class EngineThread implements Answerer {
  private worker!: Worker;
  private ready!: Promise<void>;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private stopping = false;
  /** Whether a worker was ready once: a worker that dies while loading is not restarted (`start` fails). */
  private wasReady = false;
  private jobsStarted = false;
  private readonly timeoutMs: number;

  private constructor(
    private readonly setup: EngineSetup,
    private readonly options: EngineThreadOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Starts the engine; resolves once its corpus is loaded and it answers. */
  static async start(setup: EngineSetup, options: EngineThreadOptions): Promise<EngineThread> {
    const engine = new EngineThread(setup, options);
    engine.spawn();
    await engine.ready;
    return engine;
  }

  /** The engine thread's heap limits (old and young generation, MB). */
  get heapLimits(): { oldMb?: number; youngMb?: number } {
    const limits = this.worker.resourceLimits;
    return { oldMb: limits?.maxOldGenerationSizeMb, youngMb: limits?.maxYoungGenerationSizeMb };
  }

  now(): Date {
    return new Date();
  }

  async answer(line: string, request: AnswerRequest): Promise<Answer> {
    const reply = await this.request((id) => ({ type: 'answer', id, line, channel: request.channel, now: request.now.toISOString(), surface: request.surface, user: request.user }));
    if (reply.type !== 'answered') throw new Error(`the engine replied ${reply.type} to an answer`);
    return reply.answer;
  }

  async threadLine(question: string, earlier: ThreadMessage[], botUserId: string | undefined): Promise<string> {
    const reply = await this.request((id) => ({ type: 'threadLine', id, question, earlier, botUserId }));
    if (reply.type !== 'line') throw new Error(`the engine replied ${reply.type} to a thread line`);
    return reply.line;
  }

  async home(request: AnswerRequest & { user: string }): Promise<Answer[]> {
    const reply = await this.request((id) => ({ type: 'home', id, user: request.user, channel: request.channel, now: request.now.toISOString() }));
    if (reply.type !== 'home') throw new Error(`the engine replied ${reply.type} to a home tab`);
    return reply.sections;
  }

  async recordFeedback(feedback: FeedbackInput, now: Date): Promise<FeedbackReceipt> {
    const reply = await this.request((id) => ({ type: 'feedback', id, feedback, now: now.toISOString() }));
    if (reply.type !== 'recorded') throw new Error(`the engine replied ${reply.type} to feedback`);
    return reply.receipt;
  }

  /** Starts ingestion and digests in the engine (once Slack is connected, so digests can be posted). */
  startJobs(): void {
    this.jobsStarted = true;
    this.send({ type: 'startJobs' });
  }

  /** Stops the background jobs (waiting for work in progress) and the worker. */
  async stop(): Promise<void> {
    this.stopping = true;
    const stopped = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => void this.worker.terminate(), 10_000);
    await stopped;
    clearTimeout(timer);
  }

  private spawn(): void {
    const module = this.options.workerModule ?? new URL('./engine-worker.ts', import.meta.url);
    this.worker = startWorker(module, { ...this.setup }, [], {
      maxOldGenerationSizeMb: this.options.heapMb ?? defaultEngineHeapMb(),
      maxYoungGenerationSizeMb: ENGINE_YOUNG_GENERATION_MB,
    });
    this.ready = new Promise((resolve, reject) => {
      const onReady = (message: FromEngine) => {
        if (message.type !== 'ready') return;
        this.worker.off('message', onReady);
        log.info({ articles: message.articles }, 'the engine thread is ready');
        this.wasReady = true;
        resolve();
      };
      this.worker.on('message', onReady);
      this.worker.once('exit', (code) => reject(new Error(`the engine thread stopped before it was ready (exit ${code})`)));
    });
    // The first start reports its failure to `start`; later ones are logged by `onExit`.
    this.ready.catch(() => {});
    this.worker.on('message', (message: FromEngine) => this.onMessage(message));
    this.worker.on('error', (error) => log.error({ err: error }, 'the engine thread failed'));
    this.worker.once('exit', (code) => this.onExit(code));
  }

  private onExit(code: number): void {
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`the engine thread stopped (exit ${code}) before answering`));
      this.waiting.delete(id);
    }
    if (this.stopping || !this.wasReady) return;
    log.error({ code }, 'the engine thread stopped; starting a new one');
    this.spawn();
    if (this.jobsStarted) void this.ready.then(() => this.send({ type: 'startJobs' }), () => {});
  }

  private onMessage(message: FromEngine): void {
    if (message.type === 'post') {
      void this.options.post(message.channel, message.answer, message.threadTs ? { threadTs: message.threadTs } : {}).then(
        (posted) => this.send({ type: 'posted', id: message.id, ...(posted?.ts ? { ts: posted.ts } : {}) }),
        (error: unknown) => this.send({ type: 'posted', id: message.id, error: toWire(error) }),
      );
      return;
    }
    if (message.type === 'ready' || message.type === 'stopped') return;
    const waiting = this.waiting.get(message.id);
    if (!waiting) return; // timed out already
    this.waiting.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === 'failed') waiting.reject(fromWire(message.error));
    else waiting.resolve(message);
  }

  private async request(make: (id: number) => ToEngine): Promise<FromEngine> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`the engine did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      this.send(make(id));
    });
  }

  private send(message: ToEngine): void {
    this.worker.postMessage(message);
  }
}
