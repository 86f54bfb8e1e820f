/**
 * What the App Home tab shows the user who opens it, fresh each time: their watches (by channel), the
 * channels' daily digests, the week's biggest deals (one story each, cited), questions to try, and what
 * Dealdesk can do. Composed where the corpus and the state are (the engine), as a list of answers, one per
 * section; the Home listener renders them.
 */
import { answer } from '../../commands/index.ts';
import { correctionOf, correctionsIn } from '../answer/corrections.ts';
import { amountSize } from '../answer/facts.ts';
import type { Answer } from '../answer/model.ts';
import { groupStories, storyItem } from '../answer/stories.ts';
import type { CommandContext } from '../context.ts';
import { collectDigest, isNewsDeal } from '../digest/collect.ts';
import { count } from '../text/plural.ts';
import { describeWatch } from '../watch/describe.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Deals shown under "this week", and rows under watches and digests (a Home view holds 100 blocks). */
const MAX_DEALS = 5;
const MAX_ROWS = 12;

/** The sections of `user`'s Home tab, as of `ctx.now`. */
export async function homeSections(ctx: CommandContext, user: string): Promise<Answer[]> {
  return [await watchSection(ctx, user), await digestSection(ctx), await weekSection(ctx), await answer('/help', ctx)];
}

/** The user's active watches, each with its channel. */
async function watchSection(ctx: CommandContext, user: string): Promise<Answer> {
  const mine = (await ctx.store.listWatches()).filter((w) => w.active && w.user === user);
  const items = mine.map((w) => ({ text: `Watch ${w.id}: ${describeWatch(w.filter)}`, detail: `since ${w.createdAt.slice(0, 10)} · /watch off ${w.id} there stops it`, channel: w.channel, citations: [] }));
  const notes = mine.length ? [] : ['None yet. In a channel: /watch anthropic, /watch deals over $1B or /watch acquisitions — alerts come within a minute of the news.'];
  return section(`Your watches: ${mine.length}`, items.slice(0, MAX_ROWS), notes);
}

/** The channels that get a daily digest, and when. */
async function digestSection(ctx: CommandContext): Promise<Answer> {
  const subscriptions = (await ctx.store.listSubscriptions()).filter((s) => s.active);
  const items = subscriptions.slice(0, MAX_ROWS).map((s) => ({ text: `Daily at ${s.time} (${s.timeZone})${s.quiet ? ', quiet on days with nothing new' : ''}`, channel: s.channel, citations: [] }));
  const notes = subscriptions.length ? [] : ['No channel gets a digest yet. In a channel: /digest on 08:00 Europe/Berlin.'];
  return section(`Daily digests: ${count(subscriptions.length, 'channel')}`, items, notes);
}

/** The biggest deals first reported in the last seven days, one story each, cited. */
async function weekSection(ctx: CommandContext): Promise<Answer> {
  const week = collectDigest(ctx.corpus, await ctx.store.listIngested(), new Date(ctx.now.getTime() - WEEK_MS), ctx.now);
  const news = week.deals.filter((change) => change.change === 'new' && isNewsDeal(change, ctx.corpus, week.since)).map((change) => change.fact);
  // As in the digest, a story the team marked wrong is left out.
  const corrections = await correctionsIn(ctx.store);
  const stories = groupStories(news, ctx.corpus)
    .filter((story) => !correctionOf(story.members, corrections))
    .sort((a, b) => amountSize(b.deal.amount) - amountSize(a.deal.amount));
  const items = stories.slice(0, MAX_DEALS).map((story) => storyItem(story, ctx.corpus));
  const top = stories[0]?.deal.target;
  const tries = top
    ? [`Try: /deal ${top.toLowerCase()} · /number ${top.toLowerCase()} valuation chart · /watch ${top.toLowerCase()} · /deal ${top.toLowerCase()} csv`]
    : ['Try: /deal openai · /number anthropic valuation chart · /watch deals over $1B · /news Rechenzentrum'];
  const notes = [...(items.length ? [] : ['No new deal reported in the last seven days.']), ...tries, 'On any message: ⋯ → Check with Dealdesk.'];
  return section(`This week's biggest deals`, items, notes);
}

function section(title: string, items: Answer['items'], notes: string[]): Answer {
  return { command: 'home', title, items, notes, json: { command: 'home', section: title } };
}
