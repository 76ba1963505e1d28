// Lists and verification (verval): shared schemas of the server and the web app.
// Persons appear pseudonymously (case code, alias, sex); rule results carry
// reason codes, never identity values.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

const DateSchema = z.iso.date();
const Id = z.number().int().positive();

// ---- Person lists ----

/** Who drew up a list: the site manager, the Dinsos head count, or the joint verification. */
export const LIST_SOURCES = ['site_manager', 'dinsos_count', 'joint_verification'] as const;
export const ListSourceSchema = z.enum(LIST_SOURCES);
export type ListSource = z.infer<typeof ListSourceSchema>;

/** The most persons one list may hold (a site's list is tens to a few hundred in practice). */
export const LIST_MAX_PERSONS = 5000;

export const ListPersonSchema = z.object({
  personId: z.number(),
  caseCode: z.string(),
  alias: z.string().nullable(),
  sex: z.enum(['male', 'female']),
});
export type ListPerson = z.infer<typeof ListPersonSchema>;

export const ListChangeSchema = ListPersonSchema.extend({
  change: z.enum(['added', 'dropped']),
  reason: z.string(),
  /** The version whose creation recorded the change. */
  version: z.number(),
});
export type ListChange = z.infer<typeof ListChangeSchema>;

export const PersonListSummarySchema = z
  .object({
    id: z.number(),
    siteId: z.number(),
    version: z.number(),
    source: ListSourceSchema,
    listDate: z.string(),
    note: z.string(),
    previousId: z.number().nullable(),
    entryCount: z.number(),
    addedCount: z.number(),
    droppedCount: z.number(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PersonListSummary' });
export type PersonListSummary = z.infer<typeof PersonListSummarySchema>;

export const ListActionSchema = z.enum(['create_version']);

export const SiteListsSchema = z.object({
  site: z.object({ id: z.number(), code: z.string(), name: z.string(), regencyCode: z.string() }),
  items: z.array(PersonListSummarySchema),
  actions: z.array(ListActionSchema),
});

export const PersonListSchema = PersonListSummarySchema.extend({
  siteCode: z.string(),
  siteName: z.string(),
  regencyCode: z.string(),
  /** The persons on this version the caller may see (a case worker: their caseload). */
  entries: z.array(ListPersonSchema),
  /** Persons on the list the caller may not see (counted, not shown). */
  hiddenCount: z.number(),
  /** Added and dropped compared with the previous version, with the reasons. */
  changes: z.array(ListChangeSchema),
}).meta({ id: 'PersonList' });
export type PersonList = z.infer<typeof PersonListSchema>;

const Reason = z.string().trim().max(1000);

export const CreatePersonListSchema = z.object({
  source: ListSourceSchema,
  listDate: DateSchema,
  note: z.string().trim().max(2000).default(''),
  /** Start from the previous version's persons (then add and drop); otherwise personIds is the whole list. */
  fromPrevious: z.boolean().default(true),
  personIds: z.array(Id).max(LIST_MAX_PERSONS).default([]),
  add: z.array(z.object({ personId: Id, reason: Reason.default('') })).max(LIST_MAX_PERSONS).default([]),
  /** Everyone on the previous version but not on this one needs a reason here. */
  drop: z.array(z.object({ personId: Id, reason: Reason.min(3) })).max(LIST_MAX_PERSONS).default([]),
});
export type CreatePersonList = z.output<typeof CreatePersonListSchema>;

export const ListDiffQuerySchema = z.object({
  /** The older version's list id (default: the version before). */
  from: z.coerce.number().int().positive().optional(),
});

export const ListDiffSchema = z.object({
  from: z.object({ id: z.number(), version: z.number() }).nullable(),
  to: z.object({ id: z.number(), version: z.number() }),
  added: z.array(ListChangeSchema),
  dropped: z.array(ListChangeSchema),
  unchanged: z.number(),
  hiddenCount: z.number(),
});

// ---- Eligibility rules ----

export const RULE_CODES = ['nik_valid', 'ektp_seen', 'listed_before_cutoff', 'not_aided_elsewhere', 'min_age', 'on_current_list'] as const;
export const RuleCodeSchema = z.enum(RULE_CODES);
export type RuleCode = z.infer<typeof RuleCodeSchema>;

/** Rules with the same group pass together when any one of them passes ("valid NIK or e-KTP sighted"). */
const Group = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,30}$/, 'huruf kecil, angka atau garis bawah')
  .nullable()
  .default(null);
const NoParams = z.object({}).strict().default({});

export const RuleSpecSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('nik_valid'), params: NoParams, group: Group }),
  z.object({ code: z.literal('ektp_seen'), params: NoParams, group: Group }),
  z.object({ code: z.literal('listed_before_cutoff'), params: z.object({ cutoffDate: DateSchema }), group: Group }),
  z.object({ code: z.literal('not_aided_elsewhere'), params: NoParams, group: Group }),
  z.object({ code: z.literal('min_age'), params: z.object({ years: z.number().int().min(1).max(100), referenceDate: DateSchema }), group: Group }),
  z.object({ code: z.literal('on_current_list'), params: NoParams, group: Group }),
]);
export type RuleSpec = z.output<typeof RuleSpecSchema>;

export const SetRulesSchema = z.object({
  rules: z
    .array(RuleSpecSchema)
    .min(1)
    .max(RULE_CODES.length)
    .refine((rules) => new Set(rules.map((r) => r.code)).size === rules.length, { message: 'setiap aturan paling banyak satu kali' }),
  note: z.string().trim().max(2000).default(''),
});

export const RuleSetSchema = z.object({
  id: z.number(),
  programmeId: z.number(),
  version: z.number(),
  rules: z.array(RuleSpecSchema),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;

export const RuleSetsSchema = z.object({
  current: RuleSetSchema.nullable(),
  versions: z.array(RuleSetSchema),
  actions: z.array(z.enum(['update'])),
});

// ---- Verification ----

export const OUTCOMES = ['pass', 'fail', 'unknown'] as const;
export const PROPOSALS = ['eligible', 'not_eligible', 'pending'] as const;
export const DECISIONS = ['eligible', 'not_eligible'] as const;
export type Proposed = (typeof PROPOSALS)[number];
export type Decision = (typeof DECISIONS)[number];

/**
 * Why a rule passed, failed or is unknown. `detail` names a NIK error code
 * (nik.length, nik.serial_zero, …) for nik_invalid.
 */
export const RULE_REASONS = [
  'ok',
  'nik_missing',
  'nik_invalid',
  'identity_erased',
  'processing_restricted',
  'ektp_not_seen',
  'ektp_not_recorded',
  'not_listed',
  'listed_after_cutoff',
  'aided_elsewhere',
  'birth_date_unknown',
  'under_age',
  'dropped_from_list',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

export const RuleResultSchema = z.object({
  code: RuleCodeSchema,
  outcome: z.enum(OUTCOMES),
  reason: z.enum(RULE_REASONS),
  detail: z.string().optional(),
  group: z.string().nullable(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

export const VERIFICATION_ACTIONS = ['record_ektp', 'evaluate', 'decide'] as const;

export const VerificationSchema = ListPersonSchema.extend({
  programmeId: z.number(),
  regencyCode: z.string(),
  /** The site of the latest list the person is on (within the programme). */
  siteId: z.number().nullable(),
  siteCode: z.string().nullable(),
  ektpSeen: z.boolean().nullable(),
  ruleSetVersion: z.number().nullable(),
  results: z.array(RuleResultSchema),
  proposed: z.enum(PROPOSALS).nullable(),
  evaluatedAt: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  decisionReason: z.string(),
  overridden: z.boolean(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  actions: z.array(z.enum(VERIFICATION_ACTIONS)),
}).meta({ id: 'Verification' });
export type Verification = z.infer<typeof VerificationSchema>;

export const VERIFICATION_EVENT_KINDS = ['ektp_recorded', 'evaluated', 'confirmed', 'overridden', 'decision_cleared'] as const;
export type VerificationEventKind = (typeof VERIFICATION_EVENT_KINDS)[number];

export const VerificationEventSchema = z.object({
  kind: z.enum(VERIFICATION_EVENT_KINDS),
  at: z.string(),
  actor: z.string(),
  ektpSeen: z.boolean().nullable(),
  ruleSetVersion: z.number().nullable(),
  results: z.array(RuleResultSchema).nullable(),
  proposed: z.enum(PROPOSALS).nullable(),
  decision: z.enum(DECISIONS).nullable(),
  reason: z.string(),
});

export const VerificationDetailSchema = VerificationSchema.extend({ history: z.array(VerificationEventSchema) });

export const VERIFICATION_STATES = ['unevaluated', 'pending', 'proposed_eligible', 'proposed_not_eligible', 'undecided', 'decided', 'eligible', 'not_eligible', 'overridden'] as const;

export const VerificationListQuerySchema = z.object({
  siteId: z.coerce.number().int().positive().optional(),
  /** Only persons on this list version. */
  listId: z.coerce.number().int().positive().optional(),
  state: z.enum(VERIFICATION_STATES).optional(),
  q: z.string().trim().max(80).optional().describe('Part of a case code or alias'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type VerificationListQuery = z.output<typeof VerificationListQuerySchema>;

export const VerificationListSchema = z.object({ items: z.array(VerificationSchema), total: z.number() });

export const RecordEktpSchema = z.object({ seen: z.boolean() });

export const DecideSchema = z.object({
  decision: z.enum(DECISIONS),
  /** Required (≥ 10 characters) when the decision differs from the proposal. */
  reason: z.string().trim().max(1000).default(''),
});
export const OVERRIDE_REASON_MIN = 10;

export const BulkEvaluateSchema = z.object({
  siteId: Id,
  /** Only the persons on this version (default: everyone ever listed at the site). */
  listId: Id.optional(),
});

export const BulkEvaluateResultSchema = z.object({
  evaluated: z.number(),
  eligible: z.number(),
  notEligible: z.number(),
  pending: z.number(),
  /** Confirmed decisions cleared because the new proposal differs. */
  decisionsCleared: z.number(),
});

// ---- Funnel ----

export const FunnelQuerySchema = z.object({ regency: RegionCodeSchema.optional() });

export const FunnelCountsSchema = z.object({
  /** Persons on any version of the site's lists. */
  listed: z.number(),
  /** Persons on the latest version. */
  onLatestList: z.number(),
  /** Rules evaluated. */
  evaluated: z.number(),
  /** A reviewer decided (confirmed or overrode). */
  verified: z.number(),
  eligible: z.number(),
  notEligible: z.number(),
  overridden: z.number(),
});
export type FunnelCounts = z.infer<typeof FunnelCountsSchema>;

export const FunnelSchema = z.object({
  programmeId: z.number(),
  programmeName: z.string(),
  sites: z.array(FunnelCountsSchema.extend({ siteId: z.number(), siteCode: z.string(), siteName: z.string(), regencyCode: z.string(), regencyName: z.string() })),
  regencies: z.array(FunnelCountsSchema.extend({ regencyCode: z.string(), regencyName: z.string() })),
  total: FunnelCountsSchema,
});
export type Funnel = z.infer<typeof FunnelSchema>;
