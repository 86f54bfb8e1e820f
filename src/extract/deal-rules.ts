/**
 * Deals: money going from investors into a target, read from the clause frame that governs the amount.
 *
 * An amount is a deal's only when a frame cue (`frame-cues.ts`) governs it: a verb next to it ("raised",
 * "invests … in", "übernommen", "stecken") or a deal noun ("an investment of", "eine Beteiligung von",
 * "a $2B round"). The frame says who is who: the subject of `raise` receives, the subject of `invest` gives
 * and the target follows a preposition, the subject of `acquire` buys its object. Investors named after
 * "from / led by / von / unter Führung von" are read as a list, known names or not. Where a role is not
 * clear from the clause, it stays empty: "investor not named" is better than a guess, and a deal whose
 * target is unclear is not reported at all.
 */
import { COMPANY_ANAPHORA, COMPANY_REFERENCE, STATUS_CUES } from './cues.ts';
import {
  asParty,
  coInvestors,
  companyLike,
  cuesOf,
  dealFocus,
  governed,
  governingPreposition,
  investorLists,
  ownerBefore,
  possessive,
  sentenceSubject,
  subjectOf,
  targetAfter,
  unique,
  type Cue,
  type Party,
} from './clause-roles.ts';
import { type DateMention } from './dates.ts';
import type { EntityCatalog, EntityMention } from './entities.ts';
import { BANK_NAME, EXPLICIT_EQUITY, FUND_NOUN, KIND_CUES, OFFER_WORD, PARTNER_PREPOSITION, REJECTED_CUES, ROUND_NAME, RUMOUR_CUES } from './frame-cues.ts';
import type { Deal, DealKind, DealStatus, Quantity, Rule } from './types.ts';
import type { Lang } from '../text/lang.ts';
import { nearestMetric } from './figure-rules.ts';
import {
  clauseOf,
  GENERIC_BACKERS,
  hasCue,
  parties,
  isConversion,
  isRunningTotal,
  hasWord,
  nearest,
  source,
  textAfterAmount,
  wordsIn,
  type ArticleState,
  type SentenceView,
  type Word,
} from './reading.ts';

/** Staff or early backers selling shares: a secondary sale of the company's stock. */
const SHARE_SALE: Record<Lang, RegExp> = {
  en: /\b(?:cash(?:ed)? out|(?:employees|staff|workers)\s+(?:[\p{L}'’-]+\s+){0,6}cash in|(?:investors|shareholders|backers) (?:are to be|will be|would be|were|are being|are) bought out|tender offer|secondary (?:share )?sales?|liquidity offer|sell (?:part of |a portion of )?(?:their )?(?:stock|shares))\b/iu,
  de: /(?:Mitarbeiteraktien|Verkaufsrunde|Aktienrückkauf|(?:Aktien|Anteile) (?:zu )?verkaufen|(?:Investoren|Anteilseigner|Geldgeber) (?:werden|sollen|wurden) (?:\p{L}+ )?(?:ausbezahlt|ausgezahlt|herausgekauft))/iu,
};

/** A word stem of buying, in either language. */
const BUYING = /acqui|bought|snap(?:s|ped|ping)? up|scoop(?:s|ed|ing)? up|\bbu(?:y|ys|ying)\b|purchas|took over|takes? over|übern|kauf|erw[oa]rb|erwirbt|schluck/i;

/** Going public: "Börsengang", "IPO", "an die Börse", "go public". */
const IPO_CUE: Record<Lang, RegExp> = {
  en: /\b(?:IPO|initial public offering|go(?:es|ing)? public|public listing)\b/u,
  de: /(?<![\p{L}])(?:Börsengang|IPO|Börsennotierung)(?![\p{L}])|\ban (?:die|eine) (?:[\p{L}-]+ )?Börse\b/u,
};

/** "Nvidia shares", "Nvidia-Aktien" … and "shares of Nvidia", "Anteile an Nvidia". */
const SHARES_AFTER = /^(?:['’]s)?[\s-]*(?:shares|stock|stake|aktien|anteile)\b/iu;
const SHARES_BEFORE = /\b(?:shares|stock|stake|aktien|anteile)\s+(?:of|in|an|von)\s+$/iu;

/**
 * A cue that is a noun: "acquisition", "offer", and in German every capitalised cue ("Übernahme", "Kauf").
 * (English headlines capitalise verbs too: "Cognition Snaps Up Windsurf".)
 */
const nounCue = (text: string, lang: Lang) => (lang === 'de' && /^\p{Lu}/u.test(text)) || /^(?:acquisition|takeover|buyout|offer)/iu.test(text);

/** Verbs by which the subject takes part in a round named after them: "join", "lead", "sich beteiligen an". */
const JOIN_VERB = /\b(?:join|joins|joined|joining|lead|leads|leading|led|co-lead|anchor|anchors|anchoring|back|backs|backing|participat\p{L}*|take part|invest\p{L}*|beteilig\p{L}*|anführ\p{L}*|führ\p{L}*)\b/iu;

/** "took a stake in", "acquired a minority stake in", "erwarb eine Beteiligung an": the subject buys into the company named next. */
const STAKE_IN = /\b(?:took|takes|take|taking|acquired|acquires|bought|buys|erwarb|erwirbt|übernahm|übernimmt|sicherte sich)\s+(?:a|an|eine[n]?)\s+(?:[\p{L}-]+\s+){0,2}(?:stake|beteiligung|anteil)\s+(?:in|an|am)\b/iu;

/** How far (in characters) a verb may stand from the amount it governs. */
const VERB_REACH = 90;
/** How far a deal noun may stand from its amount ("a $2 billion investment", "Beteiligung von bis zu …"). */
const NOUN_REACH = 40;

const distance = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  a.end <= b.start ? b.start - a.end : Math.max(0, a.start - b.end);

/**
 * The cue that governs `quantity`: a verb in its clause with no other amount between them, else a deal noun
 * right next to it, else a verb elsewhere in the sentence close enough. Null: no frame, no deal.
 */
function governingCue(quantity: Quantity, v: SentenceView, cues: Cue[]): Cue | null {
  const clause = clauseOf(v, quantity.start);
  const others = v.quantities.filter((q) => q !== quantity && q.kind === 'money');
  // No other amount between a verb and its amount, except in "raised $40M and $7M respectively".
  const respectively = /\b(?:respectively|beziehungsweise)\b/iu.test(v.text.slice(quantity.end));
  const clear = (cue: Cue) => respectively || !others.some((q) => q.start >= Math.min(cue.end, quantity.end) && q.end <= Math.max(cue.start, quantity.start));
  const verbs = cues.filter((c) => c.frame !== 'deal_noun' && clear(c) && distance(c, quantity) <= VERB_REACH);
  const inClause = verbs.filter((c) => c.start >= clause[0] && c.end <= clause[1]);
  const nouns = cues.filter((c) => c.frame === 'deal_noun' && clear(c) && distance(c, quantity) <= NOUN_REACH && c.start >= clause[0] && c.end <= clause[1]);
  const byDistance = (list: Cue[]) => list.sort((a, b) => distance(a, quantity) - distance(b, quantity))[0] ?? null;
  return byDistance(inClause) ?? byDistance(nouns) ?? byDistance(verbs.filter((c) => distance(c, quantity) <= VERB_REACH / 2));
}

/** Amounts that are not money moving: a price per share, a payout per dollar, a running total. */
function notADealAmount(quantity: Quantity, v: SentenceView, clause: [number, number]): boolean {
  if (/^\s*(?:per|a|for each|for every|je|pro)\s+(?:share|aktie|dollar|person|user|month|year|jahr|monat)\b/iu.test(textAfterAmount(quantity, v))) return true;
  // "a combined total of $1 billion" sums several deals; "Its investors … put $414 million into the company"
  // is what all of them put in over time.
  if (/\bcombined(?: total)?\b|\bzusammengerechnet\b/iu.test(v.text.slice(...clause))) return true;
  if (GENERIC_BACKERS.test(v.text)) return true;
  // "Amazon verdoppelt den Betrag … auf acht Milliarden Dollar", "bringing its stake to $8 billion": the new total.
  if (/\b(?:auf|to)\s+(?:insgesamt\s+|total\s+|rund\s+|etwa\s+|nunmehr\s+|nearly\s+|about\s+)?$/iu.test(v.text.slice(Math.max(0, quantity.start - 20), quantity.start)) &&
    /\b(?:verdoppel\p{L}*|verdreifach\p{L}*|erhöh\p{L}*|aufgestockt|stockt\p{L}*|doubl\p{L}*|tripl\p{L}*|increas\p{L}*|bringing|brings|raising its|lifting)\b/iu.test(v.text)) return true;
  // "Zunächst solle AWS Anteile … erwerben", "an initial tranche of": a first part of a bigger deal.
  if (/\b(?:zunächst|initially|first tranche|erste[nr]? tranche|in einem ersten schritt|in a first step)\b/iu.test(v.text.slice(...clause))) return true;
  // "an average annual payment of $60bn", "monatlich 5 Millionen": a rate, part of a deal, not one.
  if (/\b(?:average|annual|yearly|monthly|per year|a year|jährlich\p{L}*|monatlich\p{L}*|durchschnittlich\p{L}*)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(v.text.slice(Math.max(0, quantity.start - 60), quantity.start))) return true;
  return isRunningTotal(v, clause);
}

// ── Roles by frame ───────────────────────────────────────────────────────────────────────────────────

interface Roles {
  investors: Party[];
  lead: Party[];
  target: Party;
  rule: Rule;
  /** When the reading itself decides the kind (a company got "for a price" is bought). */
  kind?: DealKind;
}

/** The article being read, and the sentence after this one (a fund raised is often named there). */
type ReadingState = ArticleState & { next: SentenceView | null };

function rolesFor(cue: Cue, quantity: Quantity, v: SentenceView, state: ReadingState, focus: EntityMention | null): Roles | null {
  const lang = state.article.lang;
  const lists = investorLists(v, lang).filter((l) => l.start >= Math.min(cue.start, quantity.start) - 5);
  const listed = lists.flatMap((l) => l.names);
  const leads = lists.filter((l) => l.lead).flatMap((l) => l.names);
  // "it" is most often the company the article's deals are about, else the one it is about.
  const main = dealFocus(state) ?? state.mainEntity ?? focus;
  const subject = subjectOf(v, cue, quantity, lang, focus, main);
  const subjectGroup = subject ? coInvestors(v, subject).map(asParty) : [];
  const rule = (id: string, reason: string): Rule => ({ id, reason });

  switch (cue.frame) {
    case 'raise': {
      // "Lambda is raising billions": a raise without a figure says too little to report.
      if (!subject || !companyLike(subject) || quantity.value === null) return null;
      // "Nun hat sich der Konzern Q.ai geholt – für 2 Milliarden Dollar": getting a company for a price is buying it.
      if (/\b(?:für|for|um)\s+(?:rund\s+|etwa\s+|knapp\s+|about\s+|around\s+)?$/iu.test(v.text.slice(Math.max(0, quantity.start - 20), quantity.start)) && COMPANY_ANAPHORA.test(v.text.slice(...clauseOf(v, cue.start)))) {
        const buyer = focus && focus.canonical.id !== subject.canonical.id ? [asParty(focus)] : [];
        return { target: asParty(subject), investors: buyer, lead: [], rule: rule('deal.acquire', `"${v.text.slice(cue.start, cue.end)}" a company for a price: ${subject.canonical.name} is bought`), kind: 'acquisition' };
      }
      // "A and B have raised $40 million and $7 million respectively": the n-th amount is the n-th company's.
      const group = coInvestors(v, subject);
      if (group.length > 1 && /\b(?:respectively|beziehungsweise)\b/iu.test(v.text)) {
        const until = v.text.slice(cue.end).search(/\b(?:respectively|beziehungsweise)\b/iu) + cue.end;
        const amounts = v.quantities.filter((q) => q.kind === 'money' && q.start > cue.start && q.end <= until);
        const owner = group[amounts.indexOf(quantity)];
        if (group.length !== amounts.length || !owner) return null;
        return { target: asParty(owner), investors: listed, lead: leads, rule: rule('deal.raise', `"respectively": the ${amounts.indexOf(quantity) + 1}. amount is ${owner.canonical.name}'s`) };
      }
      return { target: asParty(subject), investors: listed, lead: leads, rule: rule('deal.raise', `${subject.canonical.name} is the subject of "${v.text.slice(cue.start, cue.end)}": it receives the money`) };
    }
    case 'invest': {
      // "ASML beteiligt sich mit 1,3 Milliarden": joining without a name joins the deal the article is about.
      // … and so does money "put in" with no object ("ASML is said to have put in €1.3 billion").
      const joins = /beteilig|steig|einsteig|particip|join/iu.test(v.text.slice(cue.start, cue.end)) || /^\s+in\s*$/u.test(v.text.slice(cue.end, quantity.start));
      const carried = joins ? dealFocus(state) : null;
      // German puts the target anywhere before the verb at the end: "will in die Firma … bis zu 100 Milliarden stecken".
      const from = lang === 'de' ? clauseOf(v, Math.min(cue.start, quantity.start))[0] : Math.min(cue.start, quantity.start);
      const target = targetAfter(v, state, from, lang, focus) ?? targetAfter(v, state, cue.end, lang, focus) ?? (carried ? asParty(carried) : null);
      if (!target) return null;
      const investors = subjectGroup.filter((p) => p.id !== target.id);
      // "in junge KI-Unternehmen" names no company: only worth reporting when the investor is named.
      if (target.id === null && investors.length === 0) return null;
      return { target, investors: investors.length ? investors : listed, lead: leads, rule: rule('deal.invest', `"${v.text.slice(cue.start, cue.end)}": the subject gives, the name after the preposition receives`) };
    }
    case 'acquire': {
      // "Run AI is being bought", "wurde übernommen" — but "it is buying" is active.
      const cueText = v.text.slice(cue.start, cue.end);
      // A passive needs a participle: "is being bought", but "is set to acquire" is active.
      const passive =
        (PARTICIPLE.test(cueText) && /(?:\b(?:is|was|were|are|been|be|being|wird|wurde|wurden|werden)\s+(?:\p{L}+\s+){0,2})$/iu.test(v.text.slice(Math.max(0, cue.start - 40), cue.start))) ||
        // German puts the participle last: "Quillo wird von Vantora für 2 Milliarden Euro übernommen".
        (lang === 'de' && /^(?:übernommen|gekauft|erworben|geschluckt)$/iu.test(cueText) && /\b(?:wird|wurde|wurden|werden|worden)\b/iu.test(v.text.slice(clauseOf(v, cue.start)[0], cue.start)));
      const nounOf = /^\s+(?:of|von|des|der)\s+/iu.exec(v.text.slice(cue.end));
      let buyer: EntityMention | null;
      let bought: EntityMention | null;
      if (nounOf) {
        bought = parties(v.mentions).find((m) => m.start === cue.end + nounOf[0].length) ?? null;
        buyer = ownerBefore(v, cue.start, lang) ?? lists.find((l) => /\b(?:by|durch)\b/iu.test(v.text.slice(l.start, l.start + 6)))?.names[0]?.mention ?? null;
      } else if (nounCue(v.text.slice(cue.start, cue.end), lang)) {
        // "Das Übernahmeangebot …, das eine Investorengruppe um Elon Musk abgegeben hat": an offer for the
        // company the article's deals are about, by the group's leader.
        buyer = leads[0]?.mention ?? listed[0]?.mention ?? ownerBefore(v, cue.start, lang);
        const about = dealFocus(state) ?? state.mainEntity;
        bought = about && parties(v.mentions).some((m) => m.canonical.id === about.canonical.id) ? about : null;
      } else if (passive) {
        // "Run AI is being bought for $620 million": without "by X", the buyer is the company the article is about.
        // The bought company must be named right there ("investors are to be bought out" buys no company).
        const near = (m: EntityMention) => (lang === 'de' ? clauseOf(v, m.start)[0] === clauseOf(v, cue.start)[0] : cue.start - m.end <= 40);
        bought = subject && parties(v.mentions).includes(subject) && near(subject) ? subject : null;
        const main = state.mainEntity?.canonical.id !== subject?.canonical.id ? state.mainEntity : null;
        // "Quillo wird von Vantora für 2 Milliarden übernommen": the agent after "von / by / durch".
        const agent = parties(v.mentions).find((m) => m !== subject && ['by', 'von', 'vom', 'durch'].includes(governingPreposition(v, m, lang) ?? ''));
        buyer = listed[0]?.mention ?? agent ?? main;
      } else {
        // "OpenAI's $3 billion offer to acquire Windsurf": the offer's owner is the buyer.
        const intent = /\b(?:offer|bid|plan|attempt|effort|proposal|agreement)\s+to\s+$/iu.exec(v.text.slice(Math.max(0, cue.start - 40), cue.start));
        buyer = subject ?? (intent ? ownerBefore(v, cue.start - intent[0].length, lang) : null);
        // The object: the first name after the verb that no preposition governs and that owns nothing ("buy
        // NVIDIA's GPUs" buys no Nvidia); German may name it before a verb at the end ("hat Nice Cognigy übernommen").
        // "buying whatever is left of Windsurf", "the assets of Y": the company those are part of.
        const partOf = (m: EntityMention) => /\b(?:left|rest|remainder|remaining \p{L}+|assets|business|unit|division|operations|rest|teile|geschäft|sparte)\s+(?:of|von|des|der)\s+$/iu.test(v.text.slice(Math.max(0, m.start - 40), m.start));
        const object = (m: EntityMention) => m !== subject && (!governed(v, m, lang) || partOf(m)) && !possessive(m, lang);
        bought = parties(v.mentions).find((m) => m.start >= cue.end && object(m)) ??
          (lang === 'de' && !nounCue(v.text.slice(cue.start, cue.end), lang)
            ? (parties(v.mentions).find((m) => m.end <= cue.start && object(m) && clauseOf(v, m.start)[0] === clauseOf(v, cue.start)[0]) ?? null)
            : null);
      }
      // An active "… bought Microsoft a licence" with no buyer named is no purchase of Microsoft.
      if (!bought || !companyLike(bought) || bought.canonical.id === buyer?.canonical.id || (!buyer && !passive && !nounOf)) return null;
      const buyers = buyer ? [asParty(buyer)] : [];
      return { target: asParty(bought), investors: buyers, lead: [], rule: rule('deal.acquire', `"${v.text.slice(cue.start, cue.end)}": ${buyer ? `${buyer.canonical.name} buys` : 'the buyer is not named;'} ${bought.canonical.name}`) };
    }
    case 'sell': {
      // "SoftBank offloaded all of its Nvidia shares for $5.83 billion": Nvidia's stock changes hands; whoever
      // bought it is not named, and the seller puts no money in.
      const stock = parties(v.mentions).find((m) => m.start >= cue.end && m.end <= quantity.start && companyLike(m) && SHARES_AFTER.test(v.text.slice(m.end, m.end + 12)))
        ?? parties(v.mentions).find((m) => m.start >= cue.end && m.end <= quantity.start && companyLike(m) && SHARES_BEFORE.test(v.text.slice(Math.max(cue.end, m.start - 25), m.start)));
      if (!stock || stock.canonical.id === subject?.canonical.id) return null;
      return { target: asParty(stock), investors: [], lead: [], rule: rule('deal.sell', `"${v.text.slice(cue.start, cue.end)}" shares of ${stock.canonical.name}: a secondary sale`), kind: 'secondary' };
    }
    case 'pay': {
      const to = targetAfter(v, state, quantity.end, lang, focus);
      const object = parties(v.mentions).find((m) => m.start >= cue.end && m.end <= quantity.start && !governed(v, m, lang));
      // "pay $10 billion over five years for cloud computing capacity from Nebius": the provider is paid.
      const provider = /^\s+(?:[\p{L}-]+\s+){0,3}for\s/iu.test(v.text.slice(quantity.end, quantity.end + 40)) ? targetAfter(v, state, quantity.end, lang, focus, /(?:^|\s)(?:from|von)\s+$/iu) : null;
      const target = to ?? (object ? asParty(object) : null) ?? provider;
      if (!target || !subject || target.id === subject.canonical.id) return null;
      return { target, investors: [asParty(subject)], lead: [], rule: rule('deal.pay', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} pays ${target.name}`) };
    }
    case 'spend': {
      // "hat 6,2 Milliarden Dollar für etwas … ausgegeben": what it was spent on is the article's company.
      const on = targetAfter(v, state, quantity.end, lang, focus, /(?:^|\s)(?:on|für|fur)\s+(?:the\s+|das\s+|die\s+|den\s+)?$/iu);
      const indefinite = /^\s+(?:für|on|for)\s+(?:etwas|something|ein(?:e|en)? (?:neues )?(?:projekt|vorhaben)|a (?:new )?project)\b/iu.test(v.text.slice(quantity.end));
      const main = state.mainEntity ? asParty(state.mainEntity) : null;
      // "… Initiative "Stargate": Gemeinsam mit OpenAI will der Konzern 500 Milliarden … ausgeben": the project
      // the sentence names is what the money is spent on.
      const project = parties(v.mentions).find((m) => m.entity.kind === 'project');
      const target = on ?? (indefinite ? main : null) ?? (project ? asParty(project) : null);
      if (!target || !subject || target.id === subject.canonical.id) return null;
      const spenders = [asParty(subject), ...subjectGroup, ...partnersOf(v, cue)].filter((p) => p.id !== target.id);
      return { target, investors: unique(spenders), lead: [], rule: rule('deal.spend', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} spends on ${target.name}`) };
    }
    case 'lead': {
      const owner = ownerBefore(v, quantity.start, lang);
      // "ASML … has become Mistral AI's largest shareholder, having led a series C round": failing an owner or
      // "in Y", the one other company the sentence names.
      const others = parties(v.mentions).filter((m) => companyLike(m) && m.canonical.id !== subject?.canonical.id && !subjectGroup.some((p) => p.id === m.canonical.id));
      const only = new Set(others.map((m) => m.canonical.id)).size === 1 ? asParty(others[0]!) : null;
      const target = (owner && owner !== subject ? asParty(owner) : null) ?? targetAfter(v, state, cue.end, lang, focus) ?? only;
      if (!target || !subject || target.id === subject.canonical.id) return null;
      const leadGroup = subjectGroup.filter((p) => p.id !== target.id);
      return { target, investors: [...leadGroup, ...listed], lead: leadGroup, rule: rule('deal.lead', `"${v.text.slice(cue.start, cue.end)}": ${subject.canonical.name} led the round of ${target.name}`) };
    }
    case 'deal_noun':
      return nounRoles(cue, quantity, v, state, focus, subject, listed, leads);
  }
}

/**
 * A deal noun: "Amazons Beitrag von $50 Milliarden", "an investment of $2B from Amazon in OpenAI",
 * "OpenAI's $6.6 billion round led by Thrive". The giver is a genitive before it, "von / from / by" after it,
 * or the subject of the clause when a target follows a preposition; the receiver follows "in / an / into",
 * is the genitive owner of a round, or is the company the article's deals are about.
 */
function nounRoles(
  cue: Cue,
  quantity: Quantity,
  v: SentenceView,
  state: ReadingState,
  focus: EntityMention | null,
  subject: EntityMention | null,
  listed: Party[],
  leads: Party[],
): Roles | null {
  const lang = state.article.lang;
  const noun = v.text.slice(cue.start, cue.end);
  // Rounds and borrowing belong to the company that takes the money (the subject, or the round's owner).
  const round = /round|runde|series|serie|funding|financing|finanzierung|raise|mittel|kapital|geld|anleihe|kredit|darlehen|loan|bond|credit facility|notes|sale|tender/iu.test(noun);
  const first = Math.min(cue.start, quantity.start);
  const explicitTarget =
    targetAfter(v, state, first, lang, focus) ?? (/deal|vertrag|contract|vereinbarung|agreement/iu.test(noun) ? targetAfter(v, state, first, lang, focus, PARTNER_PREPOSITION[lang]) : null);
  const owner = ownerBefore(v, first, lang);
  const reason = (text: string): Rule => ({ id: round ? 'deal.round' : 'deal.noun', reason: `"${noun}": ${text}` });
  // "Mit dem IPO sollen mindestens 60 Milliarden Dollar frisches Geld in die Kasse kommen": the listing's
  // company raises it (whichever of "IPO" and "Geld" stands nearer the amount).
  const ipo = /^(?:ipo|börsengang)$/iu.test(noun) ? cue : cuesOf(v, lang).find((c) => /^(?:ipo|börsengang)$/iu.test(v.text.slice(c.start, c.end)) && clauseOf(v, c.start)[0] === clauseOf(v, quantity.start)[0]);
  if (ipo) {
    const company = ipoOwner(v, ipo, state, focus) ?? (/\b(?:the|dem|den|der|its|seine[nmr]?)\s+$/iu.test(v.text.slice(Math.max(0, ipo.start - 8), ipo.start)) ? state.mainEntity : null);
    if (!company || !companyLike(company)) return null;
    return { target: asParty(company), investors: listed, lead: leads, rule: { id: 'deal.ipo', reason: `"${v.text.slice(ipo.start, ipo.end)}": the listing of ${company.canonical.name}` }, kind: 'equity' };
  }
  const fund = fundRaised(v, quantity, state);
  if (fund) return { target: fund, investors: [], lead: [], rule: reason(`a fund being raised: ${fund.name}`) };
  if (FUND_NOUN.test(noun)) return null;
  if (round) {
    // A round belongs to the company raising it: its genitive owner, "for / in Y", the clause's subject, the
    // one named in a relative clause after it ("eine Finanzierungsrunde …, die OpenAI zusammenstellt"), the one
    // a round word earlier in the sentence names ("The previous raise for Synthesia came …: a $50 million
    // round"), or, where the sentence says "the company" / "its", the company the article is about.
    // "Nvidia took a stake in Mistral AI in a $80 million Series B": the round of the company the stake is in.
    const stakeIn = subject && STAKE_IN.test(v.text.slice(subject.end, cue.start)) ? targetAfter(v, state, subject.end, lang, focus) : null;
    const target =
      (owner ? asParty(owner) : null) ??
      explicitTarget ??
      (stakeIn && stakeIn.mention && stakeIn.mention.end <= cue.start ? stakeIn : null) ??
      (subject && companyLike(subject) ? asParty(subject) : null) ??
      relativeOwner(v, Math.max(cue.end, quantity.end)) ??
      roundNamedBefore(v, state, cue) ??
      (state.mainEntity && COMPANY_REFERENCE.test(v.text) ? asParty(state.mainEntity) : null);
    if (!target) return null;
    // "Nvidia and SoftBank are in talks to join a new round for Skild AI": a subject that joins, leads or backs
    // a round named for another company invests in it.
    const joining =
      subject && subject.canonical.id !== target.id && (explicitTarget || owner || stakeIn) &&
      (JOIN_VERB.test(v.text.slice(subject.end, cue.start)) || STAKE_IN.test(v.text.slice(subject.end, cue.start)));
    const investors = [...(joining ? coInvestors(v, subject).map(asParty) : []), ...listed].filter((p) => p.id !== target.id);
    return { target, investors, lead: leads.filter((p) => p.id !== target.id), rule: reason(`the round of ${target.name}`) };
  }
  const investor = owner ?? listed.find((p) => p.id !== (explicitTarget?.id ?? null))?.mention ?? subject;
  let target = explicitTarget;
  // "Nvidia erwägt ein Investment von bis zu 30 Milliarden": talks about the deal the article is about. Only
  // for money put in: "an offer" or "a contract" of no named company is no investment in it.
  if (!target && investor && /invest|beteilig|beitrag|engagement|stake|backing|acqui-?hire|talks|verhandlung|gespräch/iu.test(noun)) {
    const carried = dealFocus(state);
    if (carried && carried.canonical.id !== investor.canonical.id) target = asParty(carried);
  }
  if (!target) return null;
  const investors = investor && investor.canonical.id !== target.id ? (investor === subject ? coInvestors(v, investor).map(asParty) : [asParty(investor)]) : [];
  return { target, investors, lead: leads, rule: reason(`${investors[0]?.name ?? 'an unnamed investor'} → ${target.name}`) };
}

/** "The previous raise for Synthesia came in December 2021: a $50 million round …": a round word before the cue names the company. */
function roundNamedBefore(v: SentenceView, state: ArticleState, cue: Cue): Party | null {
  const lang = state.article.lang;
  // ("raise" is read as a verb cue too: here it is the noun, "the previous raise for …".)
  const earlier = cuesOf(v, lang).filter((c) => (c.frame === 'deal_noun' || c.frame === 'raise') && c.end <= cue.start && /round|raise|runde|finanzierung/iu.test(v.text.slice(c.start, c.end)));
  for (const c of earlier) {
    const named = parties(v.mentions).find((m) => m.start >= c.end && m.start - c.end <= 12 && /^\s+(?:for|of|bei|von|für)\s+$/iu.test(v.text.slice(c.end, m.start)));
    if (named && companyLike(named)) return asParty(named);
  }
  return null;
}

/** "…, die OpenAI derzeit zusammenstellt", "…, which Anthropic is raising": the company in the relative clause after a round. */
function relativeOwner(v: SentenceView, position: number): Party | null {
  // "…, die OpenAI zusammenstellt", or English without the pronoun: "the $275 million credit facility Lambda
  // originally set up" (a name right after the noun, then a verb in lower case).
  const relative = /^[^,;]{0,40},\s+(?:die|den|der|das|which|that)\s+|^\s+(?:that\s+|which\s+)?(?=\p{Lu})/iu.exec(v.text.slice(position));
  if (!relative) return null;
  const at = position + relative[0].length;
  const mention = parties(v.mentions).find((m) => m.start === at && companyLike(m));
  if (!mention) return null;
  return relative[0].includes(',') || /^\s+\p{Ll}/u.test(v.text.slice(mention.end, mention.end + 20)) ? asParty(mention) : null;
}

/** "Beschaffung eines neuen Investmentvehikels", "raising a new fund": the fund named here or in the next sentence. */
function fundRaised(v: SentenceView, quantity: Quantity, state: ReadingState): Party | null {
  if (!FUND_NOUN.test(v.text.slice(...clauseOf(v, quantity.start)))) return null;
  const fund = [...v.mentions, ...(state.next?.mentions ?? [])].find((m) => m.entity.kind === 'fund');
  return fund ? asParty(fund) : null;
}

/** "Gemeinsam mit OpenAI will der Konzern …", "together with SoftBank, Oracle will …": partners who act with the subject. */
function partnersOf(v: SentenceView, cue: Cue): Party[] {
  const together = /\b(?:gemeinsam mit|zusammen mit|together with|jointly with)\s+$/iu;
  return parties(v.mentions)
    .filter((m) => m.end <= cue.start && companyLike(m) && together.test(v.text.slice(Math.max(0, m.start - 20), m.start)))
    .map(asParty);
}

// ── Deals ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * How many times the sentence says the same sum came in: "holte sich 2 mal jeweils sechs Milliarden",
 * "raised $6 billion twice this year" are two rounds of that size. ("twice the amount" is a comparison.)
 */
export function timesRaised(quantity: Quantity, v: SentenceView): number {
  const before = /(?:\b([23])\s*-?\s*mal|\b(zwei|drei)\s*-?\s*mal)\s+(?:jeweils\s+|je\s+)?$/iu.exec(v.text.slice(Math.max(0, quantity.start - 20), quantity.start));
  const after = /^\s+(?:[\p{L}]+\s+){0,2}?(twice|two times|three times)\b(?!\s+(?:the|as|that|what|its|their)\b)/iu.exec(v.text.slice(quantity.end, quantity.end + 40));
  const word = (before?.[1] ?? before?.[2] ?? after?.[1] ?? '').toLowerCase();
  return { '2': 2, zwei: 2, twice: 2, 'two times': 2, '3': 3, drei: 3, 'three times': 3 }[word] ?? 1;
}

export function dealFor(
  quantity: Quantity,
  v: SentenceView,
  next: SentenceView | null,
  subject: EntityMention | null,
  articleState: ArticleState,
): Deal | null {
  const state = { ...articleState, next };
  if (quantity.kind !== 'money' || isConversion(quantity, v)) return null;
  const clause = clauseOf(v, quantity.start);
  if (nearestMetric(quantity, v, clause) === 'valuation' || notADealAmount(quantity, v, clause)) return null;
  const lang = state.article.lang;
  const cues = cuesOf(v, lang);
  let cue = governingCue(quantity, v, cues);
  if (!cue) return headlineDeal(quantity, v, state);
  // "Nvidia's acquisition of Deci AI …, and the deal will probably close at $250-350 million": the deal is
  // the acquisition the sentence named.
  const acquisition = cues.find((c) => c.frame === 'acquire' && /^\s+(?:of|von)\s/iu.test(v.text.slice(c.end, c.end + 5)));
  if (acquisition && cue.frame !== 'acquire' && /\b(?:the deal|the transaction|der deal|die transaktion)\b/iu.test(v.text.slice(...clauseOf(v, quantity.start)))) cue = acquisition;
  const focus = focusOf(subject, state);
  const roles = rolesFor(cue, quantity, v, state, focus);
  return roles ? buildDeal(roles, cue, quantity, v, state) : null;
}

/** Whom "the company" stands for: the company the sentence before was about, else the article's company. */
function focusOf(subject: EntityMention | null, state: ArticleState): EntityMention | null {
  return subject && companyLike(subject) ? subject : state.mainEntity;
}

/**
 * Deals a sentence reports without an amount: a company bought ("Im vergangenen Monat hat SpaceX xAI
 * übernommen") or a listing planned ("Vorbereitungen für den Börsengang von SpaceX"). Both parties must be
 * named (an acquisition), or the company going public must be.
 */
export function dealWithoutAmount(v: SentenceView, subjectBefore: () => EntityMention | null, articleState: ArticleState): Deal | null {
  const state = { ...articleState, next: null };
  const lang = state.article.lang;
  // Most sentences speak of neither: cheap looks first (a purchase needs two companies named, a listing one).
  const named = new Set(parties(v.mentions).map((m) => m.canonical.id)).size;
  const buying = named >= 2 && BUYING.test(v.text);
  // A listing, or staff selling their shares ("employees could cash out a portion of their stock", "completed
  // a tender offer"): the company whose shares they are.
  const ipo = IPO_CUE[lang].exec(v.text);
  const listing = ipo ?? SHARE_SALE[lang].exec(v.text);
  const committing = named >= 1 ? COMMITS_TO_USE[lang].exec(v.text) : null;
  if (!buying && !committing && !(listing && (named >= 1 || COMPANY_ANAPHORA.test(v.text)))) return null;
  const focus = focusOf(subjectBefore(), state);
  if (committing) {
    const deal = commitmentDeal(committing, v, state, focus);
    if (deal) return deal;
  }
  const at = (cue: Cue): Quantity => ({ kind: 'money', value: null, max: null, currency: null, unit: '', qualifier: 'exact', additional: false, start: cue.start, end: cue.end, text: '' });
  for (const cue of buying ? cuesOf(v, lang) : []) {
    if (cue.frame !== 'acquire' || nounCue(v.text.slice(cue.start, cue.end), lang)) continue;
    const roles = rolesFor(cue, at(cue), v, state, focus);
    if (roles?.investors.length && roles.target.id) return buildDeal(roles, cue, at(cue), v, state);
  }
  if (!listing) return null;
  const cue: Cue = { frame: 'deal_noun', start: listing.index, end: listing.index + listing[0].length, kind: ipo ? 'equity' : 'secondary' };
  const owner = ipoOwner(v, cue, state, focus) ?? (COMPANY_ANAPHORA.test(v.text.slice(0, cue.start)) ? focus : null);
  if (!owner || !companyLike(owner)) return null;
  const reason = ipo ? `"${listing[0]}": ${owner.canonical.name} goes public` : `"${listing[0]}": shares of ${owner.canonical.name} change hands`;
  return buildDeal({ target: asParty(owner), investors: [], lead: [], rule: { id: ipo ? 'deal.ipo' : 'deal.share-sale', reason }, kind: cue.kind }, cue, at(cue), v, state);
}

/**
 * A company bound to use another's services: "SSI has committed to running its research on Google Cloud's
 * TPUs", "OpenAI signed an agreement to use Oracle's data centers", "hat sich verpflichtet, Rechenleistung von
 * Microsoft zu nutzen". The match ends at the verb of using.
 */
const COMMITS_TO_USE: Record<Lang, RegExp> = {
  en: /\b(?:(?:(?:has|have|had)\s+)?(?:committed|agreed|signed\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:deal|agreement|contract))\s+to\s+(?:run|running|use|using|rent|renting)|sign(?:s|ed)?\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:deal|agreement|contract|licen[cs]e)\s+(?:giving\s+it|to\s+get|for)\s+(?:the\s+)?(?:use|access))\b/iu,
  de: /\b(?:verpflichtet(?:e)?\s+sich|hat\s+sich\s+verpflichtet)\b.{0,80}?\b(?:zu\s+nutzen|zu\s+mieten|zu\s+beziehen)\b/iu,
};

/**
 * The deal of a commitment to use a company's services (see `COMMITS_TO_USE`): the subject commits, the company
 * whose services are named after the verb (a possessive "Google Cloud's", or "von/from X") is the target.
 */
function commitmentDeal(match: RegExpExecArray, v: SentenceView, state: ReadingState, focus: EntityMention | null): Deal | null {
  const lang = state.article.lang;
  const cue: Cue = { frame: 'invest', start: match.index, end: match.index + match[0].length, kind: 'commitment' };
  const subject = subjectOf(v, cue, cue, lang, focus);
  // The provider is named after the verb; or "the start-up" stands for it: another company the sentence named
  // before, else the one the article is about.
  const other = (m: EntityMention) => companyLike(m) && m.canonical.id !== subject?.canonical.id;
  const named = parties(v.mentions).find((m) => m.start >= (lang === 'de' ? match.index : cue.end) && other(m));
  const referred = COMPANY_ANAPHORA.test(v.text.slice(cue.end)) ? (parties(v.mentions).filter((m) => m.end <= cue.start && other(m)).at(-1) ?? dealFocus(state) ?? state.mainEntity) : null;
  const provider = named ?? referred;
  if (!subject || !companyLike(subject) || !provider || provider.canonical.id === subject.canonical.id) return null;
  const rule = { id: 'deal.commitment', reason: `"${match[0]}": ${subject.canonical.name} commits to use ${provider.canonical.name}` };
  const at: Quantity = { kind: 'money', value: null, max: null, currency: null, unit: '', qualifier: 'exact', additional: false, start: cue.start, end: cue.end, text: '' };
  return buildDeal({ target: asParty(provider), investors: [asParty(subject)], lead: [], rule, kind: 'commitment' }, cue, at, v, state);
}

/** "Das Investitionsvolumen des Projekts liegt bei …", "the project's cost / volume / price tag of …": what a planned project costs. */
const PROJECT_VOLUME: Record<Lang, RegExp> = {
  en: /\b(?:the|this)\s+project['’]s\s+(?:cost|costs|volume|price tag|investment)\b|\b(?:the|this)\s+project\s+(?:will\s+|would\s+)?costs?\b|\binvestment volume of the project\b/iu,
  de: /\b(?:investitionsvolumen|kosten|volumen)\s+(?:des|dieses)\s+(?:projekts|projektes|vorhabens)\b|\b(?:das|dieses)\s+(?:projekt|vorhaben)\s+(?:soll\s+)?kostet?\b/iu,
};

/**
 * A project planned in a sentence before: "planen die Deutsche Telekom und Nvidia, gemeinsam ein Rechenzentrum zu
 * errichten", "Microsoft and OpenAI plan to build a data center". Group 1: what is built.
 */
const PLANNED_PROJECT: Record<Lang, RegExp> = {
  en: /\b(?:plans?|planning|want|wants|intends?|aims?|are set)\s+to\s+(?:jointly\s+)?(?:build|construct|erect|set up)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?((?:AI\s+)?(?:data\s+cent(?:er|re)|factory|gigafactory|fab|plant|campus|supercomputer))\b/iu,
  de: /\b(?:planen|plant|wollen|will|beabsichtigen)\b[^.]{0,80}?\b(?:ein|eine|einen)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]*(?:rechenzentrum|fabrik|gigafactory|werk|campus|supercomputer))\s+(?:zu\s+)?(?:errichten|bauen|aufbauen|hochziehen)\b/iu,
};

/**
 * The cost of a project planned a few sentences before: "… planen die Deutsche Telekom und Nvidia, gemeinsam ein
 * Rechenzentrum zu errichten. … Das Investitionsvolumen des Projekts liege bei einer Milliarde Euro." The
 * planners invest in the project, named by what is built.
 */
export function projectCostDeal(quantity: Quantity, v: SentenceView, earlier: readonly SentenceView[], articleState: ArticleState): Deal | null {
  const lang = articleState.article.lang;
  if (quantity.kind !== 'money' || quantity.value === null || !PROJECT_VOLUME[lang].test(v.text)) return null;
  for (const before of [...earlier].reverse()) {
    const plan = PLANNED_PROJECT[lang].exec(before.text);
    if (!plan) continue;
    const cue: Cue = { frame: 'invest', start: plan.index, end: plan.index + plan[0].length, kind: 'commitment' };
    const planners = parties(before.mentions).filter((m) => m.start < plan.index + plan[0].length && companyLike(m));
    if (!planners.length) return null;
    const investors = unique(coInvestors(before, planners.at(-1)!).map(asParty));
    const built = plan[1]!.replace(/\s+/g, ' ');
    const target: Party = { id: null, name: built.charAt(0).toUpperCase() + built.slice(1), mention: null };
    const rule = { id: 'deal.project-cost', reason: `"${v.text.slice(0, 60)}…": the cost of the ${built} that ${investors.map((p) => p.name).join(' and ')} plan` };
    return buildDeal({ target, investors, lead: [], rule, kind: 'commitment' }, cue, quantity, v, { ...articleState, next: null });
  }
  return null;
}

/** "€1.3B from ASML for Mistral", "2 Mrd. Euro von SAP für Aleph Alpha": a headline's amount, giver and taker. */
function headlineDeal(quantity: Quantity, v: SentenceView, articleState: ArticleState): Deal | null {
  const state = { ...articleState, next: null };
  const after = /^\s+(?:from|von)\s+/iu.exec(v.text.slice(quantity.end));
  if (!after) return null;
  const giver = parties(v.mentions).find((m) => m.start === quantity.end + after[0].length);
  if (!giver) return null;
  const link = /^\s+(?:for|in|into|für|an)\s+/iu.exec(v.text.slice(giver.end));
  const taker = link ? parties(v.mentions).find((m) => m.start === giver.end + link[0].length && companyLike(m)) : undefined;
  if (!taker || taker.canonical.id === giver.canonical.id) return null;
  const cue: Cue = { frame: 'invest', start: quantity.end, end: quantity.end + after[0].length };
  const rule = { id: 'deal.headline', reason: `"${v.text.slice(quantity.start, taker.end)}": an amount from ${giver.canonical.name} for ${taker.canonical.name}` };
  return buildDeal({ target: asParty(taker), investors: [asParty(giver)], lead: [], rule }, cue, quantity, v, state);
}

/** "Börsengang von SpaceX", "DeepL-Börsengang", "CoreWeave's IPO", "its IPO", or the clause's subject. */
function ipoOwner(v: SentenceView, cue: Cue, state: ArticleState, focus: EntityMention | null): EntityMention | null {
  const lang = state.article.lang;
  const after = parties(v.mentions).find((m) => m.start >= cue.end && /^\s*(?:von|der|des|of)\s+$/iu.test(v.text.slice(cue.end, m.start)));
  const compound = parties(v.mentions).find((m) => m.end === cue.start - 1 && v.text[m.end] === '-');
  const owner = ownerBefore(v, cue.start, lang);
  if (after ?? compound ?? owner) return after ?? compound ?? owner;
  if (/\b(?:its|seine[nmr]?|ihre[nmr]?)\s+(?:[\p{L}-]+\s+)?$/iu.test(v.text.slice(Math.max(0, cue.start - 30), cue.start))) return sentenceSubject(v, lang) ?? focus;
  return subjectOf(v, cue, cue, lang, null);
}

function buildDeal(roles: Roles, cue: Cue, quantity: Quantity, v: SentenceView, state: ReadingState): Deal {
  const lang = state.article.lang;
  const clause = clauseOf(v, quantity.start);
  const { target } = roles;
  // Leads first, each investor once, never the target itself.
  const investors = unique([...roles.lead, ...roles.investors]).filter((p) => p.id !== target.id || p.name !== target.name);
  // The deal's target, for "the company" and for deals later in the article that name none.
  const targetMention = target.mention ?? (target.id ? v.mentions.find((m) => m.canonical.id === target.id) : undefined);
  if (targetMention) state.targets.push(targetMention);
  const date = aheadIfFuture(dateFor(quantity, v, clause), v, clause, state.article.date);
  const named = investors.filter((p) => p.id);
  return {
    investorId: named.length === 1 && investors.length === 1 ? named[0]!.id : null,
    investorIds: named.map((p) => p.id!),
    investor: investors.length ? investors.map((p) => p.name).join('/') : null,
    investors: investors.map((p) => p.name),
    lead: unique(roles.lead).map((p) => p.name),
    targetId: target.id,
    target: target.name,
    amount: quantity.value === null ? null : { value: quantity.value, max: quantity.max, currency: quantity.currency, qualifier: quantity.qualifier },
    additional: quantity.additional,
    status: statusFor(v, quantity, clause, date, state.article.date, lang, cue, target.id !== null && target.id === state.mainEntity?.canonical.id),
    kind: roles.kind ?? kindFor(cue, quantity, v),
    round: ROUND_NAME.exec(v.text)?.[0] ?? null,
    rule: roles.rule,
    date: date?.value ?? state.article.date,
    dateFrom: date ? 'text' : state.article.date ? 'article' : null,
    sources: [source(state.article, v.sentence, quantity)],
  };
}

/**
 * The kind by the words around the amount (its clause and the cue): an acquisition verb decides first, then
 * the most specific words (secondary, debt, grant, commitment); money put in or raised is otherwise equity.
 */
function kindFor(cue: Cue, quantity: Quantity, v: SentenceView): DealKind {
  if (cue.kind) return cue.kind;
  const clause = clauseOf(v, quantity.start);
  const near = `${v.text.slice(...clause)} ${v.text.slice(cue.start, cue.end)}`;
  for (const { kind, pattern } of KIND_CUES) {
    if (kind !== 'equity' && pattern.test(near)) return kind;
  }
  if (cue.frame === 'invest' || cue.frame === 'raise' || cue.frame === 'lead') return 'equity';
  return KIND_CUES.find((k) => k.kind === 'equity')!.pattern.test(near) ? 'equity' : 'unknown';
}

/**
 * Money whose every backer is a bank ("zusätzliche 150 Millionen Euro an Finanzierung … Beteiligt sind die
 * Deutsche Bank, die Commerzbank und die KfW") is as likely a loan as shares: equity only where its sentence
 * says so ("stake", "Series B", "Finanzierungsrunde"), otherwise its kind is left unknown. Run once the
 * investors of nearby sentences have joined the deal.
 */
export function unknownKindIfBanks(deal: Deal, catalog: EntityCatalog): void {
  if (deal.kind !== 'equity' || deal.investors.length === 0) return;
  const isBank = (name: string, i: number) => {
    const entity = deal.investorIds[i] ? catalog.get(deal.investorIds[i]!) : undefined;
    return BANK_NAME.test(name) || (entity?.aliases ?? []).some((alias) => BANK_NAME.test(alias));
  };
  if (deal.investors.length !== deal.investorIds.length || !deal.investors.every(isBank)) return;
  if (deal.sources.some((s) => EXPLICIT_EQUITY.test(s.quote))) return;
  deal.kind = 'unknown';
  deal.rule = { id: deal.rule.id, reason: `${deal.rule.reason}; every backer is a bank and no word says shares: kind unknown (a loan as likely as equity)` };
}

/**
 * An offer turned down in a later sentence ("Das Übernahmeangebot über 100 Milliarden …" — "… das Durcheinander
 * um die unerwünschte Offerte"): the sentence after speaks of an offer and says it is unwanted or rejected.
 */
export function rejectedLater(deal: Deal, later: readonly string[]): void {
  if (deal.kind !== 'acquisition' || deal.status === 'completed' || deal.status === 'historic' || deal.status === 'rejected') return;
  if (!deal.sources.some((s) => OFFER_WORD.test(s.quote))) return;
  const refusal = later.find((text) => OFFER_WORD.test(text) && REJECTED_CUES.test(text));
  if (!refusal) return;
  deal.status = 'rejected';
  deal.rule = { id: deal.rule.id, reason: `${deal.rule.reason}; the offer is turned down later: "${refusal.slice(0, 120)}"` };
}

// ── Status and date ──────────────────────────────────────────────────────────────────────────────────

/** Auxiliaries of the perfect tense: "hat … investiert", "has invested" report money already in, over time. */
const PERFECT_AUXILIARIES = ['hat', 'haben', 'hatte', 'hatten', 'has', 'have', 'had'];
/** "had raised", "hatte … eingesammelt": the pluperfect tells background. */
const PLUPERFECT = /\b(?:had|hatte|hatten)\b/iu;

/**
 * Talks, plans and announcements by their wording. Money already paid is `completed` when the report is
 * news ("raised", "hat … eingesammelt", "hat gerade … ausgegeben") and `historic` when it is background: an
 * earlier year, the pluperfect, or a running total in the perfect tense ("Microsoft hat mehr als $13 Mrd
 * investiert", "Amazon hat seit 2023 rund acht Milliarden investiert"). An offer turned down is `rejected`;
 * news only others report ("reportedly", "Berichten zufolge") is `rumoured` unless it is about talks.
 */
function statusFor(
  v: SentenceView,
  quantity: Quantity,
  clause: [number, number],
  date: DateMention | null,
  articleDate: string | null,
  lang: Lang,
  cue: Cue,
  /** The deal is about the company the article is about (its news), not another one (background). */
  mainStory: boolean,
): DealStatus {
  if ((cue.frame === 'acquire' || /offer|angebot/iu.test(v.text)) && REJECTED_CUES.test(v.text)) return 'rejected';
  const worded = statusIn(wordsIn(v, clause), true) ?? statusIn(v.words, false);
  let status = worded ?? 'announced';
  // "Scale AI said Meta would take a 49% stake": a deal reported as agreed, in reported speech, is no talk.
  if (status === 'talks' && /\b(?:said|says|announced|confirmed)\b(?:\s+that)?\s+(?:[\p{L}&.-]+\s+){1,3}would\b/iu.test(v.text) && !hasCue(v.words, STATUS_CUES[0]!.words)) status = 'announced';
  if (status !== 'talks' && RUMOUR_CUES.test(v.text)) return 'rumoured';
  // "had raised", "hatte … aufgelegt": background, unless the words say it was only announced or planned then.
  // Not in reported speech: "the startup said it had obtained a $1 billion facility" is this week's news.
  const reported = /\b(?:said|says|announced|told|reported|sagte|erklärte|teilte\s.{0,40}mit|hieß es)\b/iu.test(v.text.slice(0, PLUPERFECT.exec(v.text)?.index ?? 0));
  const pluperfect = PLUPERFECT.test(v.text);
  if (pluperfect && !reported && (!worded || status === 'completed' || status === 'historic')) return 'historic';
  // A year before the article's marks background; so does an earlier month ("last month", "im Januar" in a
  // February article) for a deal of another company than the article's (its own deal of last month is its
  // news). Without the article's date, a year named in the text ("der 2017 … investierte") or "last year" does,
  // and so does an earlier round ("In its earlier Series A round, Skild took in …").
  const earlier = date ? (articleDate ? before(date.value, articleDate) : 'year') : !articleDate && RELATIVE_PAST.test(v.text.slice(...clause)) ? 'year' : null;
  const past = earlier === 'year' || (earlier === 'month' && !mainStory) || EARLIER_ROUND.test(v.text);
  if (past && (status === 'completed' || status === 'announced' || status === 'historic')) return 'historic';
  // English tells background in the present perfect of a relative clause ("Amazon, which has invested $8
  // billion") and news in a main clause ("Sakana has completed a round"); German tells fresh events in the
  // perfect ("hat … eingesammelt"). So only a running total or such a relative clause is background.
  const relative = lang === 'en' && /\b(?:which|who|that)\s+(?:has|have|had)\b/iu.test(v.text);
  // "Microsoft hat mehr als 13 Milliarden in OpenAI investiert" is everything it put in over time; a round
  // "of more than $500 million" that a company received is one round.
  const openEnded = (quantity.qualifier === 'more_than' || quantity.qualifier === 'at_least') && cue.frame === 'invest';
  const cumulative = relative || openEnded || hasWord(v.words, CUMULATIVE_WORDS);
  if (status === 'historic' && (reported || !(cumulative && hasWord(v.words, PERFECT_AUXILIARIES)))) status = 'completed';
  // "Lakera wird von Check Point übernommen": the German present passive tells what is happening, not done.
  if (status === 'completed' && lang === 'de' && /\b(?:wird|werden)\b/iu.test(v.text.slice(...clause)) && !/\b(?:wurde|wurden|hat|haben|hatte|ist|sind)\b/iu.test(v.text.slice(...clause))) return 'announced';
  return status;
}

/** Times before the article's, for articles without a date: "last year", "im Vorjahr", "last month". */
const RELATIVE_PAST = /\b(?:last (?:year|month)|a year (?:ago|earlier)|the previous year|im vorjahr|letztes jahr|letzten monat|im (?:vergangenen|letzten) (?:jahr|monat))\b/iu;

/**
 * A month named without its year in the future tense ("with $10 billion coming in April", in a March article)
 * lies ahead: the date reader takes the latest such month before the article, so it moves on a year.
 */
function aheadIfFuture(date: DateMention | null, v: SentenceView, clause: [number, number], articleDate: string | null): DateMention | null {
  if (!date || !articleDate || /\d{4}/.test(v.text.slice(date.start, date.end)) || !FUTURE.test(v.text.slice(...clause))) return date;
  if (!/^\d{4}-\d{2}/.test(date.value) || date.value.slice(0, 7) >= articleDate.slice(0, 7)) return date;
  return { ...date, value: `${Number(date.value.slice(0, 4)) + 1}${date.value.slice(4)}` };
}

/** Words of the future tense or of a schedule: a month they name lies ahead. */
const FUTURE = /\b(?:will|would|shall|coming|due|expected|set to|wird|werden|soll|sollen|kommen)\b/iu;

/** Participles of buying, English and German ("acquired", "bought", "taken over", "übernommen", "gekauft"). */
const PARTICIPLE = /^(?:acquired|bought|purchased|taken over|snapped up|scooped up|übernommen|gekauft|erworben|geschluckt)$/iu;

/** "its earlier Series A round", "the previous raise", "earlier this year, when …", "seiner letzten Finanzierungsrunde". */
const EARLIER_ROUND =
  /\b(?:(?:its|the|an?|their)\s+(?:earlier|previous|prior)\s+(?:[\p{L}-]+\s+){0,2}(?:round|raise|funding)|earlier this year,? when|(?:seiner|ihrer|der)\s+(?:letzten|vorigen|vorherigen|früheren)\s+(?:\p{L}+)?(?:runde|finanzierung))/iu;

/**
 * Whether a date (`2023`, `2023-09`, `2026-01-26`, `2025-Q4`) lies before the article's date: in an earlier
 * `year`, or in the same year's earlier `month` (or quarter); null when it does not.
 */
function before(value: string, articleDate: string): 'year' | 'month' | null {
  if (value.slice(0, 4) < articleDate.slice(0, 4)) return 'year';
  if (value.slice(0, 4) > articleDate.slice(0, 4)) return null;
  const quarter = /^(\d{4})-Q(\d)$/.exec(value);
  if (quarter) return Number(quarter[2]) < Math.ceil(Number(articleDate.slice(5, 7) || '12') / 3) ? 'month' : null;
  return value.length >= 7 && articleDate.length >= 7 && value.slice(0, 7) < articleDate.slice(0, 7) ? 'month' : null;
}

/** "seit 2023", "bislang", "so far", "in total": a running total, not this week's news. */
const CUMULATIVE_WORDS = ['seit', 'bislang', 'bisher', 'insgesamt', 'since', 'total', 'far', 'date', 'cumulative', 'already'];

/** The status the words name; `ownClause`: they are the amount's own clause (modal words count there only). */
function statusIn(words: Word[], ownClause: boolean): DealStatus | null {
  const completedVerb = hasCue(words, STATUS_CUES.find((c) => c.status === 'historic')!.words);
  for (const { status, words: cues, clauseOnly } of STATUS_CUES) {
    if ((clauseOnly && !ownClause) || !hasCue(words, cues)) continue;
    if (status === 'completed_recent') {
      if (completedVerb) return 'completed';
      continue;
    }
    return status;
  }
  return null;
}

function dateFor(quantity: Quantity, v: SentenceView, clause: [number, number]): DateMention | null {
  const inClause = v.dates.filter((d) => d.role === 'at' && d.start >= clause[0] && d.end <= clause[1]);
  const candidates = inClause.length ? inClause : v.dates.filter((d) => d.role === 'at');
  return nearest(candidates, quantity);
}
