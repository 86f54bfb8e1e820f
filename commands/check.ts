/**
 * `/check <claim>`: does the corpus back a stated deal or figure? The claim is read with the same extractor
 * as the articles, then compared with the stored facts:
 *   supported    — a source gives the same amount (within rounding), cited;
 *   contradicted — sources give a different amount for the same deal or figure, cited side by side;
 *   not_found    — nothing in the corpus about it.
 */
import { z } from 'zod';
import { dealItem, figureItem } from '../src/answer/facts.ts';
import type { Answer, AnswerItem } from '../src/answer/model.ts';
import { parseArticle } from '../src/corpus/load.ts';
import { sameValue } from '../src/extract/fact-store.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { parseQuantities } from '../src/extract/money.ts';
import type { Deal, Figure } from '../src/extract/types.ts';
import type { Corpus } from '../src/search/corpus.ts';
import { readQuery } from './facts-common.ts';
import { parseArgs, type Command } from './types.ts';

const usage = [
  'Usage: /check <claim> — is a deal or figure backed by the articles?',
  'Example: /check Amazon will invest $50bn in OpenAI',
].join('\n');

const argsSchema = z.string().trim().min(3, 'Give me the claim to check, e.g. /check Amazon will invest $50bn in OpenAI.').max(2000);

type Verdict = 'supported' | 'contradicted' | 'not_found';

const TITLES: Record<Verdict, string> = {
  supported: 'Supported by the sources',
  contradicted: 'The sources say otherwise',
  not_found: 'Not found in the articles',
};

export const check: Command<{ claim: string }> = {
  name: 'check',
  summary: 'Check a claimed deal or figure against the sources.',
  usage,
  hint: '<claim>',
  parse(text) {
    return { claim: parseArgs(argsSchema, text) };
  },
  run({ claim }, { corpus }): Answer {
    // A claim is one statement: end it like a sentence so a short one is not taken for a heading.
    const claimArticle = parseArticle({ name: 'claim', raw: /[.!?]$/.test(claim) ? claim : `${claim}.` });
    const claimed = extractFacts(claimArticle, corpus.facts.catalog);
    const dealMatches = claimed.deals.flatMap((d) => compareDeal(d, corpus));
    const figureMatches = claimed.figures.flatMap((f) => compareFigure(f, corpus));
    let matches = [...dealMatches, ...figureMatches];
    const hasAmount = parseQuantities(claim, claimArticle.lang).length > 0;
    if (matches.length === 0 && !hasAmount) {
      // No amount in the claim ("Amazon invests in OpenAI"): any deal between the named companies backs it.
      matches = dealsBetweenNamed(claim, corpus).map((deal) => ({ verdict: 'supported' as const, item: dealItem(deal, corpus) }));
    }
    const verdict: Verdict = matches.some((m) => m.verdict === 'supported')
      ? 'supported'
      : matches.some((m) => m.verdict === 'contradicted')
        ? 'contradicted'
        : 'not_found';
    const shown = matches.filter((m) => verdict === 'not_found' || m.verdict === verdict || m.verdict === 'contradicted');
    return {
      command: 'check',
      title: TITLES[verdict],
      items: shown.map((m) => m.item),
      notes: verdict === 'not_found' ? [`Nothing in the articles states “${claim}”. Try /deal or /number for what they do say.`] : [],
      json: {
        command: 'check',
        claim,
        verdict,
        matches: shown.map((m) => ({ verdict: m.verdict, text: m.item.text, citations: m.item.citations })),
      },
    };
  },
};

interface Match {
  verdict: Exclude<Verdict, 'not_found'>;
  item: AnswerItem;
}

function compareDeal(claimed: Deal, corpus: Corpus): Match[] {
  if (!claimed.targetId) return [];
  return corpus.facts
    .dealsOf(claimed.targetId)
    .filter((d) => d.targetId === claimed.targetId && (claimed.investorIds.length === 0 || claimed.investorIds.every((id) => d.investorIds.includes(id))))
    .map((d) => ({ verdict: agrees(claimed.amount?.value ?? null, d.amount?.value ?? null, d.amount?.max ?? null) ? 'supported' : 'contradicted', item: dealItem(d, corpus) }));
}

function compareFigure(claimed: Figure, corpus: Corpus): Match[] {
  if (!claimed.entityId) return [];
  return corpus.facts
    .figuresOf(claimed.entityId)
    .filter((f) => f.metric === claimed.metric && (!claimed.period || f.period === claimed.period))
    .map((f) => ({
      verdict: agrees(claimed.value, f.value, f.max) ? 'supported' : 'contradicted',
      item: figureItem(f, corpus),
    }));
}

/** The claimed value equals the source's (within rounding) or lies within its range. */
function agrees(claimed: number | null, value: number | null, max: number | null): boolean {
  if (claimed === null) return true;
  if (value !== null && max !== null) return claimed >= value && claimed <= max;
  return sameValue(claimed, value);
}

function dealsBetweenNamed(claim: string, corpus: Corpus): Deal[] {
  const [first, ...others] = readQuery(claim, corpus.facts.names).entities;
  if (!first) return [];
  return corpus.facts.dealsOf(first.id).filter((d) => others.every((e) => corpus.facts.dealsOf(e.id).includes(d)));
}
