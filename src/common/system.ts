import { z } from 'zod';

export const AboutSchema = z.object({
  name: z.literal('Tuntas'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** 'demo' when the database was filled by `tuntas seed demo`: the UI labels every screen. */
  dataset: z.enum(['demo']).nullable(),
});
export type About = z.infer<typeof AboutSchema>;
