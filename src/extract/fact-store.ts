import type { Article } from '../corpus/types.ts';
import type { Deal, Facts, Figure } from './types.ts';

/** Deals and figures of the whole corpus. Filled by extraction at index time; queries only read it. */
export class FactStore {
  readonly deals: Deal[] = [];
  readonly figures: Figure[] = [];

  addArticle(_article: Article): void {}

  toJSON(): Facts {
    return { deals: this.deals, figures: this.figures };
  }

  static fromJSON(facts: Facts): FactStore {
    const store = new FactStore();
    store.deals.push(...facts.deals);
    store.figures.push(...facts.figures);
    return store;
  }
}
