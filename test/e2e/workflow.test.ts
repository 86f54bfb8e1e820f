/**
 * Issue 15's Slack workflow end to end: the real app in HTTP mode against the fake Slack (signed requests
 * in, Web API calls out), one part per `describe`.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BOT_USER_ID, type FakeSlack } from '../helpers/fake-slack.ts';
import { eventBody, FORM, slashCommand, startE2eApp, useE2eApp, type E2eApp } from '../helpers/e2e-http.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { blockText } from '../slack/fixtures.ts';

const app = useE2eApp();
let e2e: E2eApp;
let slack: FakeSlack;
beforeAll(() => {
  e2e = app();
  slack = e2e.slack;
});

/** The CSV text of an upload: UTF-8 after its byte-order mark. */
function csvOf(bytes: Buffer): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8'), { columns: true });
}

/** A message shortcut's interaction payload as Slack posts it (form field `payload`). */
function shortcutBody(message: { text: string; ts: string; thread_ts?: string }, responseId: string, channel = 'C1'): string {
  const payload = {
    type: 'message_action',
    callback_id: 'check_with_dealdesk',
    trigger_id: '1.2.abc',
    action_ts: `${Date.now() / 1000}`,
    team: { id: 'T1', domain: 'newsroom' },
    user: { id: 'U1', name: 'analyst', team_id: 'T1' },
    channel: { id: channel, name: 'money' },
    message: { type: 'message', user: 'U2', ...message },
    response_url: slack.responseUrl(responseId),
    token: 'legacy-verification-token',
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('watches that alert', () => {
  let watching: E2eApp;
  let corpusDir: string;
  /** Drops an article into the corpus folder as if it had been written a while ago (so ingestion need not wait for it to settle). */
  const drop = (name: string, text: string) => {
    const file = path.join(corpusDir, name);
    writeFileSync(file, text);
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
  };
  beforeAll(async () => {
    const corpus = tempCorpus({ 'old.md': '---\ntitle: Old news\noutlet: Wire\ndate: 2026-01-02\n---\nNvidia invested $2 billion in xAI last year.\n' });
    corpusDir = corpus.corpusDir;
    watching = await startE2eApp({ corpusDir, env: { INGEST_INTERVAL_S: '5' } });
  });
  afterAll(async () => {
    await watching?.stop();
  });

  it('/watch sets a watch; a new article alerts once with its quote and link; the same deal from another outlet goes into the thread', async () => {
    const { slack: fake } = watching;
    await watching.send(slashCommand(fake, '/watch', 'mistral ai over €100M', 'watch-1'), { contentType: FORM });
    const set = await fake.waitFor('/response/watch-1');
    expect(set.body.blocks[0].text.text).toBe('Watching Mistral AI: deals over €100M in this channel (watch 1).');
    drop('reuters.md', '---\ntitle: Mistral raises EUR 1.7 billion\noutlet: Reuters\ndate: 2026-02-06\nurl: https://example.org/reuters\n---\nMistral AI has raised 1.7 billion euros in a Series C round led by ASML, the company said on Friday.\n');
    watching.engine.startJobs();
    const alert = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C1' && !c.body.thread_ts, 10_000);
    expect(alert.body.blocks[0].text.text).toBe('Watch 1 (Mistral AI: deals over €100M): new deal');
    const text = blockText(alert.body.blocks);
    expect(text).toContain('Mistral AI: Series C · led by ASML · €1.7B');
    expect(text).toContain('“Mistral AI has raised *1.7 billion euros* in a Series C round led by ASML, the company said on Friday.”');
    expect(text).toContain('https://example.org/reuters');

    drop('hb.md', '---\ntitle: Mistral AI sammelt Milliarden ein\noutlet: Handelsblatt\ndate: 2026-02-07\nlang: de\n---\nDas französische KI-Start-up Mistral AI hat in einer Finanzierungsrunde rund 1,8 Milliarden Euro eingesammelt, angeführt von ASML.\n');
    const reply = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C1' && Boolean(c.body.thread_ts), 10_000);
    expect(reply.body.thread_ts, 'in the first alert’s thread').toBe(alert.reply!.ts);
    expect(reply.body.blocks[0].text.text).toBe('Also reported by Handelsblatt');
    expect(blockText(reply.body.blocks)).toContain('rund 1,8 Milliarden Euro');
    const posted = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1' && !c.body.thread_ts);
    expect(posted, 'one alert, however many outlets').toHaveLength(1);
  }, 30_000);

  it('/watch list and /watch off answer from the same state', async () => {
    const { slack: fake } = watching;
    await watching.send(slashCommand(fake, '/watch', 'list', 'watch-2'), { contentType: FORM });
    expect(blockText((await fake.waitFor('/response/watch-2')).body.blocks)).toContain('Watch 1: Mistral AI: deals over €100M');
    await watching.send(slashCommand(fake, '/watch', 'off 1', 'watch-3'), { contentType: FORM });
    expect((await fake.waitFor('/response/watch-3')).body.blocks[0].text.text).toBe('Stopped watch 1 (Mistral AI: deals over €100M).');
  });
});

describe('App Home', () => {
  it('opening the Home tab publishes the user’s watches, the digests, the week’s deals and questions to try, fresh each time', async () => {
    await e2e.send(slashCommand(slack, '/watch', 'anthropic', 'home-1'), { contentType: FORM });
    await slack.waitFor('/response/home-1');
    await e2e.send(eventBody('EvHome1', { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700003000.000100' }));
    const published = await slack.waitFor('views.publish', (c) => c.body.user_id === 'U1');
    expect(published.body.view.type).toBe('home');
    const headers = published.body.view.blocks.filter((b: any) => b.type === 'header').map((b: any) => b.text.text);
    expect(headers).toEqual(['Your watches: 1', 'Daily digests: 0 channels', "This week's biggest deals", 'Dealdesk: who invests how much in whom in AI']);
    expect(blockText(published.body.view.blocks)).toContain('Watch 1: Anthropic: deals and figures');
    expect(published.body.view.blocks.length).toBeLessThanOrEqual(100);
    await e2e.send(slashCommand(slack, '/watch', 'off 1', 'home-2'), { contentType: FORM });
    await slack.waitFor('/response/home-2');
    await e2e.send(eventBody('EvHome2', { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700003001.000100' }));
    const again = await slack.waitFor('views.publish', (c) => c !== published && c.body.user_id === 'U1');
    expect(again.body.view.blocks.find((b: any) => b.type === 'header').text.text).toBe('Your watches: 0');
  });
});

describe('one story per deal', () => {
  let stories: E2eApp;
  beforeAll(async () => {
    const corpus = tempCorpus({
      'reuters.md': '---\ntitle: Mistral raises EUR 1.7 billion\noutlet: Reuters\ndate: 2026-02-06\n---\nMistral AI has raised 1.7 billion euros in a Series C round led by ASML, the company said on Friday.\n',
      'hb.md': '---\ntitle: Mistral AI sammelt Milliarden ein\noutlet: Handelsblatt\ndate: 2026-02-07\nlang: de\n---\nDas französische KI-Start-up Mistral AI hat in einer Finanzierungsrunde rund 1,8 Milliarden Euro eingesammelt, angeführt von ASML.\n',
    });
    stories = await startE2eApp({ corpusDir: corpus.corpusDir });
  });
  afterAll(async () => {
    await stories?.stop();
  });

  it('/deal shows a round two outlets reported as one item: who reported it, where they differ, both cited', async () => {
    await stories.send(slashCommand(stories.slack, '/deal', 'mistral', 'story-1'), { contentType: FORM });
    const { body } = await stories.slack.waitFor('/response/story-1');
    const sections = body.blocks.filter((b: any) => b.type === 'section');
    expect(sections).toHaveLength(1);
    const text = blockText(body.blocks);
    expect(text).toContain('Mistral AI: Series C · led by ASML · €1.7B');
    expect(text).toContain('reported by Reuters and Handelsblatt');
    expect(text).toContain('sources differ on the amount: about €1.8B (Handelsblatt) vs. €1.7B (Reuters)');
    expect(text).toContain('— Reuters · 2026-02-06');
    expect(text).toContain('— Handelsblatt · 2026-02-07');
  });
});

describe('ask anywhere (the message shortcut, direct messages)', () => {
  it('"Check with Dealdesk" on a message checks its text and answers in its thread, cited', async () => {
    const ts = '1700001000.000100';
    const res = await e2e.send(shortcutBody({ text: 'Amazon will invest $50bn in OpenAI', ts }, 'sc-1'), { contentType: FORM });
    expect(res.status).toBe(200);
    const post = await slack.waitFor('chat.postMessage', (c) => c.body.thread_ts === ts);
    expect(post.body.channel).toBe('C1');
    expect(post.body.blocks[0].text.text).toMatch(/^Partly supported: up to \$50B, still in talks/);
    expect(JSON.stringify(post.body.blocks)).toContain('wallstreet-online');
  });

  it('answers privately, with how to invite the bot, where it cannot post; a message with nothing to check gets usage privately', async () => {
    slack.errors['chat.postMessage'] = 'not_in_channel';
    try {
      await e2e.send(shortcutBody({ text: 'Amazon will invest $50bn in OpenAI', ts: '1700001100.000100' }, 'sc-2', 'C9'), { contentType: FORM });
      const { body } = await slack.waitFor('/response/sc-2');
      expect(body.response_type).toBe('ephemeral');
      expect(JSON.stringify(body.blocks)).toContain('Invite me with /invite @Dealdesk');
    } finally {
      delete slack.errors['chat.postMessage'];
    }
    await e2e.send(shortcutBody({ text: '', ts: '1700001200.000100' }, 'sc-3'), { contentType: FORM });
    const { body } = await slack.waitFor('/response/sc-3');
    expect(body.response_type).toBe('ephemeral');
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === '1700001200.000100')).toHaveLength(0);
  });

  it('answers a direct message in the conversation, and ignores its own replies and edits there', async () => {
    const dm = (eventId: string, event: Record<string, unknown>) => eventBody(eventId, { type: 'message', channel: 'D1', channel_type: 'im', ...event });
    await e2e.send(dm('EvDm1', { text: '/deal openai', ts: '1700002000.000100' }));
    const post = await slack.waitFor('chat.postMessage', (c) => c.body.channel === 'D1');
    expect(post.body.thread_ts).toBeUndefined();
    expect(post.body.blocks[0].text.text).toBe('Deals involving OpenAI');
    await e2e.send(dm('EvDm2', { text: 'Deals involving OpenAI', ts: '1700002001.000100', user: BOT_USER_ID, bot_id: 'BBOT' }));
    await e2e.send(dm('EvDm3', { subtype: 'message_changed', ts: '1700002002.000100', message: { text: '/deal anthropic' } }));
    await e2e.send(dm('EvDm4', { text: 'and in a thread: /news Indiana', ts: '1700002003.000100', thread_ts: '1700002000.000100' }));
    const threaded = await slack.waitFor('chat.postMessage', (c) => c.body.channel === 'D1' && c.body.thread_ts === '1700002000.000100');
    expect(threaded.body.text).toBeTruthy();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D1')).toHaveLength(2);
  });
});

describe('charts (/number … chart, /deal … chart)', () => {
  it('answers /number anthropic valuation chart and uploads the PNG to the channel', async () => {
    await e2e.send(slashCommand(slack, '/number', 'anthropic valuation chart', 'chart-1'), { contentType: FORM });
    const { body } = await slack.waitFor('/response/chart-1');
    expect(body.blocks[0].text.text).toBe('Figures for “anthropic valuation”');
    const complete = await slack.waitFor('files.completeUploadExternal', (c) => JSON.parse(c.body.files)[0].title === 'Anthropic valuation over time');
    expect(complete.body.channel_id).toBe('C1');
    const png = slack.uploads.get(JSON.parse(complete.body.files)[0].id)!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
  });
});

describe('exports (/deal … csv)', () => {
  it('answers /deal openai csv in the channel and uploads every deal as a CSV with its sources', async () => {
    const res = await e2e.send(slashCommand(slack, '/deal', 'openai csv', 'csv-1'), { contentType: FORM });
    expect(res.status).toBe(200);
    const { body } = await slack.waitFor('/response/csv-1');
    expect(body.blocks[0].text.text).toBe('Deals involving OpenAI');
    const complete = await slack.waitFor('files.completeUploadExternal', (c) => JSON.parse(c.body.files)[0].title === 'Deals involving OpenAI (CSV)');
    expect(complete.body.channel_id).toBe('C1');
    const [file] = JSON.parse(complete.body.files);
    const requested = slack.callsTo('files.getUploadURLExternal').find((c) => c.body.filename === 'deals-openai.csv')!.body;
    expect(requested.filename).toBe('deals-openai.csv');
    const rows = csvOf(slack.uploads.get(file.id)!);
    expect(Number(requested.length)).toBe(slack.uploads.get(file.id)!.length);
    const investors = rows.map((r) => r.investors);
    for (const investor of ['Amazon', 'Nvidia', 'SoftBank', 'Microsoft']) expect(investors.some((i) => i!.includes(investor)), investor).toBe(true);
    for (const row of rows) {
      expect(`${row.target} ${row.investors}`).toContain('OpenAI');
      expect(row.quote!.length, 'every row quotes its source').toBeGreaterThan(20);
      expect(row.outlet).not.toBe('');
    }
    const amazon = rows.find((r) => r.investors === 'Amazon')!;
    expect(amazon).toMatchObject({ amount: '50000000000', currency: 'USD', qualifier: 'up_to', amount_text: 'up to $50B', status: 'talks' });
  });

  it('attaches the CSV in the thread when asked in a mention', async () => {
    const ts = '1700000900.000100';
    await e2e.send(eventBody('EvCsv1', { text: `<@${BOT_USER_ID}> /deal anthropic csv`, ts }));
    const complete = await slack.waitFor('files.completeUploadExternal', (c) => c.body.thread_ts === ts);
    expect(complete.body.channel_id).toBe('C1');
    expect(JSON.parse(complete.body.files)[0].title).toBe('Deals involving Anthropic (CSV)');
  });

  it('tells the user privately when it cannot upload to the conversation, after the answer itself', async () => {
    slack.errors['files.completeUploadExternal'] = 'not_in_channel';
    try {
      await e2e.send(slashCommand(slack, '/deal', 'openai csv', 'csv-3', 'C9'), { contentType: FORM });
      const replies = async () => {
        await slack.waitFor('/response/csv-3', (c) => /not in this conversation/.test(c.body.text ?? ''));
        return slack.callsTo('/response/csv-3');
      };
      const [answer, apology] = await replies();
      expect(answer!.body.blocks[0].text.text).toBe('Deals involving OpenAI');
      expect(apology!.body).toMatchObject({ response_type: 'ephemeral' });
      expect(apology!.body.text).toContain('/invite @Dealdesk');
    } finally {
      delete slack.errors['files.completeUploadExternal'];
    }
  });
});
