// Return home (pemulangan) of a rehabilitation case: schemas shared by the server
// and the web app. Pseudonymous: case code and regions, never the person's identity.
import { z } from 'zod';
import { hasDigitRun } from './registry-rights.ts';
import { RegionCodeSchema } from './regions.ts';

export const TRANSPORT_MODES = ['bus', 'ship', 'plane', 'other'] as const;
export const TransportModeSchema = z.enum(TRANSPORT_MODES);

/**
 * Who pays the journey. The rule (proposePayer): home in the same province as the
 * case's regency → Kemensos local transport; another province → the regional budget
 * (APBD) for long distance. Overridable with a reason of ≥ 10 characters.
 */
export const PAYERS = ['kemensos_local', 'regional_budget'] as const;
export const PayerSchema = z.enum(PAYERS);
export type Payer = z.infer<typeof PayerSchema>;

export const RETURN_HOME_STATUSES = ['planned', 'departed', 'arrived', 'cancelled'] as const;
export const ReturnHomeStatusSchema = z.enum(RETURN_HOME_STATUSES);

export const RETURN_HOME_ACTIONS = ['update', 'depart', 'arrive', 'cancel', 'notify'] as const;
export const ReturnHomeActionSchema = z.enum(RETURN_HOME_ACTIONS);

export const PAYER_REASON_MIN = 10;

/** The payer the rule proposes for a case held in `caseRegency` whose person goes home to `homeRegion`. */
export function proposePayer(caseRegency: string, homeRegion: string): Payer {
  return caseRegency.slice(0, 2) === homeRegion.slice(0, 2) ? 'kemensos_local' : 'regional_budget';
}

const noDigitRuns = { message: 'Jangan menulis NIK, nomor KK, telepon atau rekening di sini / Do not write NIK, KK, phone or account numbers here' };
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasDigitRun(s), noDigitRuns);
const DistrictCodeSchema = RegionCodeSchema.refine((c) => /^\d{2}\.\d{2}\.\d{2}$/.test(c), 'kode kecamatan berbentuk 65.03.02');
const Rupiah = z.number().int().min(0).max(1_000_000_000_000);

const PlanFields = {
  /** Omit to take the district the NIK proposes. */
  homeRegionCode: DistrictCodeSchema.optional(),
  plannedDate: z.iso.date(),
  route: plainText(0, 2000).default(''),
  transportMode: TransportModeSchema,
  costRupiah: Rupiah,
  /** Omit to take the rule's proposal; a different payer needs payerReason. */
  payer: PayerSchema.optional(),
  payerReason: plainText(PAYER_REASON_MIN, 1000).optional(),
};

export const CreateReturnHomeSchema = z.object(PlanFields);
export type CreateReturnHome = z.output<typeof CreateReturnHomeSchema>;
export const UpdateReturnHomeSchema = z.object({ ...PlanFields, version: z.number().int().positive() });
export type UpdateReturnHome = z.output<typeof UpdateReturnHomeSchema>;

export const ConfirmDepartureSchema = z.object({ departedOn: z.iso.date(), note: plainText(0, 1000).default('') });
export const ConfirmArrivalSchema = z.object({ arrivedOn: z.iso.date(), note: plainText(0, 1000).default('') });
export const CancelReturnHomeSchema = z.object({ reason: plainText(10, 1000) });
export const NotifyReturnHomeSchema = z.object({
  unitId: z.number().int().positive().describe('The letter unit issuing the letter'),
  letterDate: z.iso.date(),
  signatoryName: z.string().trim().max(200).default(''),
  signatoryTitle: z.string().trim().max(200).default(''),
});

const Region = z.object({ code: z.string(), name: z.string().nullable() });

export const ReturnHomeSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    caseCode: z.string(),
    regencyCode: z.string(),
    homeRegion: Region,
    homeRegency: Region,
    homeRegionSource: z.enum(['nik', 'declared']),
    plannedDate: z.string(),
    route: z.string(),
    transportMode: TransportModeSchema,
    costRupiah: z.number().int(),
    payer: PayerSchema,
    proposedPayer: PayerSchema,
    payerReason: z.string().nullable(),
    status: ReturnHomeStatusSchema,
    departedOn: z.string().nullable(),
    departureNote: z.string().nullable(),
    departureConfirmedBy: z.string().nullable(),
    arrivedOn: z.string().nullable(),
    arrivedAt: z.string().nullable(),
    arrivalNote: z.string().nullable(),
    arrivalConfirmedBy: z.string().nullable(),
    cancelReason: z.string().nullable(),
    letter: z.object({ id: z.number().int(), number: z.string().nullable(), status: z.enum(['draft', 'issued']) }).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    actions: z.array(ReturnHomeActionSchema),
  })
  .meta({ id: 'ReturnHome' });
export type ReturnHome = z.infer<typeof ReturnHomeSchema>;

export const CaseReturnHomeSchema = z
  .object({
    caseId: z.number().int(),
    caseCode: z.string(),
    regencyCode: z.string(),
    /** The district the NIK was registered in, when known (null without a NIK or when only the regency is known). */
    proposal: z
      .object({
        homeRegion: Region.nullable(),
        homeRegency: Region.nullable(),
        payer: PayerSchema.nullable(),
      })
      .nullable(),
    items: z.array(ReturnHomeSchema),
    actions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'CaseReturnHome' });
export type CaseReturnHome = z.infer<typeof CaseReturnHomeSchema>;
