// Aid schemes, entitlements, bank accounts and budgets: shared constants and schemas
// of the server and the web app. Money is whole rupiah (integers; bigint in SQL).
import { z } from 'zod';

/** Where a component's money comes from. */
export const FUNDING_SOURCES = ['apbn_kemensos', 'apbd_province', 'apbd_regency'] as const;
export const FundingSourceSchema = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** An entitlement's life: payments (issue 7) move it due → in_batch → paid | failed | returned. */
export const ENTITLEMENT_STATUSES = ['due', 'in_batch', 'paid', 'failed', 'returned', 'cancelled'] as const;
export const EntitlementStatusSchema = z.enum(ENTITLEMENT_STATUSES);
export type EntitlementStatus = z.infer<typeof EntitlementStatusSchema>;

export const SCHEME_STATUSES = ['active', 'closed'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/** Why an entitlement waits for a person to look at it before it can be paid. */
export type EntitlementReviewReason = 'no_nik';

export type NameCheck = 'match' | 'mismatch' | 'no_name';
export type BankAccountReviewStatus = 'none' | 'pending' | 'accepted';
