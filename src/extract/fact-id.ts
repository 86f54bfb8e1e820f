/**
 * A fact's id: short and stable, so that feedback and corrections kept in DATA_DIR still name the same deal
 * or figure after a restart, a snapshot reload, a rebuild or new articles.
 *
 * The id is a hash of what a fact *is*, never of what merging reports into it may change. The fact store
 * merges a later report into an earlier one (fact-store.ts, `mergeDeal`): investors a later report names fill
 * an empty list, a hedged qualifier replaces an exact one, an unknown kind becomes known, a missing currency
 * stays missing or not depending on which report came first. So those fields stay out. What goes in:
 *
 * - the kind of fact (deal or figure) and whose it is: the deal's target, the figure's company (by entity
 *   id, else by the name as printed), a figure's metric, period and unit (the keys figures merge on);
 * - a deal's "a further …" flag (never merged with a plain deal);
 * - its anchor: the earliest of its sources by article, sentence offset and figure offset. The earliest, not
 *   the first added, so that a rebuild adding the articles in another order gives the same id; and a place
 *   in the text fixes the amount read there.
 *
 * A later report merged in can come earlier in that order (its article's name sorts first) and so move the
 * anchor: `factIds` gives the id at every source, and a mark made under any of them still finds the fact.
 *
 * Two deals share an id only if one sentence's one amount was read as two deals into the same target, which
 * the extractor does not do (a joint deal is one deal with several investors). A fact whose anchoring article
 * is removed gets a new id: the reading the feedback was about is gone.
 */
import { createHash } from 'node:crypto';
import type { Deal, FactSource, Figure } from './types.ts';

/** Hex digits of the hash kept: 60 bits, no collision to expect among millions of facts. */
const HASH_DIGITS = 15;

/** `d…` for a deal, `f…` for a figure, then 15 hex digits: `d3f9a1c2b4e5d6f7`. */
export function factId(fact: Deal | Figure): string {
  return idAt(fact, earliest(fact.sources));
}

/** The fact's id anchored at each of its sources: every id it was, or will be, known by (see above). */
export function factIds(fact: Deal | Figure): string[] {
  return fact.sources.map((source) => idAt(fact, source));
}

function idAt(fact: Deal | Figure, anchor: FactSource): string {
  const parts = 'metric' in fact
    ? ['figure', fact.entityId ?? `=${fact.entity}`, fact.metric, fact.period ?? '', fact.unit]
    : ['deal', fact.targetId ?? `=${fact.target}`, fact.additional ? 'further' : ''];
  parts.push(anchor.article, String(anchor.start), String(anchor.highlight[0]));
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, HASH_DIGITS);
  return `${'metric' in fact ? 'f' : 'd'}${hash}`;
}

/** The fact's earliest source: by article id, then sentence offset, then the figure's offset in the sentence. */
function earliest(sources: readonly FactSource[]): FactSource {
  let best = sources[0]!;
  for (const s of sources) {
    if (s.article < best.article || (s.article === best.article && (s.start - best.start || s.highlight[0] - best.highlight[0]) < 0)) best = s;
  }
  return best;
}

/** What a fact id looks like (user input naming one is checked against this). */
export const FACT_ID = /^[df][0-9a-f]{15}$/;
