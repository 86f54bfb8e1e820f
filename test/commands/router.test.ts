/**
 * Questions in plain words, English and German, through `answer()`: which command answers them, and what it
 * was asked (the `query` of /deal, /number and /news, the `claim` of /check).
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../commands/index.ts';
import { seedContext } from '../helpers/corpus.ts';
import { dealJson } from './contract-schemas.ts';

const ask = (line: string) => answer(line, seedContext());

interface Route {
  question: string;
  command: string;
  /** What the command was asked: `query` for /deal, /number and /news, `claim` for /check. */
  query?: string;
  claim?: string;
}

const ROUTES: Route[] = [
  // Deals: a company and a word asking about money moving.
  { question: 'how much is Amazon putting into OpenAI?', command: 'deal', query: 'Amazon OpenAI' },
  { question: 'who invested in Inflection?', command: 'deal', query: 'Inflection AI' },
  { question: 'Wer hat in Inflection investiert?', command: 'deal', query: 'Inflection AI' },
  { question: 'Wie viel investiert Amazon in OpenAI?', command: 'deal', query: 'Amazon OpenAI' },
  { question: 'Nvidia stake', command: 'deal', query: 'Nvidia' },
  // … or a company and nothing but question words: what is it doing?
  { question: 'what is SoftBank doing?', command: 'deal', query: 'SoftBank Group' },
  { question: 'Was macht SoftBank?', command: 'deal', query: 'SoftBank Group' },
  // … with a year, which narrows the deals.
  { question: 'what did Microsoft put into OpenAI in 2023?', command: 'deal', query: 'Microsoft OpenAI 2023' },
  { question: 'how much did Nvidia invest in Inflection in 2023?', command: 'deal', query: 'Nvidia Inflection AI 2023' },
  { question: 'Wie viel hat Microsoft 2023 in OpenAI investiert?', command: 'deal', query: 'Microsoft OpenAI 2023' },
  // Figures: a metric word and a company or a year.
  { question: 'Wie hoch ist die Bewertung von Anthropic?', command: 'number', query: 'Anthropic Bewertung' },
  { question: "What is OpenAI's valuation?", command: 'number', query: 'OpenAI valuation' },
  { question: 'What is Anthropic worth?', command: 'number', query: 'Anthropic worth' },
  { question: 'Amazon Investitionen 2026', command: 'number', query: 'Amazon Investitionen 2026' },
  { question: 'Bewertung 2025', command: 'number', query: 'Bewertung 2025' },
  // No company named (and no year for a figure): searched as news.
  { question: 'who invested in 2023?', command: 'news', query: 'who invested in 2023?' },
  { question: 'Wer hat investiert?', command: 'news', query: 'Wer hat investiert?' },
  { question: 'wie hoch ist die Bewertung?', command: 'news', query: 'wie hoch ist die Bewertung?' },
  // Companies without a deal or metric word, and plain topics: news.
  { question: 'Amazon OpenAI', command: 'news', query: 'Amazon OpenAI' },
  { question: 'Rechenzentrum Indiana', command: 'news', query: 'Rechenzentrum Indiana' },
  { question: 'checkpoint data', command: 'news', query: 'checkpoint data' },
  // Claims to check, after a check word in either language.
  { question: 'check Amazon will invest $50bn in OpenAI', command: 'check', claim: 'Amazon will invest $50bn in OpenAI' },
  { question: 'stimmt das? Amazon will invest $50bn in OpenAI', command: 'check', claim: 'Amazon will invest $50bn in OpenAI' },
  { question: 'source? Amazon investiert in Anthropic', command: 'check', claim: 'Amazon investiert in Anthropic' },
  { question: 'prüfe: Amazon investiert in Anthropic', command: 'check', claim: 'Amazon investiert in Anthropic' },
  { question: 'Quelle? Anthropic ist 350 Milliarden Dollar wert', command: 'check', claim: 'Anthropic ist 350 Milliarden Dollar wert' },
  { question: 'is this true? Amazon will invest $80bn in OpenAI', command: 'check', claim: 'Amazon will invest $80bn in OpenAI' },
  // Help.
  { question: 'help', command: 'help' },
  { question: 'Hilfe', command: 'help' },
  { question: '?', command: 'help' },
  { question: 'What can you do?', command: 'help' },
  { question: 'was kannst du?', command: 'help' },
];

describe('questions in plain words', () => {
  it.each(ROUTES)('$question → /$command', async ({ question, command, query, claim }) => {
    const result = await ask(question);
    expect(result.command).toBe(command);
    expect(result.json.command).toBe(command);
    const json = result.json as { query?: string; claim?: string };
    if (query !== undefined) expect(json.query).toBe(query);
    if (claim !== undefined) expect(json.claim).toBe(claim);
  });

  it.each(ROUTES.filter((r) => r.command === 'deal' || r.command === 'number'))(
    '$question answers like /$command $query',
    async ({ question, command, query }) => {
      expect((await ask(question)).json).toEqual((await ask(`/${command} ${query}`)).json);
    },
  );

  it('how much is Amazon putting into OpenAI? → up to $50B', async () => {
    const json = dealJson.parse((await ask('how much is Amazon putting into OpenAI?')).json);
    expect(json.deals.map((d) => [d.investor, d.target, d.amount?.value])).toEqual([['Amazon', 'OpenAI', 50e9]]);
  });

  it('who invested in Inflection? → Microsoft and Nvidia, 2023', async () => {
    const json = dealJson.parse((await ask('who invested in Inflection?')).json);
    expect(json.deals[0]).toMatchObject({ investor: 'Microsoft', investors: ['Microsoft', 'Nvidia'], target: 'Inflection AI', date: '2023-05' });
  });

  it('"stimmt das?" and "source?" route to the check', async () => {
    expect((await ask('stimmt das? Amazon will invest $50bn in OpenAI')).json).toMatchObject({ command: 'check', verdict: 'partly_supported' });
    expect((await ask('source? Amazon investiert in Anthropic')).json).toMatchObject({ command: 'check', verdict: 'supported' });
  });
});
