// Deduplication review (shared by the server and the web app): candidate pairs
// found by the matcher, shown pseudonymously (case codes, never identities), and
// the reviewers' decisions, each reversible.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

export const CANDIDATE_STATUSES = ['open', 'undecided', 'merged', 'not_duplicate'] as const;
export const CandidateStatusSchema = z.enum(CANDIDATE_STATUSES);
export type CandidateStatus = z.infer<typeof CandidateStatusSchema>;

export const CANDIDATE_ACTIONS = ['decide', 'reopen'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

/** One side of a pair: pseudonymous; `visible` is false when the person lies outside the reader's scope. */
export const PairSideSchema = z.object({
  id: z.number(),
  caseCode: z.string(),
  alias: z.string().nullable(),
  regencyCode: z.string(),
  regencyName: z.string().nullable(),
  siteCode: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  visible: z.boolean(),
});
export type PairSide = z.infer<typeof PairSideSchema>;

export const CandidateSchema = z
  .object({
    id: z.number(),
    score: z.number(),
    /** Matcher reason codes, e.g. same_nik, name_similar, birth_date_swapped. */
    reasons: z.array(z.string()),
    status: CandidateStatusSchema,
    a: PairSideSchema,
    b: PairSideSchema,
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    actions: z.array(z.enum(CANDIDATE_ACTIONS)),
  })
  .meta({ id: 'DuplicateCandidate' });
export type Candidate = z.infer<typeof CandidateSchema>;

export const CandidateListQuerySchema = z.object({
  status: CandidateStatusSchema.optional(),
  regency: RegionCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CandidateListSchema = z.object({ items: z.array(CandidateSchema), total: z.number() });

export const DecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('merged'),
    /** The record that stays; the other is merged into it. */
    keep: z.enum(['a', 'b']),
    reason: z.string().trim().min(5).max(1000),
  }),
  z.object({ decision: z.literal('not_duplicate'), reason: z.string().trim().min(5).max(1000) }),
  // Parking a pair is a decision too: say what is missing (an e-KTP to see, a visit to make).
  z.object({ decision: z.literal('undecided'), reason: z.string().trim().min(5).max(1000) }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const ReopenSchema = z.object({ reason: z.string().trim().min(5).max(1000) });

export const DecisionHistorySchema = z.object({
  items: z.array(z.object({ decision: z.string(), reason: z.string().nullable(), decidedBy: z.string().nullable(), decidedAt: z.string() })),
});

export const RunModeSchema = z.enum(['full', 'new']);
export const StartRunSchema = z.object({ mode: RunModeSchema.default('new') });
export const RunSchema = z
  .object({
    id: z.number(),
    mode: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    jobId: z.number().nullable(),
    persons: z.number(),
    pairsScored: z.number(),
    candidatesFound: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'DuplicateRun' });
export const RunListSchema = z.object({ items: z.array(RunSchema) });
