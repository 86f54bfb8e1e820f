/**
 * Monday's digest carries the week's money flow as a chart: the runner, posting through a real Web API
 * client to the local fake Slack, sends the message and uploads the PNG on Mondays only.
 */
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestRunner } from '../../src/digest/runner.ts';
import { isWeeklyChartDay } from '../../src/digest/weekly-flow.ts';
import { postAnswer } from '../../src/slack/post-answer.ts';
import { FileStateStore } from '../../src/state/file-store.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { article, captureLogs, corpusOf, tempDir } from './helpers.ts';

/** 08:00 in Berlin on Mon 9 Feb 2026 and on Tue 10 Feb 2026 (CET). */
const MONDAY = new Date('2026-02-09T07:00:00Z');
const TUESDAY = new Date('2026-02-10T07:00:00Z');

const round = article(
  'round.md',
  { title: 'Mistral raises €1.7 billion', outlet: 'Reuters', date: '2026-02-06' },
  'Mistral AI raised €1.7 billion in a Series C round led by ASML, the company said on Friday.',
);

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

async function digestAt(slot: Date, channel: string) {
  captureLogs();
  const store = new FileStateStore(tempDir('state'));
  await store.putSubscription({ channel, time: '08:00', timeZone: 'Europe/Berlin', quiet: false, active: true, disabledReason: null, activeSince: '2026-02-01T00:00:00.000Z' });
  await store.recordIngested([{ article: round.id, url: null, textHash: null, source: 'folder', arrivedAt: '2026-02-06T10:00:00.000Z' }]);
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
  const runner = new DigestRunner({ store, corpus: corpusOf([round]), post: (to, answer) => postAnswer(client, to, answer), graceMs: 3_600_000 });
  return runner.tick(new Date(slot.getTime() + 60_000));
}

describe('the weekly money flow', () => {
  it('is Monday in the channel’s time zone, whatever the day in UTC', () => {
    expect(isWeeklyChartDay(MONDAY, 'Europe/Berlin')).toBe(true);
    expect(isWeeklyChartDay(new Date('2026-02-08T23:30:00Z'), 'Europe/Berlin')).toBe(true); // Sunday in UTC
    expect(isWeeklyChartDay(new Date('2026-02-08T23:30:00Z'), 'UTC')).toBe(false);
    expect(isWeeklyChartDay(TUESDAY, 'Europe/Berlin')).toBe(false);
  });

  it("Monday's digest is posted, then the week's chart uploaded to the same channel", async () => {
    expect((await digestAt(MONDAY, 'CMON')).map((o) => o.outcome)).toEqual(['sent']);
    const message = await slack.waitFor('chat.postMessage', (c) => c.body.channel === 'CMON');
    expect(JSON.stringify(message.body.blocks)).toContain("Monday chart: the week's money flow, 1 deal by date and size, is attached.");
    const complete = await slack.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'CMON');
    const [file] = JSON.parse(complete.body.files);
    expect(file.title).toBe('Money flow: deals reported in the week to 2026-02-09');
    expect(slack.uploads.get(file.id)!.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it("another day's digest has no chart", async () => {
    expect((await digestAt(TUESDAY, 'CTUE')).map((o) => o.outcome)).toEqual(['sent']);
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === 'CTUE');
    expect(slack.callsTo('files.completeUploadExternal').filter((c) => c.body.channel_id === 'CTUE')).toHaveLength(0);
  });
});
