/**
 * Reads deals and figures out of one article, sentence by sentence (and row by row for Markdown tables).
 *
 * For every money amount, percentage or count the money parser finds, the words around it decide what it
 * is: a valuation (always a figure of the company), a deal's amount (money going from an investor into a
 * target), or another figure (revenue, profit, capex, job cuts …). Who is who comes from entity mentions
 * and the prepositions before them; a sentence that names nobody ("the company", "der Konzern") refers
 * to the company last named in the paragraph. Every fact keeps the sentence it came from.
 */
import type { Article } from '../corpus/types.ts';
import { log } from '../log.ts';
import type { Entity, EntityCatalog, EntityMention } from './entities.ts';
import type { Deal, Facts, Figure } from './types.ts';
import { dealFor, dealWithoutAmount, projectCostDeal, rejectedLater, timesRaised, unknownKindIfBanks } from './deal-rules.ts';
import { figureFor, isRoundOrFunding } from './figure-rules.ts';
import { view, type ArticleState, type SentenceView } from './reading.ts';
import type { Lang } from '../text/lang.ts';
import { ArticleNames } from './unknown-names.ts';
import { companyLike, sentenceSubject } from './clause-roles.ts';
import { attachParticipants, participantsIn, PARTICIPANTS_REACH, type Participants } from './participants.ts';
import { tableDeals } from './table-deals.ts';

/** The deals and figures of one article (or, with `claim`, of a claim to check: see `ArticleState.claim`). */
export function extractFacts(article: Article, catalog: EntityCatalog, { claim = false }: { claim?: boolean } = {}): Facts {
  const deals: Deal[] = [];
  const figures: Figure[] = [];
  // Entity mentions of every sentence, found once: for the article's main entity and for the sentence views.
  // Companies no list knows are learnt from the whole article first, then found in every sentence.
  const known = article.passages.map((passage) => passage.sentences.map((sentence) => catalog.find(sentence.text)));
  const names = new ArticleNames(article.lang);
  article.passages.forEach((passage, p) => passage.sentences.forEach((sentence, s) => names.learn(sentence.text, known[p]![s]!)));
  const mentions = article.passages.map((passage, p) => passage.sentences.map((sentence, s) => names.mentionsIn(sentence.text, known[p]![s]!)));
  const state: ArticleState = { article, catalog, mainEntity: mainEntity(mentions, article, catalog), targets: [], claim };
  // The subject of the sentences before: "the company" / "der Konzern" in a later sentence or paragraph refers
  // to it. Read only when a rule asks (most sentences have no number and need none).
  const subjects = new SubjectTrail(article.lang);
  // Deals by their sentence's position, and every sentence without money: investors named apart from the
  // amount are looked for near each deal that names none.
  const placed: { deal: Deal; sentence: number }[] = [];
  const moneyless: { v: SentenceView; sentence: number }[] = [];
  const amountless: Deal[] = [];
  let sentence = 0;
  // A share without a cue continues the share before it, even in the next paragraph ("China stellt etwa 29 %
  // der Waren der Welt her. — Die USA? Nur 12 %."); other figures only within their paragraph.
  let previousShare: Figure | null = null;
  // The sentences just read, for a project's cost given sentences after the plan ("… ein Rechenzentrum zu errichten.
  // … Das Investitionsvolumen des Projekts liege bei einer Milliarde Euro").
  const recent: SentenceView[] = [];
  let tooLong = 0;
  article.passages.forEach((passage, p) => {
    if (passage.tableHeader) {
      deals.push(...tableDeals(passage, state));
      return;
    }
    let previousFigure: Figure | null = previousShare;
    // After "X invests in Y", a figure of "the company" in the next sentence is most often Y's.
    let lastReceiver: EntityMention | null = null;
    const views = passage.sentences.map((sentence, s) => view(sentence, article, mentions[p]![s]!));
    views.forEach((v, i) => {
      if (v.text.length > MAX_FACT_SENTENCE_CHARS) {
        tooLong++;
        sentence++;
        return;
      }
      let subjectRead: EntityMention | null | undefined;
      const subject = () => (subjectRead === undefined ? (subjectRead = subjects.current()) : subjectRead);
      const focus = () => lastReceiver ?? subject();
      // The company that receives money in this sentence: "… raised $120M and was valued at $1B" values it.
      let receiver: Entity | null = null;
      const dealsBefore = deals.length;
      for (const quantity of v.quantities) {
        const deal = dealFor(quantity, v, views[i + 1] ?? null, subject(), state) ?? projectCostDeal(quantity, v, recent, state);
        if (deal) {
          for (let n = 0; n < timesRaised(quantity, v); n++) {
            deals.push(n ? structuredClone(deal) : deal);
            placed.push({ deal: deals.at(-1)!, sentence });
          }
        }
        const target = deal?.targetId ? (v.mentions.find((m) => m.canonical.id === deal.targetId)?.canonical ?? state.catalog.get(deal.targetId) ?? null) : null;
        receiver = target ?? receiver;
        if (deal && deal.amount && !isRoundOrFunding(quantity, v)) continue;
        // A round's total is also a figure of the company raising it.
        const figure = figureFor(quantity, v, focus(), previousFigure, state, target, receiver);
        if (figure) {
          figures.push(figure);
          previousFigure = figure;
          if (figure.unit === 'percent') previousShare = figure;
        }
      }
      if (deals.length === dealsBefore) {
        const deal = dealWithoutAmount(v, subject, state);
        if (deal) amountless.push(deal);
      }
      // Only sentences without money: where an amount stands, its own frame decides who gave it.
      if (deals.length === dealsBefore && !v.quantities.some((q) => q.kind === 'money')) moneyless.push({ v, sentence });
      sentence++;
      lastReceiver = receiver ? (v.mentions.find((m) => m.canonical.id === receiver!.id) ?? null) : null;
      subjects.read(v);
      recent.push(v);
      if (recent.length > RECENT_SENTENCES) recent.shift();
    });
  });
  const open = placed.filter(({ deal }) => deal.investors.length === 0).map((p) => p.sentence);
  // … and the sentence right after a round that names its lead ("Existing investors … also participated").
  const afterLed = new Set(placed.filter(({ deal }) => deal.lead.length > 0).map((p) => p.sentence + 1));
  const statements = moneyless
    .filter(({ sentence: s }) => afterLed.has(s) || open.some((d) => Math.abs(d - s) <= PARTICIPANTS_REACH))
    .map(({ v, sentence: s }) => participantsIn(v, s, state))
    .filter((statement): statement is Participants => statement !== null);
  attachParticipants(placed, statements);
  for (const { deal, sentence: at } of placed) {
    unknownKindIfBanks(deal, state.catalog);
    rejectedLater(deal, moneyless.filter((m) => m.sentence > at && m.sentence <= at + OFFER_REACH).map((m) => m.v.text));
  }
  deals.push(...withoutRepeats(amountless, deals));
  if (tooLong) log.warn({ article: article.id, sentences: tooLong, maxChars: MAX_FACT_SENTENCE_CHARS }, 'sentences too long to be sentences were not read for facts');
  return { deals, figures };
}

/**
 * The longest sentence read for facts. Real ones stay under 500 characters (the dev set's longest: 414);
 * a longer "sentence" is a run-on list or a scraped blob, and each amount's rules read the whole sentence,
 * so reading one of 20,000 characters would take seconds. It is still searched, only not read for facts.
 */
export const MAX_FACT_SENTENCE_CHARS = 1_500;

/** How many sentences after an offer its refusal is looked for (see `rejectedLater`). */
const OFFER_REACH = 3;

/** How many sentences back a project's plan is looked for (see `projectCostDeal`). */
const RECENT_SENTENCES = 4;

/**
 * The subjects of the sentences read so far, computed only when asked: `current()` is the last sentence's
 * subject (or an earlier one's, if the last named nobody).
 */
class SubjectTrail {
  private pending: SentenceView[] = [];
  private known: EntityMention | null = null;

  constructor(private readonly lang: Lang) {}

  read(v: SentenceView): void {
    this.pending.push(v);
  }

  current(): EntityMention | null {
    // The newest sentence that names a subject wins; older pending ones only matter if it names none.
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const subject = sentenceSubject(this.pending[i]!, this.lang);
      if (subject) {
        this.known = subject;
        break;
      }
    }
    this.pending = [];
    return this.known;
  }
}

/**
 * Amountless deals once per target and kind, and none where the article gives that deal with an amount. A
 * deal by another buyer is another deal ("Cognition buys Windsurf" after OpenAI's $3 billion offer for it).
 */
function withoutRepeats(amountless: Deal[], deals: Deal[]): Deal[] {
  const kept = [...deals];
  const sameDeal = (a: Deal, b: Deal) =>
    (a.targetId ?? a.target) === (b.targetId ?? b.target) && a.kind === b.kind &&
    (!a.investorIds.length || !b.investorIds.length || a.investorIds.some((id) => b.investorIds.includes(id)));
  // "Clay decided its employees should once more get to cash in": told as another one, it is another one.
  const another = (d: Deal) => ANOTHER_TIME.test(d.sources[0]!.quote);
  return amountless.filter((d) => (another(d) || !kept.some((k) => sameDeal(k, d))) && (kept.push(d), true));
}

/** Words that tell a deal is another one like an earlier one. */
const ANOTHER_TIME = /\b(?:once more|once again|again|a second time|for the second time|erneut|wieder|noch einmal|zum zweiten mal)\b/iu;

const BACKER_COMPOUND = /^-(?:backed|funded|gestützte?[nm]?|finanzierte?[nm]?)\b/iu;

/** The company named most often in the article, its headline counting extra (companies, labs and projects; not people, funds or states). */
function mainEntity(mentionsByPassage: EntityMention[][][], article: Article, catalog: EntityCatalog): EntityMention | null {
  const counts = new Map<string, { mention: EntityMention; count: number }>();
  // "Nvidia-backed Reflection AI" is about Reflection AI.
  const about = (m: EntityMention, text: string) => companyLike(m) && m.entity.kind !== 'country' && !BACKER_COMPOUND.test(text.slice(m.end, m.end + 12));
  // The headline names what the article is about: a company in it weighs as much as three mentions.
  const title = article.title ?? '';
  const inTitle = new Set(catalog.find(title).filter((m) => about(m, title)).map((m) => m.canonical.id));
  for (const [p, passage] of mentionsByPassage.entries()) {
    for (const [s, sentence] of passage.entries()) {
      const text = article.passages[p]!.sentences[s]!.text;
      for (const mention of sentence) {
        if (!about(mention, text)) continue;
        const entry = counts.get(mention.canonical.id) ?? { mention, count: inTitle.has(mention.canonical.id) ? 3 : 0 };
        entry.count++;
        counts.set(mention.canonical.id, entry);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.mention ?? null;
}

