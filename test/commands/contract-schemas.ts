/**
 * The JSON contracts of /deal, /number and /facts (src/answer/contracts.ts), held stricter for the command
 * tests: every deal and figure is cited, each citation with a quote, and a figure has a value; /facts (and
 * `npm run facts`) print no key the contract does not name, and every fact has a rule with an id and a reason.
 */
import { z } from 'zod';
import {
  articleRefSchema,
  citationSchema,
  dealJsonSchema,
  dealRowSchema,
  factsArticleSchema,
  factsDealSchema,
  factsFigureSchema,
  factsJsonSchema,
  factsReportSchema,
  numberFigureSchema,
  numberJsonSchema,
} from '../../src/answer/contracts.ts';

const cited = { citations: z.array(citationSchema.extend({ quote: z.string().min(1) })).min(1) };

export const dealJson = dealJsonSchema.extend({ deals: z.array(dealRowSchema.extend(cited)) });
export const numberJson = numberJsonSchema.extend({ figures: z.array(numberFigureSchema.extend({ ...cited, value: z.number() })) });

const rule = z.strictObject({ id: z.string().min(1), reason: z.string().min(1) });
const factsArticle = z.strictObject({
  ...factsArticleSchema.shape,
  deals: z.array(z.strictObject({ ...factsDealSchema.shape, rule })),
  figures: z.array(z.strictObject({ ...factsFigureSchema.shape, rule })),
});

/** `npm run facts -- --json`, strictly. */
export const factsReport = z.strictObject({ ...factsReportSchema.shape, articles: z.array(factsArticle) });
/** `/facts …`, strictly. */
export const factsJson = z.strictObject({ ...factsJsonSchema.shape, articles: z.array(factsArticle), candidates: z.array(z.strictObject(articleRefSchema.shape)) });
