/**
 * The JSON contracts of /deal and /number (src/answer/contracts.ts), held stricter for the command tests:
 * every deal and figure is cited, each citation with a quote, and a figure has a value.
 */
import { z } from 'zod';
import { citationSchema, dealJsonSchema, dealRowSchema, numberFigureSchema, numberJsonSchema } from '../../src/answer/contracts.ts';

const cited = { citations: z.array(citationSchema.extend({ quote: z.string().min(1) })).min(1) };

export const dealJson = dealJsonSchema.extend({ deals: z.array(dealRowSchema.extend(cited)) });
export const numberJson = numberJsonSchema.extend({ figures: z.array(numberFigureSchema.extend({ ...cited, value: z.number() })) });
