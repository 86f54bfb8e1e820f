/**
 * `/digest on [HH:MM] [Area/City] [quiet]`, `off`, `status`, `now`: the daily digest of a channel (in the
 * console and `ask`, the channel is `console`). Subscriptions live in the state store, so `status` in a new
 * process shows what `on` set; the background runner (src/digest/runner.ts) does the sending.
 *
 * JSON: `on`/`off`/`status` → `{ command: 'digest', action, channel, subscription, nextRun, lastRun, … }`;
 * `now` → the digest's own JSON (see src/digest/compose.ts) plus `action: 'now'`, `preview: true` and
 * `subscribed`.
 */
import { z } from 'zod';
import type { DigestLastRun, DigestStatusJson } from '../src/answer/contracts.ts';
import type { Answer } from '../src/answer/model.ts';
import { isValidTimeZone } from '../src/config.ts';
import { collectDigest, latestArticles } from '../src/digest/collect.ts';
import { digestAnswer } from '../src/digest/compose.ts';
import { correctionsIn } from '../src/answer/corrections.ts';
import { count } from '../src/text/plural.ts';
import { digestSince } from '../src/digest/runner.ts';
import { formatInZone, formatLocalTime, nextRunAt, parseLocalTime } from '../src/digest/schedule.ts';
import type { DigestLog, Subscription } from '../src/state/types.ts';
import { parseArgs, UsageError, type Command } from './types.ts';
import type { CommandContext } from '../src/context.ts';

const usage = [
  'Usage: /digest on [HH:MM] [Area/City] [quiet] · /digest off · /digest status · /digest now',
  'Examples: /digest on 08:00 Europe/Berlin · /digest on 07:30 America/New_York quiet · /digest now',
  '`quiet`: no message on days with nothing new. Without a time or zone the defaults (DIGEST_TIME, DIGEST_TZ) apply.',
].join('\n');

const timeSchema = z
  .string()
  .refine((text) => parseLocalTime(text) !== null, {
    error: (issue) => `“${String(issue.input)}” is not a time of day: use HH:MM on the 24-hour clock, e.g. 08:00 or 17:30.`,
  })
  .transform((text) => formatLocalTime(parseLocalTime(text)!));

const zoneSchema = z
  .string()
  .refine(isValidTimeZone, {
    error: (issue) => `“${String(issue.input)}” is not a time zone: use an IANA name such as Europe/Berlin, Europe/London or America/New_York.`,
  })
  .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone);

const argsSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('on'), time: timeSchema.optional(), timeZone: zoneSchema.optional(), quiet: z.boolean() }),
  z.object({ action: z.enum(['off', 'status', 'now']) }),
]);
export type DigestArgs = z.infer<typeof argsSchema>;

/** Sorts the words after `on` into time (starts with a digit), `quiet`, and zone (anything else). */
function onArguments(words: string[]): { time?: string; timeZone?: string; quiet: boolean } {
  const args: { time?: string; timeZone?: string; quiet: boolean } = { quiet: false };
  for (const word of words) {
    const slot = word.toLowerCase() === 'quiet' ? 'quiet' : /^\d/.test(word) ? 'time' : 'timeZone';
    if (slot === 'quiet') args.quiet = true;
    else if (args[slot] !== undefined) throw new UsageError(`Give one ${slot === 'time' ? 'time' : 'time zone'} only, not “${args[slot]}” and “${word}”.`);
    else args[slot] = word;
  }
  return args;
}

function parse(text: string): DigestArgs {
  const [action = 'status', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const verb = action.toLowerCase();
  let raw: unknown;
  if (verb === 'on') raw = { action: 'on', ...onArguments(rest) };
  else if (verb === 'off' || verb === 'status' || verb === 'now') {
    if (rest.length) throw new UsageError(`/digest ${verb} takes no arguments (got “${rest.join(' ')}”).`);
    raw = { action: verb };
  } else throw new UsageError(`Unknown action “${action}”: use on, off, status or now.`);
  return parseArgs(argsSchema, raw);
}

async function turnOn(args: Extract<DigestArgs, { action: 'on' }>, ctx: CommandContext): Promise<Answer> {
  const fallback = ctx.digestDefaults;
  const subscription: Subscription = {
    channel: ctx.channel,
    time: args.time ?? fallback.time,
    timeZone: args.timeZone ?? fallback.timeZone,
    quiet: args.quiet,
    active: true,
    disabledReason: null,
    activeSince: ctx.now.toISOString(),
  };
  await ctx.store.putSubscription(subscription);
  const next = nextRun(subscription, ctx.now);
  return {
    command: 'digest',
    title: `Daily digest on for ${channelName(ctx)}: ${subscription.time} ${subscription.timeZone}${subscription.quiet ? ', quiet' : ''}`,
    items: [],
    notes: [
      `Next digest: ${formatInZone(next, subscription.timeZone)}.`,
      subscription.quiet ? 'On days with nothing new there will be no message.' : 'On days with nothing new it says so in one line.',
      ...(ctx.surface === 'slack' ? [INVITE] : []),
    ],
    ...slackChannel(ctx),
    json: { command: 'digest', action: 'on', channel: ctx.channel, subscription, nextRun: next.toISOString() },
  };
}

/** Digests are posted as the bot: it must be in the channel. */
const INVITE = 'Dealdesk posts the digest only where it is a member: if it is not in this channel yet, invite it (/invite @Dealdesk).';

/** "this channel" in Slack (the answer names it as a link, see `slackChannel`), the console's own name elsewhere. */
function channelName(ctx: CommandContext): string {
  return ctx.surface === 'slack' ? 'this channel' : ctx.channel;
}

/** In Slack, the answer carries the channel, which Block Kit shows as a link. */
function slackChannel(ctx: CommandContext): { channel?: string } {
  return ctx.surface === 'slack' ? { channel: ctx.channel } : {};
}

async function turnOff(ctx: CommandContext): Promise<Answer> {
  const { store } = ctx;
  const subscription = await store.getSubscription(ctx.channel);
  if (!subscription?.active) {
    return {
      command: 'digest',
      title: `${capitalised(channelName(ctx))} gets no daily digest; nothing to turn off.`,
      items: [],
      notes: [],
      ...slackChannel(ctx),
      json: { command: 'digest', action: 'off', channel: ctx.channel, subscription },
    };
  }
  const off = { ...subscription, active: false, disabledReason: null, disabledAt: ctx.now.toISOString() };
  await store.putSubscription(off);
  return {
    command: 'digest',
    title: `Daily digest off for ${channelName(ctx)}.`,
    items: [],
    notes: ['/digest on turns it back on; the next digest then starts where the last one ended.'],
    ...slackChannel(ctx),
    json: { command: 'digest', action: 'off', channel: ctx.channel, subscription: off },
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What Slack's error codes mean for a digest, in words. */
const DISABLED_REASONS: Record<string, string> = {
  not_in_channel: 'the bot is not a member of this channel',
  channel_not_found: 'the channel was not found (deleted, or the bot cannot see it)',
  is_archived: 'the channel is archived',
  missing_scope: 'the app lacks a permission',
};

async function status(ctx: CommandContext): Promise<Answer> {
  const { store } = ctx;
  const subscription = await store.getSubscription(ctx.channel);
  const digestLog = await store.getDigestLog(ctx.channel);
  const json: DigestStatusJson = { command: 'digest', action: 'status', channel: ctx.channel, subscription, lastRun: lastRunJson(digestLog) };
  if (!subscription) {
    return { command: 'digest', title: `${capitalised(channelName(ctx))} gets no daily digest.`, items: [], notes: ['Subscribe with /digest on [HH:MM] [Area/City] [quiet].'], ...slackChannel(ctx), json };
  }
  const zone = subscription.timeZone;
  const notes: string[] = [];
  if (subscription.active) {
    const next = nextRun(subscription, ctx.now);
    json.nextRun = next.toISOString();
    notes.push(`Next digest: ${formatInZone(next, zone)}.`);
  } else {
    const when = subscription.disabledAt ? ` on ${formatInZone(new Date(subscription.disabledAt), zone)}` : '';
    const reason = subscription.disabledReason;
    notes.push(
      reason
        ? `Switched off by the bot${when}: Slack said ${reason} — ${DISABLED_REASONS[reason] ?? 'the digest could not be posted'}. Invite the bot (/invite @Dealdesk), then /digest on.`
        : `Switched off with /digest off${when}.`,
    );
  }
  notes.push(lastRunLine(digestLog, zone));
  const since = digestSince(subscription, digestLog);
  const content = collectDigest(ctx.corpus, await store.listIngested(), since, ctx.now);
  const covers = { articles: content.articles.length, deals: content.deals.length, figures: content.figures.length, conflicts: content.conflicts.length };
  json.covers = { since: since.toISOString(), ...covers };
  notes.push(
    `It will cover what arrived since ${formatInZone(since, zone)}: so far ${count(covers.articles, 'article')}, ${count(covers.deals, 'deal')}, ${count(covers.figures, 'figure')}, ${count(covers.conflicts, 'conflict')}.`,
  );
  const state = subscription.active ? 'on' : 'off';
  return {
    command: 'digest',
    title: `Daily digest for ${channelName(ctx)}: ${state}, ${subscription.time} ${zone}${subscription.quiet ? ', quiet' : ''}`,
    items: [],
    notes,
    ...slackChannel(ctx),
    json,
  };
}

async function preview(ctx: CommandContext): Promise<Answer> {
  const { store } = ctx;
  const subscription = await store.getSubscription(ctx.channel);
  const timeZone = subscription?.timeZone ?? ctx.digestDefaults.timeZone;
  const since = subscription
    ? digestSince(subscription, await store.getDigestLog(ctx.channel))
    : new Date(ctx.now.getTime() - 24 * 3_600_000);
  const ingested = await store.listIngested();
  // A fresh install has had no arrivals: show the newest articles rather than an empty brief.
  const fresh = ingested.length === 0;
  const content = collectDigest(ctx.corpus, fresh ? latestArticles(ctx.corpus, ctx.now) : ingested, since, ctx.now);
  const answer = digestAnswer(ctx.corpus, content, { channel: ctx.channel, timeZone, corrections: await correctionsIn(store) });
  const note = subscription?.active
    ? `Preview of the next digest (${formatInZone(nextRun(subscription, ctx.now), timeZone)}), as of now.`
    : 'Preview of the last 24 hours: this channel has no active digest. /digest on sends one every morning.';
  const freshNote = 'No article has arrived since Dealdesk started, so this shows the newest articles of the corpus; digests report what arrives from now on.';
  return {
    ...answer,
    ...(fresh && content.articles.length ? { title: `The latest: ${count(content.articles.length, 'article')} (nothing has arrived yet)` } : {}),
    notes: [...answer.notes, ...(fresh ? [freshNote] : []), note],
    ...slackChannel(ctx),
    json: { ...answer.json, action: 'now', preview: true, subscribed: Boolean(subscription?.active) },
  };
}

function nextRun(subscription: Subscription, now: Date): Date {
  return nextRunAt(parseLocalTime(subscription.time)!, subscription.timeZone, now);
}

const OUTCOME_WORDS: Record<NonNullable<DigestLog['lastOutcome']>, string> = {
  sent: 'sent',
  nothing_new: 'sent ("nothing new")',
  quiet: 'nothing new, stayed quiet',
  skipped: 'skipped: the bot was down past the grace period',
  sending: 'delivery not confirmed: the bot stopped while posting',
};

function lastRunLine(digestLog: DigestLog, zone: string): string {
  if (!digestLog.lastSlot || !digestLog.lastOutcome) return 'Last digest: none yet.';
  return `Last digest: ${formatInZone(new Date(digestLog.lastSlot), zone)} — ${OUTCOME_WORDS[digestLog.lastOutcome]}.`;
}

function lastRunJson(digestLog: DigestLog): DigestLastRun | null {
  return digestLog.lastSlot ? { slot: digestLog.lastSlot, outcome: digestLog.lastOutcome, sentAt: digestLog.lastSentAt } : null;
}

export const digest: Command<DigestArgs> = {
  name: 'digest',
  summary: 'Daily digest of new articles, deals and figures for this channel: on, off, status, now.',
  usage,
  hint: 'on [HH:MM] [Area/City] [quiet] | off | status | now',
  parse,
  async run(args, ctx) {
    switch (args.action) {
      // Answers that switch the subscription are not for sharing: they report a change, not the news.
      case 'on':
        return { ...(await turnOn(args, ctx)), changedState: true };
      case 'off':
        return { ...(await turnOff(ctx)), changedState: true };
      case 'status':
        return status(ctx);
      case 'now':
        return preview(ctx);
    }
  },
};
