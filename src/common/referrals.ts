// Referrals of a rehabilitation case to outside services: schemas shared by the
// server and the web app. A referral names the fields it shares; their values
// travel only in the referral's PDF, never in these records.
import { z } from 'zod';
import { plainText } from './return-home.ts';

export const REFERRAL_SERVICES = ['health', 'hiv', 'reproductive_health', 'legal_aid', 'employment', 'shelter', 'other'] as const;
export const ReferralServiceSchema = z.enum(REFERRAL_SERVICES);

/** The fields a referral may share; each referral chooses a subset. */
export const SHAREABLE_FIELDS = ['caseCode', 'fullName', 'sex', 'birthDate', 'nik', 'phone', 'address', 'assessmentSummary'] as const;
export const ShareableFieldSchema = z.enum(SHAREABLE_FIELDS);
export type ShareableField = z.infer<typeof ShareableFieldSchema>;

export const REFERRAL_STATUSES = ['pending_override', 'active', 'expired', 'revoked'] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const REFERRAL_RESPONSES = ['accepted', 'declined', 'service_given'] as const;
export const ReferralResponseSchema = z.enum(REFERRAL_RESPONSES);

export const REFERRAL_ACTIONS = ['pdf', 'respond', 'revoke', 'override'] as const;
export const ReferralActionSchema = z.enum(REFERRAL_ACTIONS);

/** Longest time a shared snapshot may stay readable. */
export const REFERRAL_MAX_DAYS = 365;

export const CreateReferralSchema = z
  .object({
    service: ReferralServiceSchema,
    purpose: plainText(3, 500),
    organisation: z.string().trim().min(2).max(200),
    /** The receiving organisation's contact (its address, desk or phone: not the person's). */
    organisationContact: z.string().trim().max(500).default(''),
    sharedFields: z.array(ShareableFieldSchema).min(1).max(SHAREABLE_FIELDS.length),
    /** Shared only when sharedFields names it; encrypted with the other values. */
    assessmentSummary: z.string().trim().max(4000).optional(),
    /** A recorded, unwithdrawn consent of the person covering this purpose. */
    consentId: z.number().int().positive().optional(),
    /** Without consent: why a head of office should approve the referral (≥ 10 characters). */
    overrideRequestReason: plainText(10, 1000).optional(),
    expiresOn: z.iso.date(),
  })
  .refine((v) => new Set(v.sharedFields).size === v.sharedFields.length, { path: ['sharedFields'], message: 'kolom tidak boleh berulang / a field is listed twice' });
export type CreateReferral = z.output<typeof CreateReferralSchema>;

export const OverrideReferralSchema = z.object({ reason: plainText(10, 1000) });
export const RevokeReferralSchema = z.object({ reason: plainText(10, 1000) });
export const RecordResponseSchema = z.object({ response: ReferralResponseSchema, respondedOn: z.iso.date(), note: plainText(0, 2000).default('') });

export const ReferralListQuerySchema = z.object({
  status: ReferralStatusSchema.optional(),
  service: ReferralServiceSchema.optional(),
  regency: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
  awaitingResponse: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReferralListQuery = z.output<typeof ReferralListQuerySchema>;

export const ReferralSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    caseCode: z.string(),
    regencyCode: z.string(),
    service: ReferralServiceSchema,
    purpose: z.string(),
    organisation: z.string(),
    organisationContact: z.string(),
    sharedFields: z.array(ShareableFieldSchema),
    consent: z.object({ id: z.number().int(), purpose: z.string(), active: z.boolean() }).nullable(),
    overrideRequestReason: z.string().nullable(),
    overrideReason: z.string().nullable(),
    overrideBy: z.string().nullable(),
    status: ReferralStatusSchema,
    expiresOn: z.string(),
    /** The shared values are gone (expired, revoked or consent withdrawn). */
    shredded: z.boolean(),
    shredReason: z.enum(['expired', 'revoked', 'consent_withdrawn', 'person_erased']).nullable(),
    revokeReason: z.string().nullable(),
    response: ReferralResponseSchema.nullable(),
    respondedOn: z.string().nullable(),
    responseNote: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(ReferralActionSchema),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof ReferralSchema>;

export const ReferralListSchema = z.object({ items: z.array(ReferralSchema), total: z.number().int() });
export const CaseReferralsSchema = z.object({
  caseId: z.number().int(),
  caseCode: z.string(),
  items: z.array(ReferralSchema),
  consents: z.array(z.object({ id: z.number().int(), purpose: z.string(), givenOn: z.string() })),
  actions: z.array(z.enum(['create'])),
});
export type CaseReferrals = z.infer<typeof CaseReferralsSchema>;
