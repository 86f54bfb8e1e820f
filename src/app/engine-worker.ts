/**
 * The engine thread (started by engine-thread.ts): it loads the corpus, answers, and runs the background
 * jobs (ingestion, digests). Digests are posted through the Slack thread, which owns the Web API client.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSnapshot } from '../search/load-corpus.ts';
import { log } from '../log.ts';
import { stateStoreFor } from '../state/open-store.ts';
import type { CommandContext } from '../context.ts';
import type { PostAnswer } from '../answer/model.ts';
import { inProcess } from './answerer.ts';
import { startBackgroundJobs, type BackgroundJobs } from './background.ts';
import { createContext } from './create-context.ts';
import { fromWire, toWire, type EngineSetup, type FromEngine, type ToEngine, type WireError } from './engine-protocol.ts';

const port = parentPort!;
const { config, snapshot } = workerData as EngineSetup;
const send = (message: FromEngine) => port.postMessage(message);

function contextOf(): CommandContext {
  if (!snapshot) return createContext(config);
  return {
    corpus: readSnapshot(snapshot.file, snapshot.fingerprint),
    channel: 'console',
    store: stateStoreFor(config),
    digestDefaults: { time: config.DIGEST_TIME, timeZone: config.DIGEST_TZ },
    get now() {
      return new Date();
    },
  };
}

const ctx = contextOf();
const answerer = inProcess(ctx);
let jobs: BackgroundJobs | null = null;

/** Posts (digests, alerts) waiting for the Slack thread's reply, by id. */
const posts = new Map<number, { resolve: (posted: { ts?: string }) => void; reject: (error: Error) => void }>();
let nextPost = 0;

const post: PostAnswer = (channel, answer, options = {}) => {
  const id = nextPost++;
  return new Promise((resolve, reject) => {
    posts.set(id, { resolve, reject });
    send({ type: 'post', id, channel, answer, ...(options.threadTs ? { threadTs: options.threadTs } : {}) });
  });
};

async function reply(id: number, work: () => Promise<FromEngine>): Promise<void> {
  try {
    send(await work());
  } catch (error) {
    send({ type: 'failed', id, error: toWire(error) });
  }
}

function settlePost(id: number, ts: string | undefined, error: WireError | undefined): void {
  const waiting = posts.get(id);
  posts.delete(id);
  if (error) waiting?.reject(fromWire(error));
  else waiting?.resolve(ts ? { ts } : {});
}

port.on('message', (message: ToEngine) => {
  switch (message.type) {
    case 'answer':
      void reply(message.id, async () => ({
        type: 'answered',
        id: message.id,
        answer: await answerer.answer(message.line, { channel: message.channel, now: new Date(message.now), surface: message.surface, user: message.user }),
      }));
      break;
    case 'feedback':
      void reply(message.id, async () => ({ type: 'recorded', id: message.id, receipt: await answerer.recordFeedback(message.feedback, new Date(message.now)) }));
      break;
    case 'threadLine':
      void reply(message.id, async () => ({ type: 'line', id: message.id, line: await answerer.threadLine(message.question, message.earlier, message.botUserId) }));
      break;
    case 'home':
      void reply(message.id, async () => ({
        type: 'home',
        id: message.id,
        sections: await answerer.home({ user: message.user, channel: message.channel, now: new Date(message.now), surface: 'slack' }),
      }));
      break;
    case 'startJobs':
      if (!snapshot && !jobs) {
        startBackgroundJobs({ config, ctx, post, store: ctx.store }).then(
          (started) => (jobs = started),
          (error: unknown) => log.error({ err: error }, 'could not start the background jobs'),
        );
      }
      break;
    case 'posted':
      settlePost(message.id, message.ts, message.error);
      break;
    case 'stop':
      void (jobs?.stop() ?? Promise.resolve()).finally(() => {
        send({ type: 'stopped' });
        port.close();
      });
      break;
  }
});

send({ type: 'ready', articles: ctx.corpus.articles.length });
