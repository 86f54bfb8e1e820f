/**
 * Alerts: every active watch is checked against the articles that arrived since its last check (the
 * background ticker runs this every 30 s, so an alert follows its article within a minute), and each new
 * deal or figure it follows is posted to the watch's channel: the fact, its quote, the source link.
 *
 * - **Once per deal.** The same deal reported again (the same fact with a new source, or another outlet's
 *   report of the same story: see `sameStory`) is not a new alert: "also reported by …" goes into the first
 *   alert's thread, once per article.
 * - **News only.** A deal first reported before (an update to a deal the watch never alerted), and a deal told
 *   as background (historic, or long before the article: `isNewsDeal`), alerts nobody.
 * - **Restarts.** Watches (with how far they have been checked) and alerts are state: after a restart the
 *   check goes on where it stopped, and later reports still find their thread. An alert is recorded right
 *   after it is posted, and a watch's check advances after its alerts: a crash between a post and its record
 *   can repeat that one alert, never lose one.
 * - **Several processes.** A process checks a watch only once it has claimed that check (`claimWatch`: the
 *   watch still checked up to where it read, and no other fresh claim), so two processes on one database
 *   never check, and post, the same articles for the same watch. A claim older than `ABANDONED_CHECK_MS`
 *   belongs to a process that died mid-check: another takes it over, and the alerts recorded so far keep it
 *   from posting them again.
 */
import { correctionOf, correctionsIn } from '../answer/corrections.ts';
import { randomUUID } from 'node:crypto';
import { citeSources, dealItem, figureItem } from '../answer/facts.ts';
import type { Answer, PostAnswer } from '../answer/model.ts';
import { sameStory } from '../answer/stories.ts';
import { log } from '../log.ts';
import type { Corpus } from '../search/corpus.ts';
import type { Deal, FactSource, Figure } from '../extract/types.ts';
import type { StateStore } from '../state/types.ts';
import type { Alert, Watch } from '../state/watches.ts';
import { collectDigest, coverableUntil, isNewsDeal, type DigestContent, type FactChange } from '../digest/collect.ts';
import { count } from '../text/plural.ts';
import { describeWatch } from './describe.ts';
import { watchesDeal, watchesFigure } from './match.ts';

/** What one check of one watch did. */
export interface AlertRun {
  watch: number;
  channel: string;
  alerts: number;
  /** "Also reported by" replies. */
  replies: number;
}

/** A watch's check claimed longer ago than this is one whose process died. */
export const ABANDONED_CHECK_MS = 10 * 60_000;

export class AlertRunner {
  /** This process's name in its claims. */
  private readonly instance = randomUUID();

  constructor(private readonly options: { store: StateStore; corpus: Corpus; post: PostAnswer }) {}

  /** Checks every active watch against the articles that arrived after its last check, up to `now`. */
  async tick(now: Date): Promise<AlertRun[]> {
    const { store, corpus } = this.options;
    const watches = (await store.listWatches()).filter((w) => w.active);
    if (watches.length === 0) return [];
    const arrivals = await store.listIngested();
    const runs: AlertRun[] = [];
    // Watches checked up to the same instant share one collection of what is new.
    const collected = new Map<string, DigestContent>();
    for (const watch of watches) {
      const since = Date.parse(watch.checkedUntil);
      const arrived = arrivals.filter((r) => Date.parse(r.arrivedAt) > since && Date.parse(r.arrivedAt) <= now.getTime());
      if (arrived.length === 0) continue;
      // Up to the newest arrival read, not to `now`: an article recorded while this runs, stamped a moment
      // before `now`, is then still after the next check's start.
      const newest = arrived.reduce((latest, r) => (r.arrivedAt > latest ? r.arrivedAt : latest), watch.checkedUntil);
      const until = coverableUntil(corpus, arrivals, new Date(since), new Date(newest)).toISOString();
      if (until <= watch.checkedUntil) continue; // the next article is another process's, not read here yet
      const staleBefore = new Date(now.getTime() - ABANDONED_CHECK_MS).toISOString();
      if (!(await store.claimWatch(watch.id, watch.checkedUntil, this.instance, now.toISOString(), staleBefore))) continue; // another process has it
      const key = `${watch.checkedUntil}|${until}`;
      let content = collected.get(key);
      if (!content) collected.set(key, (content = collectDigest(corpus, arrivals, new Date(since), new Date(until))));
      let checkedUntil = watch.checkedUntil;
      try {
        runs.push(await this.check(watch, content));
        checkedUntil = until;
      } catch (error) {
        // Posted alerts are recorded; the rest is tried again at the next tick.
        log.error({ err: error, watch: watch.id, channel: watch.channel }, 'checking a watch failed; retrying at the next tick');
      } finally {
        await store.finishWatchCheck(watch.id, this.instance, checkedUntil);
      }
    }
    return runs;
  }

  /** Posts the alerts and "also reported by" replies of one watch for `content`. */
  private async check(watch: Watch, content: DigestContent): Promise<AlertRun> {
    const { store, corpus } = this.options;
    // Read after the claim, not once per tick: a process that held it before may have recorded alerts since.
    const alerts = (await store.listAlerts()).filter((a) => a.watchId === watch.id);
    // A fact the team already marked wrong is not news to send.
    const corrections = await correctionsIn(store);
    const run: AlertRun = { watch: watch.id, channel: watch.channel, alerts: 0, replies: 0 };
    const handle = async (kind: Alert['kind'], change: FactChange<Deal> | FactChange<Figure>, isNews: boolean) => {
      const known = alerts.find((a) => a.kind === kind && sameReport(a.fact as unknown as Deal | Figure, change.fact));
      if (known) {
        if (await this.reply(known, change)) run.replies++;
      } else if (change.change === 'new' && isNews && !correctionOf([change.fact], corrections)) {
        alerts.push(await this.alert(watch, kind, change));
        run.alerts++;
      }
    };
    for (const change of content.deals) {
      if (watchesDeal(watch.filter, change.fact, corpus.facts)) await handle('deal', change, isNewsDeal(change, corpus, content.since));
    }
    for (const change of content.figures) {
      if (watchesFigure(watch.filter, change.fact, corpus.facts)) await handle('figure', change, true);
    }
    if (run.alerts || run.replies) log.info({ ...run }, 'watch alerts posted');
    return run;
  }

  private async alert(watch: Watch, kind: Alert['kind'], change: FactChange<Deal> | FactChange<Figure>): Promise<Alert> {
    const { store, corpus, post } = this.options;
    const citations = citeSources(change.newSources, corpus);
    const item = kind === 'deal' ? dealItem(change.fact as Deal, corpus, { citations }) : figureItem(change.fact as Figure, corpus, { citations });
    const answer: Answer = {
      command: 'watch',
      title: `Watch ${watch.id} (${describeWatch(watch.filter)}): new ${kind}`,
      items: [item],
      notes: [`/watch off ${watch.id} stops these alerts.`],
      json: { command: 'watch', action: 'alert', channel: watch.channel, watch: watch.id, kind, text: item.text, citations },
    };
    const posted = await post(watch.channel, answer);
    return store.addAlert({
      watchId: watch.id,
      channel: watch.channel,
      at: new Date().toISOString(),
      ts: posted?.ts ?? null,
      kind,
      fact: change.fact as unknown as Record<string, unknown>,
      articles: articlesOf(change.newSources),
    });
  }

  /** "Also reported by …" in the alert's thread, for the articles it has not announced yet; false when there are none. */
  private async reply(alert: Alert, change: FactChange<Deal> | FactChange<Figure>): Promise<boolean> {
    const { store, corpus, post } = this.options;
    const fresh = change.newSources.filter((s) => !alert.articles.includes(s.article));
    if (fresh.length === 0) return false;
    const citations = citeSources(fresh, corpus);
    const outlets = [...new Set(citations.map((c) => c.outlet ?? 'outlet unknown'))];
    const answer: Answer = {
      command: 'watch',
      title: `Also reported by ${outlets.join(', ')}`,
      items: [{ text: `${count(citations.length, 'more report')} of this ${alert.kind}`, citations }],
      notes: [],
      json: { command: 'watch', action: 'also_reported', channel: alert.channel, watch: alert.watchId, kind: alert.kind, text: outlets.join(', '), citations },
    };
    await post(alert.channel, answer, alert.ts ? { threadTs: alert.ts } : {});
    // Kept current here too: a second report of the same fact in this check must not announce these again.
    alert.articles = [...alert.articles, ...articlesOf(fresh)];
    await store.putAlert(alert);
    return true;
  }
}

/** The same fact (its first report is the same sentence), or another report of the same deal. */
function sameReport(alerted: Deal | Figure, fact: Deal | Figure): boolean {
  const [a, b] = [alerted.sources[0]!, fact.sources[0]!];
  if (a.article === b.article && a.start === b.start) return true;
  return 'target' in alerted && 'target' in fact && sameStory(alerted, fact);
}

function articlesOf(sources: readonly FactSource[]): string[] {
  return [...new Set(sources.map((s) => s.article))];
}
