/**
 * The JSON contracts of /deal and /number as the command tests check them. Kept in one place so they can be
 * swapped for the schemas the commands themselves will export.
 */
import { z } from 'zod';

export const citation = z.object({ article: z.string(), outlet: z.string().nullable(), date: z.string().nullable(), quote: z.string().min(1) });

export const amount = z.object({
  value: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.string().nullable(),
  qualifier: z.enum(['exact', 'up_to', 'about', 'below', 'more_than', 'range']),
});

export const dealJson = z.object({
  command: z.literal('deal'),
  query: z.string(),
  deals: z.array(
    z.object({
      investor: z.string().nullable(),
      target: z.string(),
      amount: amount.nullable(),
      status: z.string(),
      date: z.string().nullable(),
      date_from: z.enum(['text', 'article']).nullable(),
      role: z.enum(['target', 'investor']),
      citations: z.array(citation).min(1),
    }),
  ),
});

export const numberJson = z.object({
  command: z.literal('number'),
  query: z.string(),
  figures: z.array(
    z.object({
      subject: z.string(),
      value: z.number(),
      max: z.number().nullable(),
      unit: z.string(),
      qualifier: z.string(),
      citations: z.array(citation).min(1),
    }),
  ),
  conflicts: z.array(z.object({ subject: z.string(), figures: z.array(z.number()) })),
});
