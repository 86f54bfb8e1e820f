/**
 * Sends a question in plain words to the command that answers it, in English or German:
 *   "how much is Amazon putting into OpenAI?"     → /deal Amazon OpenAI
 *   "who invested in Inflection?"                  → /deal Inflection AI
 *   "what did Microsoft put into OpenAI in 2023?"  → /deal Microsoft OpenAI 2023
 *   "Wie hoch ist die Bewertung von Anthropic?"    → /number Anthropic Bewertung
 *   "what is SoftBank doing?"                      → /deal SoftBank Group
 *   "check Amazon will invest $50bn in OpenAI"     → /check …
 * Anything else is searched with /news.
 */
import { fold } from '../src/text/words.ts';
import { readQuery } from './facts-common.ts';
import { claimAfterCheck, isHelpRequest } from './intents.ts';
import { metricsOf } from './number.ts';
import type { CommandContext } from '../src/context.ts';

/** The command to run (by name: the registry in `index.ts` holds the commands) and its argument text. */
export interface Route {
  command: 'help' | 'check' | 'number' | 'deal' | 'news';
  text: string;
}

/** Words asking about money moving between companies. */
const DEAL_WORDS =
  /^(?:invest|invests|invested|investing|investment|investments|investor|investors|put|puts|putting|pour\w*|stake\w*|deal\w*|fund\w*|round|raise\w*|raising|backed|backing|beteilig\w*|investier\w*|investition|steck\w*|finanzier\w*|who|wer|geldgeber|much|viel)$/;

export function routeFreeText(text: string, ctx: CommandContext): Route {
  if (isHelpRequest(text)) return { command: 'help', text: '' };
  const claim = claimAfterCheck(text);
  if (claim !== null) return { command: 'check', text: claim };
  const { entities, years, rest } = readQuery(text, ctx.corpus.facts.names);
  const names = entities.map((e) => e.name);
  const metricWords = rest.filter((word) => metricsOf(word).length > 0);
  // "investiert", "investment" name a deal as much as a figure; "Bewertung", "Umsatz", "Investitionen" only a figure.
  const figureWords = metricWords.filter((word) => !DEAL_WORDS.test(fold(word)));
  const asksDeal = entities.length > 0 && rest.some((word) => DEAL_WORDS.test(fold(word)));
  if ((figureWords.length > 0 || (metricWords.length > 0 && !asksDeal)) && (entities.length > 0 || years.length > 0)) {
    return { command: 'number', text: [...names, ...metricWords, ...years].join(' ') };
  }
  // "what is SoftBank doing?", "was macht SoftBank?": a company and nothing but question words asks for its deals.
  const onlyAsksAbout = entities.length > 0 && rest.length > 0 && rest.every((word) => QUESTION_WORDS.test(fold(word)));
  if (asksDeal || onlyAsksAbout) return { command: 'deal', text: [...names, ...years].join(' ') };
  return { command: 'news', text };
}

/** Words of a question that ask about a company without saying what ("what is … doing", "was gibt es Neues bei …"). */
const QUESTION_WORDS =
  /^(?:what|whats|what's|is|are|was|were|does|do|doing|did|about|up|to|with|the|latest|new|news|happening|going|on|and|macht|machen|tut|gibt|es|neues|bei|mit|von|los|denn|eigentlich|so)$/;
