/**
 * A deterministic synthetic corpus for the benchmark: German and English news-like articles of 300–800
 * words about AI investments, with company names from the entity catalogue and money phrases of the kinds
 * the money parser reads ("bis zu 50 Milliarden US-Dollar", "rund 30'000 Stellen", "$175-185bn", "at a
 * $40 billion valuation").
 *
 * Article `i` depends only on the seed and `i` (its own PRNG stream), so any article can be regenerated
 * on demand: no corpus is stored on disk, and 100,000 articles never need to be in memory twice.
 */
import type { CorpusFile } from '../src/corpus/load.ts';
import type { Lang } from '../src/text/lang.ts';
import { EntityCatalog } from '../src/extract/entities.ts';

export const DEFAULT_SEED = 20260214;

/** The metadata a `sources.yml` entry would give the article (what `parseArticle` takes as `sidecar`). */
export interface GeneratedMeta {
  title: string;
  outlet: string;
  date: string;
  lang: Lang;
  byline: string;
  url: string;
}

export interface GeneratedArticle {
  file: CorpusFile;
  meta: GeneratedMeta;
}

// ── PRNG ─────────────────────────────────────────────────────────────────────────────────────────────

/** Mulberry32: a tiny, fast, seedable PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG stream of its own for item `index` under `seed`. */
export function streamFor(seed: number, index: number): () => number {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A rank in [1, n] with P(r) ∝ 1/r (Zipf, s = 1): the word-frequency law of natural text. */
  zipf(n: number): number {
    return Math.min(n, Math.floor(Math.exp(this.next() * Math.log(n + 1))));
  }
}

// ── Vocabulary ───────────────────────────────────────────────────────────────────────────────────────

const STOP = {
  de: 'der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei'.split(' '),
  en: 'the of and to a in is that for it as was with on be by at this are from or have an they which one you were her all their there been has when who will more no if out so said what up its about than into them can only other new some could time these two may then do first any my now such like our over'.split(' '),
};

const CONTENT = {
  de: (
    'Unternehmen Konzern Markt Milliarden Investition Rechenzentrum Rechenzentren Strom Energie Chips Halbleiter Cloud ' +
    'Modelle Sprachmodell Forschung Entwicklung Anleger Aktie Börse Analysten Quartal Umsatz Gewinn Wachstum Nachfrage ' +
    'Kunden Software Plattform Infrastruktur Rechenleistung Grafikprozessoren Kapazität Standort Region Regierung ' +
    'Behörden Regulierung Wettbewerb Partner Partnerschaft Vertrag Übernahme Beteiligung Finanzierung Startup Gründer ' +
    'Mitarbeiter Stellen Fachkräfte Zukunft Strategie künstliche Intelligenz KI-Systeme Automatisierung Roboter Fabrik ' +
    'Produktion Lieferketten Kosten Preise Investoren Bewertung Kapital Fonds Risiko Chancen Technologie Digitalisierung ' +
    'Netzwerk Speicher Server Kühlung Wasser Fläche Genehmigung Ausbau Milliardenprojekt Vorstand Chef Sprecher Bericht ' +
    'Angaben Zahlen Prognose Erwartungen Jahr Jahren Monaten Woche zuletzt bereits deutlich stark schnell weiterhin ' +
    'neue neuen großen wichtigsten eigenen ersten weltweit europäischen amerikanischen deutschen digitale gemeinsam ' +
    'laut erklärte sagte betonte kündigte plant setzt baut liefert entwickelt wächst steigt investiert erwartet'
  ).split(' '),
  en: (
    'company companies market billion investment data center centers power energy chips semiconductors cloud models ' +
    'language model research development investors shares stock analysts quarter revenue profit growth demand ' +
    'customers software platform infrastructure compute GPUs capacity site region government regulators regulation ' +
    'competition partner partnership contract acquisition stake funding startup founder employees jobs workers ' +
    'future strategy artificial intelligence automation robots factory production supply chains costs prices capital ' +
    'fund risk opportunity technology network storage servers cooling water land permit expansion executive chief ' +
    'spokesperson report figures forecast expectations year years months week recently already sharply strongly ' +
    'quickly still largest biggest own global European American digital together according said added noted announced ' +
    'plans builds supplies develops grows rises invests expects deal valuation round'
  ).split(' '),
};

const SYLLABLES = 'ka to ri mel sen dor lan fi gu ber stra nox vel qua tem ho zan pre mu lis ter gan wo chi bru del fen ax ul rok sam ne vi tor pal dre kun mo'.split(' ');

/** The word of rank `rank` beyond the real vocabulary: a deterministic made-up word (the long tail). */
function tailWord(rank: number, lang: Lang): string {
  let word = '';
  let n = rank;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  if (word.length < 5) word += lang === 'de' ? 'ung' : 'tion';
  return lang === 'de' && rank % 3 === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Distinct content words per language: enough for a realistic vocabulary at 100,000 articles. */
const TAIL_SIZE = 400_000;

function contentWord(rng: Rng, lang: Lang): string {
  const rank = rng.zipf(CONTENT[lang].length + TAIL_SIZE) - 1;
  return rank < CONTENT[lang].length ? CONTENT[lang][rank]! : tailWord(rank, lang);
}

// ── Entities and money ───────────────────────────────────────────────────────────────────────────────

interface Names {
  companies: string[];
  investors: string[];
}

let names: Names | null = null;

/** Company and investor names from `entities.yml`: the names the extractor knows. */
export function entityNames(): Names {
  if (names) return names;
  const catalog = EntityCatalog.load();
  const of = (kinds: string[]) => catalog.entities.filter((e) => kinds.includes(e.kind)).map((e) => e.name);
  names = { companies: of(['company', 'lab', 'project']), investors: of(['company', 'fund']) };
  return names;
}

const OUTLETS = ['Handelsblatt', 'heise online', 'Reuters', 'Bloomberg', 'FAZ', 'TechCrunch', 'NZZ', 'The Information', 'wallstreet-online', 'Financial Times'];
const CITIES = ['Frankfurt', 'Berlin', 'München', 'Zürich', 'Texas', 'Ohio', 'Indiana', 'Dublin', 'Paris', 'Tokio', 'Abu Dhabi', 'Virginia'];
const BYLINES = ['Max Muster', 'Erika Beispiel', 'Jane Doe', 'John Smith', 'Lena Wagner', 'Tom Brown'];

/** A money amount of the kinds the parser reads, in the article's language. */
function amount(rng: Rng, lang: Lang): string {
  // Round figures are common, but not so few that every deal in the corpus looks like every other.
  const n = rng.chance(0.5) ? rng.pick([1, 2, 4, 5, 6, 8, 10, 13, 20, 25, 30, 40, 50, 100]) : rng.int(1, 400);
  const d = rng.int(1, 9);
  if (lang === 'de') {
    return rng.pick([
      `${n} Milliarden US-Dollar`,
      `bis zu ${n} Milliarden US-Dollar`,
      `rund ${n},${d} Milliarden Euro`,
      `${n * 100} Millionen Dollar`,
      `mehr als ${n} Milliarden Dollar`,
    ]);
  }
  return rng.pick([`$${n} billion`, `up to $${n}bn`, `about €${n}.${d} billion`, `$${n * 100} million`, `more than $${n} billion`]);
}

function range(rng: Rng, lang: Lang): string {
  const low = rng.int(15, 180);
  const high = low + rng.pick([10, 20, 25]);
  return lang === 'de' ? `${low} bis ${high} Milliarden Dollar` : `$${low}-${high}bn`;
}

function jobs(rng: Rng, lang: Lang): string {
  const n = rng.pick([1, 4, 10, 14, 30]);
  return lang === 'de' ? `rund ${n}'000 Stellen` : `about ${n},000 jobs`;
}

/** Sentences that carry facts: deals, valuations, capex plans, revenue, job cuts. */
function factSentence(rng: Rng, lang: Lang, investor: string, target: string, year: number): string {
  const a = amount(rng, lang);
  const city = rng.pick(CITIES);
  const templates =
    lang === 'de'
      ? [
          `${investor} investiert ${a} in ${target}.`,
          `${target} sammelte in einer Finanzierungsrunde ${a} ein, angeführt von ${investor}.`,
          `${target} wird dabei mit ${amount(rng, lang)} bewertet.`,
          `${investor} plant für ${year} Investitionen von ${range(rng, lang)}.`,
          `Der Konzern will ${jobs(rng, lang)} abbauen.`,
          `${target} erzielte ${year} einen Umsatz von ${a}.`,
          `${investor} baut für ${a} ein Rechenzentrum in ${city}.`,
        ]
      : [
          `${investor} will invest ${a} in ${target}.`,
          `${target} raised ${a} in a funding round led by ${investor}, at a $${rng.int(5, 500)} billion valuation.`,
          `${investor} expects capital expenditure of ${range(rng, lang)} in ${year}.`,
          `The company plans to cut ${jobs(rng, lang)}.`,
          `${target} reported revenue of ${a} for ${year}.`,
          `${investor} is building a data center in ${city} for ${a}.`,
        ];
  return rng.pick(templates);
}

/** A sentence of ordinary news prose: stop words and Zipf-distributed content words, sometimes a name. */
function fillerSentence(rng: Rng, lang: Lang, mentions: string[]): string {
  const length = rng.int(8, 24);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (rng.chance(0.03)) words.push(rng.pick(mentions));
    else words.push(rng.chance(0.42) ? rng.pick(STOP[lang]) : contentWord(rng, lang));
  }
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isoDate(rng: Rng): string {
  const year = rng.int(2023, 2026);
  const month = year === 2026 ? rng.int(1, 2) : rng.int(1, 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

// ── Articles ─────────────────────────────────────────────────────────────────────────────────────────

/** Article `index` of the corpus for `seed`: always the same text. */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const rng = new Rng(streamFor(seed, index));
  const { companies, investors } = entityNames();
  const lang: Lang = rng.chance(0.5) ? 'de' : 'en';
  const target = rng.pick(companies);
  const investor = rng.pick(investors.filter((n) => n !== target));
  const date = isoDate(rng);
  const year = Number(date.slice(0, 4));
  const mentions = [target, investor, rng.pick(companies)];
  const targetWords = rng.int(300, 800);

  const paragraphs: string[] = [];
  let words = 0;
  let facts = rng.int(2, 5);
  while (words < targetWords) {
    const sentences: string[] = [];
    const size = rng.int(2, 6);
    for (let s = 0; s < size && words < targetWords; s++) {
      const sentence = facts > 0 && rng.chance(0.25) ? (facts--, factSentence(rng, lang, investor, target, year)) : fillerSentence(rng, lang, mentions);
      sentences.push(sentence);
      words += wordCount(sentence);
    }
    if (rng.chance(0.15)) paragraphs.push(lang === 'de' ? `Ausblick für ${target}` : `What ${target} plans next`);
    paragraphs.push(sentences.join(' '));
  }
  const byline = rng.pick(BYLINES);
  const raw = `${lang === 'de' ? 'Von' : 'By'} ${byline}\n\n${paragraphs.join('\n\n')}\n`;
  const title =
    lang === 'de'
      ? `${investor} setzt auf ${target}: ${fillerSentence(rng, lang, mentions).slice(0, 60)}`
      : `${investor} bets on ${target}: ${fillerSentence(rng, lang, mentions).slice(0, 60)}`;
  const name = `${String(index).padStart(6, '0')}_bench.txt`;
  return {
    file: { name, raw },
    meta: { title, outlet: rng.pick(OUTLETS), date, lang, byline, url: `https://example.com/${name}` },
  };
}

// ── Queries ──────────────────────────────────────────────────────────────────────────────────────────

export interface QuerySet {
  /** /news text; also what raw MiniSearch searches. */
  news: string[];
  deal: string[];
  number: string[];
}

const NEWS_TOPICS = [
  'Rechenzentrum', 'data center', 'Finanzierungsrunde', 'funding round', 'Bewertung', 'valuation', 'Stellenabbau',
  'jobs', 'Chips', 'semiconductors', 'Investition', 'investment', 'Umsatz', 'revenue', 'Cloud', 'Strom Energie',
  'capital expenditure', 'Übernahme', 'acquisition', 'Roboter Fabrik',
];
const NUMBER_METRICS = ['valuation', 'Bewertung', 'revenue', 'Umsatz', 'Investitionen', 'capex', 'jobs', 'Stellen'];

/** `n` queries of each kind, mixed: names, topics, names with topics, years. */
export function generateQueries(seed: number, n: number): QuerySet {
  const rng = new Rng(streamFor(seed, -1));
  const { companies, investors } = entityNames();
  const set: QuerySet = { news: [], deal: [], number: [] };
  for (let i = 0; i < n; i++) {
    const company = rng.pick(companies);
    const topic = rng.pick(NEWS_TOPICS);
    const year = rng.int(2023, 2026);
    set.news.push(
      rng.pick([
        topic,
        company,
        `${company} ${topic}`,
        `${rng.pick(investors)} ${company}`,
        `${topic} ${rng.pick(CITIES)}`,
        `${contentWord(rng, 'de')} ${contentWord(rng, 'en')}`,
      ]),
    );
    set.deal.push(rng.pick([company, `${rng.pick(investors)} ${company}`, `${company} ${year}`]));
    set.number.push(rng.pick([`${company} ${rng.pick(NUMBER_METRICS)}`, `${company} ${rng.pick(NUMBER_METRICS)} ${year}`, rng.pick(NUMBER_METRICS), `${rng.pick(NUMBER_METRICS)} ${year}`]));
  }
  return set;
}
