/**
 * `/watch <what>`, `/watch list`, `/watch off N`: alerts in this channel when a new article reports a deal
 * (or, for a company, a figure) the watch follows. What a watch follows, in words:
 *   `/watch anthropic`            Anthropic's deals and its new valuation or revenue figures
 *   `/watch deals over $1B`       any deal of at least $1B (other currencies at reference rates)
 *   `/watch acquisitions`         any acquisition (kinds: acquisitions, rounds, debt, grants, commitments, secondary sales)
 *   `/watch mistral ai over €100M`  Mistral AI's deals of at least €100M
 * Watches live in the state store; the background ticker sends the alerts (src/watch/alerts.ts).
 */
import type { WatchJson } from '../src/answer/contracts.ts';
import { errorAnswer, type Answer } from '../src/answer/model.ts';
import type { CommandContext } from '../src/context.ts';
import type { Entity } from '../src/extract/entities.ts';
import { parseQuantities } from '../src/extract/money.ts';
import type { Watch, WatchFilter } from '../src/state/watches.ts';
import { count } from '../src/text/plural.ts';
import { describeWatch } from '../src/watch/describe.ts';
import { readQuery } from './facts-common.ts';
import { UsageError, type Command } from './types.ts';

const usage = [
  'Usage: /watch <company> [kind] [over <amount>] · /watch list · /watch off <number>',
  'Examples: /watch anthropic · /watch deals over $1B · /watch acquisitions · /watch mistral ai over €100M',
  'An alert comes to this channel within a minute of an article that reports a new deal the watch follows; the same deal reported again goes into that alert’s thread.',
].join('\n');

/** Words naming kinds of deal (English and German, singular and plural). */
const KIND_WORDS: Readonly<Record<string, WatchFilter['kinds'][number]>> = {
  acquisition: 'acquisition', acquisitions: 'acquisition', takeover: 'acquisition', takeovers: 'acquisition', 'übernahme': 'acquisition', 'übernahmen': 'acquisition',
  round: 'equity', rounds: 'equity', funding: 'equity', 'finanzierungsrunde': 'equity', 'finanzierungsrunden': 'equity', equity: 'equity',
  debt: 'debt', loan: 'debt', loans: 'debt', kredit: 'debt', kredite: 'debt',
  grant: 'grant', grants: 'grant', subsidy: 'grant', subsidies: 'grant', 'förderung': 'grant', 'subvention': 'grant', 'subventionen': 'grant',
  commitment: 'commitment', commitments: 'commitment',
  secondary: 'secondary', secondaries: 'secondary',
};
/** Words that only say "deals" (any kind). */
const DEAL_WORDS = new Set(['deal', 'deals', 'investment', 'investments', 'beteiligung', 'beteiligungen', 'investition', 'investitionen']);
/** What puts a threshold before an amount: "over $1B", "above 500M", "über 100 Mio. Euro", "ab 1 Mrd. €". */
const THRESHOLD = /\s*(?:(?<![\p{L}\d])(?:over|above|more than|at least|from|über|ueber|mehr als|ab|mindestens)(?![\p{L}\d])|>=?)\s*(.+)$/iu;

type WatchArgs = { action: 'on'; text: string } | { action: 'list' } | { action: 'off'; id: number };

export const watch: Command<WatchArgs> = {
  name: 'watch',
  summary: 'Alerts in this channel when new articles report deals of a company, a kind or a size.',
  usage,
  hint: '<company> [kind] [over <amount>] | list | off <number>',
  parse(text) {
    const trimmed = text.trim();
    if (!trimmed) throw new UsageError('Say what to watch, e.g. /watch anthropic or /watch deals over $1B.');
    if (trimmed.length > 200) throw new UsageError('That is too long for a watch: a company, a kind of deal, an amount.');
    const [verb, ...rest] = trimmed.split(/\s+/);
    if (verb!.toLowerCase() === 'list' && rest.length === 0) return { action: 'list' };
    if (verb!.toLowerCase() === 'off') {
      const id = Number(rest.join(' ').replace(/^#/, ''));
      if (rest.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('Say which watch to stop by its number, e.g. /watch off 2 (/watch list shows the numbers).');
      return { action: 'off', id };
    }
    return { action: 'on', text: trimmed };
  },
  async run(args, ctx): Promise<Answer> {
    if (args.action === 'list') return list(ctx);
    if (args.action === 'off') return turnOff(args.id, ctx);
    return turnOn(args.text, ctx);
  },
};

/** Reads what to watch: a threshold at the end, kind words, and a company in what is left. */
export function readWatch(text: string, ctx: Pick<CommandContext, 'corpus'>): WatchFilter {
  let rest = text;
  let minAmount: WatchFilter['minAmount'] = null;
  const threshold = THRESHOLD.exec(text);
  if (threshold) {
    const money = [...parseQuantities(threshold[1]!, 'en'), ...parseQuantities(threshold[1]!, 'de')].find((q) => q.kind === 'money' && q.value !== null && q.value > 0);
    if (!money) throw new UsageError(`I could not read “${threshold[1]}” as an amount: write it like $1B, €100M or 500 Mio. Euro.`);
    minAmount = { value: money.value!, currency: money.currency ?? 'USD' };
    rest = text.slice(0, threshold.index);
  }
  const kinds = new Set<WatchFilter['kinds'][number]>();
  const words: string[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const folded = word.toLowerCase();
    if (KIND_WORDS[folded]) kinds.add(KIND_WORDS[folded]);
    else if (!DEAL_WORDS.has(folded)) words.push(word);
  }
  let entity: Entity | undefined;
  if (words.length) {
    const read = readQuery(words.join(' '), ctx.corpus.facts.names);
    if (read.entities.length !== 1 || read.rest.length || read.years.length) {
      const suggestions = ctx.corpus.facts.names.suggest(words.join(' '), 3);
      throw new UsageError(
        read.entities.length > 1
          ? 'Watch one company at a time, e.g. /watch anthropic, then /watch openai.'
          : `I don't know a company called “${words.join(' ')}”.${suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`,
      );
    }
    entity = read.entities[0];
  }
  if (!entity && kinds.size === 0 && !minAmount) throw new UsageError('Say what to watch: a company, a kind of deal or an amount, e.g. /watch deals over $1B.');
  return {
    entityId: entity?.id ?? null,
    entityName: entity?.name ?? null,
    kinds: [...kinds],
    minAmount,
    facts: entity && kinds.size === 0 && !minAmount ? 'all' : 'deals',
  };
}

async function turnOn(text: string, ctx: CommandContext): Promise<Answer> {
  let filter: WatchFilter;
  try {
    filter = readWatch(text, ctx);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return errorAnswer('watch', error.message, usage);
  }
  const now = ctx.now.toISOString();
  const same = (await ctx.store.listWatches()).find((w) => w.active && w.channel === ctx.channel && JSON.stringify(w.filter) === JSON.stringify(filter));
  const watch = same ?? (await ctx.store.addWatch({ channel: ctx.channel, user: ctx.user ?? null, query: text, filter, createdAt: now, active: true, checkedUntil: now }));
  const what = describeWatch(filter);
  return {
    command: 'watch',
    title: same ? `Already watching ${what} here (watch ${watch.id}).` : `Watching ${what} in this channel (watch ${watch.id}).`,
    items: [],
    notes: [
      'An alert comes here within a minute of an article that reports a new one, with its quote and link; the same deal reported again by another outlet goes into that alert’s thread.',
      `/watch list shows this channel’s watches; /watch off ${watch.id} stops this one.`,
    ],
    changedState: true,
    json: { command: 'watch', action: 'on', channel: ctx.channel, watch: watchJson(watch) },
  };
}

async function list(ctx: CommandContext): Promise<Answer> {
  const watches = (await ctx.store.listWatches()).filter((w) => w.active && w.channel === ctx.channel);
  return {
    command: 'watch',
    title: watches.length ? `${count(watches.length, 'watch', 'watches')} in this channel` : 'No watch in this channel.',
    items: watches.map((w) => ({ text: `Watch ${w.id}: ${describeWatch(w.filter)}`, detail: `since ${w.createdAt.slice(0, 10)}`, citations: [] })),
    notes: watches.length ? ['/watch off <number> stops one.'] : ['Set one up with /watch <company>, e.g. /watch anthropic or /watch deals over $1B.'],
    json: { command: 'watch', action: 'list', channel: ctx.channel, watches: watches.map(watchJson) },
  };
}

async function turnOff(id: number, ctx: CommandContext): Promise<Answer> {
  const watch = (await ctx.store.listWatches()).find((w) => w.id === id && w.channel === ctx.channel);
  if (!watch) {
    return errorAnswer('watch', `There is no watch ${id} in this channel: /watch list shows the numbers.`, usage);
  }
  const stopped = { ...watch, active: false };
  if (watch.active) await ctx.store.putWatch(stopped);
  return {
    command: 'watch',
    title: watch.active ? `Stopped watch ${id} (${describeWatch(watch.filter)}).` : `Watch ${id} was already stopped.`,
    items: [],
    notes: [],
    changedState: true,
    json: { command: 'watch', action: 'off', channel: ctx.channel, watch: watchJson(stopped) },
  };
}

function watchJson(w: Watch): WatchJson {
  const { filter } = w;
  return {
    id: w.id,
    channel: w.channel,
    query: w.query,
    description: describeWatch(filter),
    entity: filter.entityName,
    kinds: filter.kinds,
    min_amount: filter.minAmount,
    facts: filter.facts,
    active: w.active,
    created_at: w.createdAt,
  };
}
