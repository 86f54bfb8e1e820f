/** Shared shapes of extracted facts. Every fact keeps where it came from (article + sentence span). */

export type Qualifier = 'exact' | 'up_to' | 'about' | 'below' | 'more_than' | 'at_least' | 'range';

/** A number found in text: an amount of money, a percentage, or a count of things. */
export interface Quantity {
  kind: 'money' | 'percent' | 'count';
  /** In units: "50 Milliarden Dollar" → 50_000_000_000. Null for "milliardenschwer" (billions, no figure). */
  value: number | null;
  /** Upper bound of a range ("175 bis 185 Milliarden" → value 175e9, max 185e9); otherwise null. */
  max: number | null;
  /** ISO 4217 code for money (`USD`, `EUR`, `CHF` …); null otherwise or when no currency is printed. */
  currency: string | null;
  /** ISO currency for money, `percent`, or the counted thing normalised (`jobs`, `researchers` …). */
  unit: string;
  qualifier: Qualifier;
  /** "weitere 30 Milliarden" / "an additional $4B": on top of an earlier amount. */
  additional: boolean;
  /** Character span [start, end) of the whole expression (qualifier included) in the parsed text. */
  start: number;
  end: number;
  /** The matched text, as printed. */
  text: string;
}

/** Where a fact was read: the article and the sentence, with the part to show in bold. */
export interface FactSource {
  article: string;
  /** The sentence, quoted as printed (after Unicode clean-up). */
  quote: string;
  /** Offsets of the sentence in the original file. */
  start: number;
  end: number;
  /** The figure inside `quote`, [start, end). */
  highlight: [number, number];
  /**
   * Deals only: the status this source gives, kept when reports are merged (the deal shows the most cautious
   * one; a story says where its sources differ). Set by the fact store.
   */
  status?: DealStatus;
}

/** From least to most certain, then background and refused: rumoured … completed, historic, rejected. */
export type DealStatus = 'rumoured' | 'talks' | 'planned' | 'announced' | 'completed' | 'historic' | 'rejected';

/**
 * What kind of money moves: shares bought in a round (`equity`), a loan or credit facility (`debt`), existing
 * shares sold on (`secondary`), a company bought (`acquisition`), a promise to buy compute or services
 * (`commitment`), a subsidy (`grant`); `unknown` when the text does not say.
 */
export type DealKind = 'equity' | 'debt' | 'secondary' | 'acquisition' | 'commitment' | 'grant' | 'unknown';

/** Why a fact was read as it was: the rule that produced it and a short reason in words. */
export interface Rule {
  id: string;
  reason: string;
}

export interface Amount {
  value: number | null;
  max: number | null;
  currency: string | null;
  qualifier: Qualifier;
}

/** Money moving from an investor to a target, as one or more articles report it. */
export interface Deal {
  /** Entity ids; null investor = not named (a round's total, a table row without an investor). */
  investorId: string | null;
  /** Every investing entity: one, or several for a joint deal ("Microsoft/NVIDIA"). */
  investorIds: string[];
  /** Display name: the entity's name, or the text as printed when it is no known entity. */
  investor: string | null;
  /** Display names of every investor named, the lead(s) first; empty when the text names none. */
  investors: string[];
  /** Display names of the investors the text says led the round (a subset of `investors`). */
  lead: string[];
  targetId: string | null;
  target: string;
  amount: Amount | null;
  /** "weitere 30 Milliarden": on top of an earlier amount, not the same deal. */
  additional: boolean;
  status: DealStatus;
  kind: DealKind;
  /** The round as printed ("Series B", "Seed", "Series-B-Runde", "Börsengang"), else null. */
  round: string | null;
  rule: Rule;
  /** ISO 8601 as precise as known; `dateFrom` says whether the text named it or the article's date stands in. */
  date: string | null;
  dateFrom: 'text' | 'article' | null;
  sources: FactSource[];
}

/** A figure about an entity: a valuation, revenue, investment plan, job cuts … */
export interface Figure {
  entityId: string | null;
  entity: string;
  /** Normalised metric: valuation, revenue, profit, investment, jobs, run_rate, share, growth, … */
  metric: string;
  /** A year or quarter the figure is about, when the sentence says (`2026`). */
  period: string | null;
  /** Human-readable subject, e.g. `Anthropic valuation`. */
  subject: string;
  value: number | null;
  max: number | null;
  unit: string;
  qualifier: Qualifier;
  /** For valuations: before or after the new money ("pre-money", "post-money"), when the text says. */
  basis: 'pre_money' | 'post_money' | null;
  /** "would value it at", "wäre … bewertet": a figure the text gives only as a possibility. */
  conditional: boolean;
  rule: Rule;
  sources: FactSource[];
}

export interface Facts {
  deals: Deal[];
  figures: Figure[];
}
