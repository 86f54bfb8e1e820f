/**
 * Watches (`/watch anthropic`, `/watch deals over $1B`) and the alerts they sent, as stored. Plain JSON, so
 * any store holds them: the file store keeps them in `watches.json`.
 */
import { z } from 'zod';

export const DEAL_KINDS = ['equity', 'debt', 'secondary', 'acquisition', 'commitment', 'grant', 'unknown'] as const;

/** What a watch follows: a company (with its parts), kinds of deal, a least amount; deals only, or figures too. */
export const watchFilterSchema = z.object({
  /** The company, by entity id (null: any company). */
  entityId: z.string().nullable(),
  /** Its name as shown ("Mistral AI"). */
  entityName: z.string().nullable(),
  /** Kinds of deal (empty: any kind). */
  kinds: z.array(z.enum(DEAL_KINDS)),
  /** The least amount, in its currency (ISO); amounts in another currency are compared at reference rates. */
  minAmount: z.object({ value: z.number().positive(), currency: z.string() }).nullable(),
  /** `all`: the company's new figures (valuation, revenue) too; `deals`: deals only. */
  facts: z.enum(['deals', 'all']),
});
export type WatchFilter = z.infer<typeof watchFilterSchema>;

export const watchSchema = z.object({
  /** Unique in the workspace; what `/watch off N` names. */
  id: z.number().int().positive(),
  channel: z.string(),
  /** Who set it up (a Slack user id; null in the console). */
  user: z.string().nullable(),
  /** As typed after `/watch`. */
  query: z.string(),
  filter: watchFilterSchema,
  createdAt: z.string(),
  active: z.boolean(),
  /** Articles that arrived up to this instant have been checked for it; the next check starts here. */
  checkedUntil: z.string(),
  /** While a process checks it: when it started, and which process (see `WatchStore.claimWatch`). */
  claimedAt: z.string().nullable().optional(),
  claimedBy: z.string().nullable().optional(),
});
export type Watch = z.infer<typeof watchSchema>;

/**
 * One alert a watch sent: the fact as it was then (to know the same deal when another outlet reports it),
 * the articles it has announced so far, and the Slack message its later reports go under.
 */
export const alertSchema = z.object({
  id: z.number().int().positive(),
  watchId: z.number().int().positive(),
  channel: z.string(),
  /** When the alert was posted. */
  at: z.string(),
  /** The alert message's `ts` in Slack (the thread "also reported by" replies go into); null where there is none (the console). */
  ts: z.string().nullable(),
  kind: z.enum(['deal', 'figure']),
  /** The deal or figure, as extracted (`Deal` or `Figure`). */
  fact: z.record(z.string(), z.unknown()),
  /** Articles whose report has been posted (the alert's, then each "also reported by"). */
  articles: z.array(z.string()),
});
export type Alert = z.infer<typeof alertSchema>;

export const watchesFileSchema = z.object({
  version: z.literal(1),
  watches: z.array(watchSchema),
  alerts: z.array(alertSchema),
});
export type WatchesFile = z.infer<typeof watchesFileSchema>;

/** Alerts older than this are forgotten: a deal reported again after so long gets a new alert, not a reply in an old thread. */
export const ALERT_MEMORY_DAYS = 30;

/** The part of the state store that watches and alerts use. */
export interface WatchStore {
  listWatches(): Promise<Watch[]>;
  /** Stores a new watch under the next free id, and returns it. */
  addWatch(watch: Omit<Watch, 'id'>): Promise<Watch>;
  /** Replaces the watch with this id. */
  putWatch(watch: Watch): Promise<void>;
  /**
   * Claims the check of watch `id` from `checkedUntil` for process `by`, in one step: only while it is still
   * checked up to there and nobody else holds a claim made after `staleBefore`. True when this call got it.
   */
  claimWatch(id: number, checkedUntil: string, by: string, at: string, staleBefore: string): Promise<boolean>;
  /** Ends `by`'s claim on watch `id`, the watch now checked up to `checkedUntil` (nothing else of it changes). */
  finishWatchCheck(id: number, by: string, checkedUntil: string): Promise<void>;
  listAlerts(): Promise<Alert[]>;
  /** Stores a new alert under the next free id, and returns it. */
  addAlert(alert: Omit<Alert, 'id'>): Promise<Alert>;
  /** Replaces the alert with this id. */
  putAlert(alert: Alert): Promise<void>;
}
