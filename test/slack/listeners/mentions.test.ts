import { inProcess } from '../../../src/app/answerer.ts';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { webApi } from '@slack/bolt';
import { RecentIds } from '../../../src/slack/listeners/dedupe.ts';
import { mentionListener } from '../../../src/slack/listeners/mentions.ts';
import { blockText, captureLog, seedContext } from '../fixtures.ts';

const API = 'http://127.0.0.1:9';
const BOT = 'UBOT';
const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${API}/api/`, retryConfig: { retries: 0 } });

/** Form bodies as the Web API client sends them, with `blocks` parsed. */
function formBody(body: unknown): Record<string, any> {
  const fields: Record<string, any> = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as object) };
  if (typeof fields.blocks === 'string') fields.blocks = JSON.parse(fields.blocks);
  return fields;
}

/** Records every chat.postMessage (any number of them). */
function recordPosts(): Record<string, any>[] {
  const posts: Record<string, any>[] = [];
  nock(API)
    .persist()
    .post('/api/chat.postMessage')
    .reply(200, (_uri, body) => {
      posts.push(formBody(body));
      return { ok: true, ts: '1700000200.000300' };
    });
  return posts;
}

let n = 0;
function mention(text: string, extra: Record<string, unknown> = {}, context: Record<string, unknown> = {}) {
  n += 1;
  const event = { type: 'app_mention', user: 'U1', text, ts: `1700000100.00${n}`, channel: 'C1', event_ts: `1700000100.00${n}`, ...extra };
  return { event, body: { type: 'event_callback', event_id: `Ev${n}`, event }, context: { botUserId: BOT, ...context }, client } as any;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.restoreAllMocks();
});
afterAll(() => nock.enableNetConnect());

describe('app_mention listener', () => {
  it('answers a top-level mention in a new thread under it, with escaped text', async () => {
    const posts = recordPosts();
    const args = mention(`<@${BOT}> Indiana &lt;b&gt; <https://evil.example|bank> <!channel>`);
    await mentionListener(inProcess(seedContext()))(args);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.channel).toBe('C1');
    expect(post.thread_ts).toBe(args.event.ts);
    expect(post.text).toContain('News for “Indiana &lt;b&gt; bank @channel”');
    expect(post.text).not.toMatch(/[<>]/);
    expect(blockText(post.blocks)).toContain('*Indiana*');
    expect(JSON.stringify(post.blocks)).not.toContain('<!channel>');
  });

  it('answers in the thread, reading the thread as context for a follow-up', async () => {
    const posts = recordPosts();
    const parent = '1700000000.000100';
    let repliesQuery: Record<string, any> = {};
    nock(API)
      .post('/api/conversations.replies')
      .reply(200, (_uri, body) => {
        repliesQuery = formBody(body);
        return {
          ok: true,
          messages: [
            { user: 'U2', ts: parent, text: `<@${BOT}> how much is Amazon putting into OpenAI?` },
            { user: BOT, bot_id: 'BBOT', ts: '1700000001.000100', text: 'Amazon → OpenAI' },
            { user: 'U1', ts: '1700000100.000200', text: `<@${BOT}> and Nvidia?` },
            { user: 'U3', ts: '1700000300.000200', text: 'a later message is not context' },
          ],
        };
      });
    await mentionListener(inProcess(seedContext()))(mention(`<@${BOT}> and Nvidia?`, { ts: '1700000100.000200', thread_ts: parent }));
    expect(repliesQuery).toMatchObject({ channel: 'C1', ts: parent });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.thread_ts).toBe(parent);
    // "and Nvidia?" was read as "how much is Nvidia putting into OpenAI?" (whichever command answers it)
    const header = posts[0]!.blocks[0].text.text as string;
    expect(header).toMatch(/Nvidia/);
    expect(header).toMatch(/OpenAI/);
    expect(header).not.toMatch(/Amazon/);
  });

  it('answers the question alone when the thread cannot be read', async () => {
    const logged = captureLog();
    try {
      const posts = recordPosts();
      nock(API).post('/api/conversations.replies').reply(200, { ok: false, error: 'missing_scope' });
      await mentionListener(inProcess(seedContext()))(mention(`<@${BOT}> Indiana`, { thread_ts: '1700000000.000100' }));
      expect(posts[0]!.thread_ts).toBe('1700000000.000100');
      expect(posts[0]!.blocks[0].text.text).toBe('News for “Indiana”');
      expect(logged.lines.find((l) => l.level === 40)?.msg).toBe('could not read the thread; answering the question alone');
    } finally {
      logged.restore();
    }
  });

  it('replies once to the same event_id delivered twice', async () => {
    const posts = recordPosts();
    const listener = mentionListener(inProcess(seedContext()), { seen: new RecentIds() });
    const args = mention(`<@${BOT}> Indiana`);
    await listener(args);
    await listener({ ...args });
    expect(posts).toHaveLength(1);
  });

  it('replies once to the same message delivered under two event ids', async () => {
    const posts = recordPosts();
    const listener = mentionListener(inProcess(seedContext()), { seen: new RecentIds() });
    const args = mention(`<@${BOT}> Indiana`);
    await listener(args);
    await listener({ ...args, body: { ...args.body, event_id: 'EvOther' } });
    expect(posts).toHaveLength(1);
  });

  it('remembers a mention however many bot events arrive after it', async () => {
    const posts = recordPosts();
    const listener = mentionListener(inProcess(seedContext()), { seen: new RecentIds(3) });
    const args = mention(`<@${BOT}> Indiana`);
    await listener(args);
    for (let i = 0; i < 10; i++) await listener(mention(`<@${BOT}> Indiana`, { bot_id: 'B2', user: undefined }));
    await listener({ ...args });
    expect(posts).toHaveLength(1);
  });

  it('ignores a retry of a delivery Slack timed out on, even with an event_id it has not seen', async () => {
    const posts = recordPosts();
    await mentionListener(inProcess(seedContext()))(mention(`<@${BOT}> Indiana`, {}, { retryNum: 1, retryReason: 'http_timeout' }));
    expect(posts).toHaveLength(0);
  });

  it('answers a retry whose first delivery never arrived (connection_failed)', async () => {
    const posts = recordPosts();
    await mentionListener(inProcess(seedContext()))(mention(`<@${BOT}> Indiana`, {}, { retryNum: 1, retryReason: 'connection_failed' }));
    expect(posts).toHaveLength(1);
  });

  it('ignores bots and its own messages', async () => {
    const posts = recordPosts();
    const listener = mentionListener(inProcess(seedContext()));
    await listener(mention(`<@${BOT}> Indiana`, { bot_id: 'B2', user: undefined }));
    await listener(mention(`<@${BOT}> Indiana`, { user: BOT }));
    expect(posts).toHaveLength(0);
  });

  it('apologises in the thread with an error id when answering fails', async () => {
    const logged = captureLog();
    try {
      const posts = recordPosts();
      const ctx = seedContext();
      vi.spyOn(ctx.corpus, 'search').mockImplementation(() => {
        throw new Error('index exploded');
      });
      const args = mention(`<@${BOT}> Indiana`);
      await mentionListener(inProcess(ctx))(args);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.thread_ts).toBe(args.event.ts);
      const errorId = /error id `([0-9a-f]{8})`/.exec(posts[0]!.text)?.[1];
      expect(logged.lines.find((l) => l.errorId === errorId)?.err.stack).toContain('index exploded');
    } finally {
      logged.restore();
    }
  });
});
