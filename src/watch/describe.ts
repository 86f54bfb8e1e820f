/** A watch's filter in words: "Mistral AI: deals over €100M", "acquisitions", "Anthropic: deals and figures". */
import { formatMoney } from '../answer/facts.ts';
import type { WatchFilter } from '../state/watches.ts';

/** How a kind of deal reads in a watch's description (plural). */
const KIND_WORDS: Readonly<Record<WatchFilter['kinds'][number], string>> = {
  equity: 'funding rounds',
  debt: 'debt deals',
  secondary: 'secondary sales',
  acquisition: 'acquisitions',
  commitment: 'commitments',
  grant: 'grants',
  unknown: 'deals of unknown kind',
};

export function describeWatch(filter: WatchFilter): string {
  const what = filter.kinds.length ? filter.kinds.map((k) => KIND_WORDS[k]).join(' and ') : filter.facts === 'all' && !filter.minAmount ? 'deals and figures' : 'deals';
  const over = filter.minAmount ? ` over ${formatMoney({ ...filter.minAmount, max: null, qualifier: 'exact' })}` : '';
  return `${filter.entityName ? `${filter.entityName}: ` : ''}${what}${over}`;
}
