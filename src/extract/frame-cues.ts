/**
 * The words that make a clause a deal, per language, as data (the rules in `deal-rules.ts` read them).
 *
 * A frame names who is who around its cue:
 * - `raise`: the clause's subject RECEIVES the money ("Anthropic raised $2B", "Quantum sammelte … ein");
 * - `invest`: the subject GIVES it, the target follows a preposition ("Nvidia pours $5B into Intel",
 *   "Amazon will … in Anthropic stecken", "steigt bei Intel ein");
 * - `acquire`: the subject BUYS the object ("Nvidia acquires Run:ai for …", "hat Nice Cognigy übernommen");
 * - `pay`: the subject pays the one named after "to" or as the indirect object ("agreed to hand Inflection $650M");
 * - `sell`: the subject sells shares of the company named with them ("offloaded all of its Nvidia shares"):
 *   a secondary sale of that company's stock;
 * - `spend`: the subject spends on what follows "for / on / für" ("hat … für etwas ausgegeben");
 * - `lead`: the subject LED a round of the company after it ("Thrive led OpenAI's $6.6B round");
 * - `deal_noun`: a noun that is money moving ("an investment of", "eine Beteiligung von", "a $2B round"): whose it
 *   is comes from prepositions and possessives around it.
 * Patterns are matched on the sentence as printed, case-insensitively unless they say otherwise.
 */
import type { Lang } from '../text/lang.ts';
import type { DealKind } from './types.ts';

export type Frame = 'raise' | 'invest' | 'acquire' | 'sell' | 'pay' | 'spend' | 'lead' | 'deal_noun';

export interface FrameCue {
  frame: Frame;
  pattern: RegExp;
  /** The kind of deal the cue itself implies (an acquisition verb); otherwise the sentence's words decide. */
  kind?: DealKind;
}

const w = (source: string): RegExp => new RegExp(String.raw`(?<![\p{L}\d-])(?:${source})(?![\p{L}\d])`, 'iu');
/** Deal nouns may hang on an amount by a hyphen: "29-Milliarden-Dollar-Anleihe", "$2B-Runde". */
const noun = (source: string): RegExp => new RegExp(String.raw`(?<![\p{L}\d])(?:${source})(?![\p{L}\d])`, 'iu');

const GLOBAL = new WeakMap<RegExp, RegExp>();
/**
 * Every match of a cue pattern in `text`. The patterns here are not global (so `test` and `exec` keep no
 * state between calls); this makes and keeps the global twin `matchAll` needs.
 */
export function everyMatch(pattern: RegExp, text: string): RegExpExecArray[] {
  let global = GLOBAL.get(pattern);
  if (!global) GLOBAL.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags}g`)));
  return [...text.matchAll(global)];
}

export const FRAME_CUES: Record<Lang, readonly FrameCue[]> = {
  en: [
    { frame: 'acquire', kind: 'acquisition', pattern: w(String.raw`acquir(?:e|es|ed|ing)|bu(?:y|ys|ying)|bought|purchas(?:e|es|ed|ing)|tak(?:e|es|ing) over|took over|snap(?:s|ped|ping)? up|scoop(?:s|ed|ing)? up|acquisition|takeover|buyout`) },
    { frame: 'lead', pattern: w(String.raw`(?:co-)?le(?:d|ads|ading)(?! by)|(?<=\bto |\bwill |\bwould |\bco-)lead`) },
    { frame: 'raise', pattern: w(String.raw`rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|land(?:s|ed)|collect(?:s|ed)?|t(?:ook|akes?|aking) in|br(?:ought|ings?|inging) in|pull(?:s|ed)? in|obtain(?:s|ed)?|nabbed|bagged|snagged|receiv(?:e|es|ed|ing)|gets?|got|attract(?:s|ed)|clos(?:e|es|ed|ing)|complet(?:e|es|ed|ing)|seek(?:s|ing)?|sought|looking to raise`) },
    { frame: 'invest', pattern: w(String.raw`invest(?:s|ed|ing)?|put(?:s|ting)?(?!\s+(?:[\p{L}'’-]+\s+){0,4}(?:valuation|value|worth)\b)|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?|plow(?:s|ed|ing)?|commit(?:s|ted|ting)?`) },
    { frame: 'pay', pattern: w(String.raw`pa(?:y|ys|id|ying)|hand(?:s|ed)?`) },
    { frame: 'spend', pattern: w(String.raw`sp(?:end|ends|ent|ending)`) },
    { frame: 'sell', kind: 'secondary', pattern: w(String.raw`sold|sells|selling|sold off|offloaded|offloads|unloaded|dumped|divested`) },
    { frame: 'deal_noun', pattern: noun(String.raw`investments?|stakes?|injection|backing|funding|financing|(?:reverse[ -])?acqui-?hires?|(?:funding |financing |fundraising |investment |equity |venture |seed )?rounds?|series [a-h]\d?|raise|offer|[\p{L}-]*deal|contract|commitment|fund|vehicle|credit facility|loans?|bonds?|talks|negotiations|discussions|secondary (?:share )?sale|share sale|tender offer|IPO`) },
  ],
  de: [
    { frame: 'acquire', kind: 'acquisition', pattern: w(String.raw`übernimmt|übernommen|übernehmen|übernahm|kauft|kaufte|gekauft|kaufen|erwirbt|erworben|erwarb|schluckt|geschluckt|übernahme\p{L}*|\p{L}*übernahme|kauf`) },
    { frame: 'lead', pattern: w(String.raw`führt(?:e|en)?(?= die \p{L}*runde an)|angeführt(?! von)`) },
    { frame: 'raise', pattern: w(String.raw`eingesammelt|sammel(?:t|te|ten|n)|einsammeln|erh(?:ält|ielt|ielten|alten)|bek(?:ommt|ommen|am|amen)|gesichert|sicher(?:t|te|ten) sich|hol(?:t|te|ten) sich|geholt|kassier(?:t|te|ten)|kassiert|aufgenommen|(?:nimmt|nahm|nahmen)(?= .{0,80}\bauf\b)|fließ(?:t|en)|floss(?:en)?|zufließen|ausgestattet|such(?:t|te|en)(?= .{0,30}\b(?:nach|mittel|kapital|geld|finanzierung|investoren|geldgeber))`) },
    { frame: 'invest', pattern: w(String.raw`investier(?:t|te|ten|en)|steck(?:t|te|ten|en)|gesteckt|pump(?:t|te|ten|en)|gepumpt|schie(?:ß|ss)(?:t|en)|nachschie(?:ß|ss)en|beteilig(?:t|te|ten|en) sich|steig(?:t|en)(?= .{0,80}\bein\b)|stieg(?:en)?(?= .{0,80}\bein\b)|einsteigen|eingestiegen|einzusteigen`) },
    { frame: 'pay', pattern: w(String.raw`zahl(?:t|te|ten|en)|gezahlt|bezahl(?:t|te|ten|en)`) },
    { frame: 'spend', pattern: w(String.raw`ausgegeben|ausgeben|auszugeben|gib(?:t)(?= .{0,80}\baus\b)|gab(?= .{0,80}\baus\b)`) },
    { frame: 'sell', kind: 'secondary', pattern: w(String.raw`verkauft|verkaufte|verkauften|abgestoßen|stieß(?= .{0,80}\bab\b)|veräußert\p{L}*`) },
    { frame: 'deal_noun', pattern: noun(String.raw`investition|investment|beteiligung|beitrag|engagement|kapitalspritze|\p{L}*finanzierungsrunde|\p{L}*runde|finanzierung|übernahmeangebot|angebot|[\p{L}-]*deal|vertrag|beschaffung|fonds|\p{L}*vehikels?|kredit\p{L}*|anleihe\p{L}*|darlehen|verhandlungen|gespräche[n]?|mitteln?|\p{L}*kapital|geld|verkaufsrunde|börsengang|ipo`) },
  ],
};

/** Words after which a name is an investor: "from Thrive", "led by Spark", "von Amazon", "unter Führung von Lakestar". */
export const INVESTOR_LIST_CUES: Record<Lang, RegExp> = {
  en: w(String.raw`(?:co-)?led by|from(?: investors?(?: including| such as)?)?|with(?=[^.;]{1,100}?\s(?:also\s+)?(?:taking part|participating|joining in|chipping in|leading)\b)|and(?=\s[^.;]{1,100}?\s(?:also\s+)?(?:taking part|participating|joining in|chipping in)\b)|among others from|include[sd]?|with participation (?:from|of|by)|participation from|backed by|alongside|investors? (?:including|such as|like)|including|such as|joined by|participants included|backers? (?:include|included|including)|investors include[ds]?`),
  de: w(String.raw`(?:zu den )?(?:geldgebern|investoren|kapitalgebern|anteilseignern) (?:gehören|zählen)(?: unter anderem| auch| außerdem)?|unter anderem von|darunter von|(?:investoren)?gruppe um|konsortium um|(?:angeführt|angef\u00fchrt) (?:(?:wird|wurde|werden|wurden) .{0,30} )?(?:von|vom)|unter (?:der )?(?:Führung|Leitung|Federführung) (?:von|des|der)|unter Beteiligung von|mit Beteiligung von|gemeinsam mit|von|darunter|beteiligt(?:en)? sich(?: auch)?|beteiligt (?:sind|waren)(?: außerdem| auch| zudem| ebenfalls)?|mit dabei (?:sind|waren)|Investoren sind|Geldgeber sind`),
};

/** Investor cues that also mean much else ("von", "from", "by"): they count only right after an amount or a deal word. */
export const WEAK_LIST_CUES = /^(?:von|from|by|darunter|including|include[sd]?)$/iu;

/** Of the investor cues, those that name the round's lead. */
export const LEAD_CUES: Record<Lang, RegExp> = {
  en: w(String.raw`(?:co-)?led by|(?:investor )?(?:group|consortium) led by|with(?=\s[^,.;]{1,60}?\s(?:leading|as (?:the )?lead(?: investor)?)\b)`),
  de: w(String.raw`angeführt (?:(?:wird|wurde|werden|wurden) .{0,30} )?(?:von|vom)|unter (?:der )?(?:Führung|Leitung|Federführung) (?:von|des|der)|(?:investoren)?gruppe um|konsortium um`),
};

/** Prepositions that make a name the target of an `invest` frame or a deal noun: "in OpenAI", "an Anthropic", "bei Intel". */
export const TARGET_PREPOSITION: Record<Lang, RegExp> = {
  en: /(?:(?:^|\s)(?:in|into|for|to)|(?:backer|investor|shareholder|owner)s?\s+(?:of|in))\s+(?:the\s+|a\s+)?$/iu,
  de: /(?:(?:^|\s)(?:in|an|bei|beim|für|fur)|(?:geldgeber|investor|anteilseigner|aktionär|eigentümer)(?:in|en|s)?\s+(?:von|bei|an))\s+(?:die\s+|den\s+|das\s+|der\s+|dem\s+)?$/iu,
};

/** The same prepositions as words, for a name they govern across adjectives and nouns ("beim angeschlagenen Konkurrenten Intel"). */
export const TARGET_WORDS: Record<Lang, readonly string[]> = { en: ['in', 'into', 'for'], de: ['in', 'an', 'bei', 'beim', 'fur', 'für'] };

/** With a deal noun, also the partner of a contract: "a deal with Cerebras", "ein Vertrag mit Oracle". */
export const PARTNER_PREPOSITION: Record<Lang, RegExp> = {
  en: /(?:^|\s)with\s+(?:the\s+)?$/iu,
  de: /(?:^|\s)mit\s+(?:der\s+|dem\s+)?$/iu,
};

/** A fund being raised: its name (a fund in the list) is the target, in this sentence or the next. */
export const FUND_NOUN = /\b(?:fonds|\p{L}*vehikels?|fund|vehicle)\b/iu;

/** Words that make a preposition govern a name: a name right after one of these is no clause subject. */
export const PREPOSITIONS: Record<Lang, readonly string[]> = {
  en: ['in', 'into', 'for', 'to', 'from', 'by', 'of', 'with', 'at', 'on', 'than', 'including', 'like', 'about', 'over', 'among', 'alongside', 'against', 'behind', 'via', 'through', 'after', 'before', 'under', 'between', 'versus', 'vs'],
  de: ['in', 'an', 'bei', 'für', 'fur', 'von', 'vom', 'mit', 'durch', 'um', 'über', 'uber', 'aus', 'nach', 'zu', 'zum', 'zur', 'gegen', 'unter', 'neben', 'als', 'wie', 'beim', 'im', 'am', 'ins', 'laut', 'gemäß', 'seitens', 'zwischen', 'vor', 'hinter', 'ohne', 'samt'],
};

/** Words that may stand between a preposition and the name it governs ("in the Paris-based startup Mistral"). */
export const NOUN_PHRASE_FILLERS: Record<Lang, RegExp> = {
  // Determiners, company nouns, hyphen compounds ("Paris-based") and adjectives by their endings; not verbs.
  en: /^(?:\p{Lu}{2,3}|the|a|an|its|their|his|her|this|that|[\p{L}-]*(?:rival|startup|start-up|company|firm|maker|developer|lab|giant|unicorn)s?|[\p{L}]+-[\p{L}-]+|\p{Ll}+(?:al|ic|ive|ous|ful|ish|ese|ian|ean|est|ary|ing)|new|young|former|fellow|big|small|large|rival)$/u,
  de: /^(?:\p{Lu}{2,3}|der|die|das|dem|den|des|ein|eine|einem|einen|einer|eines|seine[mnrs]?|ihre[mnrs]?|diese[mnrs]?|[\p{L}-]*(?:[Kk]onkurrent(?:en)?|[Rr]ivalen?|[Ss]tart-?ups?|[Uu]nternehmens?|[Ff]irma|[Kk]onzerns?|[Hh]erstellers?|[Tt]ochter|[Mm]acherin|[Mm]achers?)|\p{Ll}[\p{L}-]*(?:e|en|er|es|em)|[\p{Lu}][\p{L}]*-basierte[mn]?|(?!(?:September|Oktober|November|Dezember)$)[\p{Lu}][\p{Ll}]+er)$/u,
};

/** Kinds by the words of the sentence, most specific first (an acquisition frame decides before these). */
export const KIND_CUES: readonly { kind: DealKind; pattern: RegExp }[] = [
  { kind: 'secondary', pattern: w(String.raw`secondary(?: sale| share sale| offering)?|tender offer|employee share sale|cash out|sell (?:their |some of their )?(?:stock|shares)|mitarbeiteraktien|sekundär(?:verkauf|transaktion|platzierung)\p{L}*|verkaufsrunde`) },
  { kind: 'debt', pattern: w(String.raw`credit facility|credit line|loans?|debt(?: financing)?|bonds?|notes offering|kredit\p{L}*|\p{L}*kredite?n?|darlehen|anleihe\p{L}*|\p{L}*anleihen?|fremdkapital`) },
  { kind: 'grant', pattern: w(String.raw`grants?|subsid(?:y|ies)|fördermittel\p{L}*|förder\p{L}*|zuschuss\p{L}*|öffentlichen töpfen`) },
  { kind: 'commitment', pattern: w(String.raw`contract|commitment|committed|cloud[ -]deal|compute[ -]deal|computing[ -]deal|(?:cloud |cloud computing |computing |compute |gpu )capacity|rechenkapazität\p{L}*|purchase agreement|orders?|vertrag\p{L}*|auftrag|abnahme\p{L}*|rechenleistung`) },
  { kind: 'equity', pattern: w(String.raw`(?:funding |financing |fundraising |investment |equity |venture |seed )?rounds?|series [a-h]\d?|seed|stake|equity|shares|invest(?:s|ed|ing|ment|ments)?|beteiligung|eigenkapital|\p{L}*runde|investition|investiert\p{L}*|anteile?|risikokapital|wagniskapital|frisches kapital`) },
];

/** Words that say shares change hands, whoever pays: "stake", "Series B", "Anteile", "Eigenkapital". */
export const EXPLICIT_EQUITY = w(String.raw`stake|shares|equity|invest(?:s|ed|ing)?|investiert\p{L}*|series [a-h]\d?|seed|(?:funding |financing |investment |venture )rounds?|beteiligung|anteile?|eigenkapital|risikokapital|wagniskapital|\p{L}*runde`);

/** Names of banks, which lend more often than they buy shares: "Deutsche Bank", "Commerzbank", "KfW", "Sparkasse …". */
export const BANK_NAME = /(?:\p{L}*[Bb]ank(?:engruppe|ing)?\b|\bKfW\b|\bSparkasse\b)/u;

/** A round as printed: "Series B", "series C", "Seed", "Series-B-Runde", "IPO", "Börsengang". */
export const ROUND_NAME = w(String.raw`(?:pre-)?seed(?:-runde)?|series[ -][a-h]\d?(?:-runde)?|serie[ -][a-h]\d?|ipo|börsengang`);

/** Words that make an acquisition or offer `rejected`. */
export const REJECTED_CUES = w(String.raw`rejected|rejects|turned down|fell apart|spurned|declined|unsolicited|unwanted|unerwünscht\p{L}*|abgelehnt|lehnt\p{L}* ab|zurückgewiesen|ausgeschlagen|nicht angenommen|gar nicht angenommen|gescheitert`);

/** Words for an offer to buy: "offer", "bid", "Übernahmeangebot", "Offerte". */
export const OFFER_WORD = w(String.raw`offers?|bids?|\p{L}*angebot\p{L}*|offerte`);

/** Words that make news `rumoured`: reported by others, not confirmed by the parties. */
export const RUMOUR_CUES = w(String.raw`reportedly|reports? that|reported that|citing (?:sources|people|insiders|a person)|is said to|are said to|according to (?:people|sources|a person|persons|insiders|reports?|media reports)|people (?:familiar|briefed|close)|sources? (?:say|said|close to|familiar)|media reports? (?:say|said|suggest(?:ed)?)|a source (?:has |had )?(?:confirmed|told|said)|insider (?:sagten|sagen|berichten)|insidern zufolge|unter berufung auf|berichten zufolge|informationen zufolge|laut (?:insidern|kreisen|berichten|informationen)|soll(?:en)? .{0,60}(?:haben|sein)\b|gerüchte\p{L}*|angeblich|medienberichten`);

/**
 * Words by which a sentence without an amount speaks of a round or an investment ("The round was led by …",
 * "Backers … include …", "Angeführt wird die Finanzierungsrunde von …"): its investors belong to a deal nearby.
 */
export const ROUND_REFERENCE: Record<Lang, RegExp> = {
  en: w(String.raw`(?:funding |financing |fundraising |investment |equity )?round|funding|financing|fundraise|raise|investment|deal|backers?|investors?|participants`),
  de: w(String.raw`\p{L}*runde|finanzierung|investition|beteiligung|investoren|geldgeber|kapitalgeber|\p{L}*investoren`),
};

/** A subject that takes part without an amount: "X also participated", "X is weighing an investment", "X beteiligt sich". */
export const PARTICIPATION_VERB: Record<Lang, RegExp> = {
  en: w(String.raw`participat(?:e|es|ed|ing)|join(?:s|ed|ing)?|(?:weigh|consider)(?:s|ed|ing)? (?:an |a )?(?:investment|stake)|invest(?:s|ed|ing)?`),
  de: w(String.raw`beteilig(?:t|te|ten|en) sich|erwäg(?:t|en) (?:eine|einen) (?:beteiligung|investition|einstieg)|steig(?:t|en) (?:\p{L}+ )?ein`),
};

/** A money amount and the same amount converted: "€1.7 billion ($2 billion)", "4 Mrd. $ (rund 3,7 Mrd. Euro)". */
export const CONVERSION_OPEN = /\(\s*(?:rund|etwa|ca\.|about|around|roughly|approximately|approx\.|umgerechnet|knapp|gut|rd\.)?\s*$/iu;
