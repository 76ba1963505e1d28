// Every module's part in a person's erasure (persons.erasure.ts), in one list, as
// keys.rotation.ts lists every sealed column for rotation. Only the composition root
// (app.ts) imports it, so registry code never imports the modules built on it.
//
// Every rotation kind (SEALED_COLUMNS) is either shredded for the person by a step
// below or kept on purpose, with its reason, in KEPT_ON_ERASURE; a test holds the two
// lists to SEALED_COLUMNS, so a module that seals something new must choose.
import { bankAccountErasure } from '../bank-accounts/bank-account-erasure.ts';
import { caseNoteFilesErasure } from '../cases/case-erasure.ts';
import { paymentsInFlightCheck } from '../payments/payment-erasure.ts';
import { referralErasure } from '../referrals/referral-erasure.ts';
import type { ErasureStep } from './persons.erasure.ts';

/** Checks run before anything changes, shreds after the person row, in this order. */
export const ERASURE_STEPS: readonly ErasureStep[] = [paymentsInFlightCheck, caseNoteFilesErasure, referralErasure, bankAccountErasure];

/** Rotation kinds an erasure leaves alone, and why (docs/ARCHITECTURE.md, the erasure). */
export const KEPT_ON_ERASURE: Readonly<Record<string, string>> = {
  // The person row itself: erasePerson shreds it.
  persons: 'shredded by erasePerson itself',
  cryptoKeys: 'key material, about nobody',
  totpSecrets: 'staff sign-in secrets, about nobody in the registry',
  stagedImportRows: 'an import waiting for its commit: rows not yet tied to a person (a new registration), discarded when the import ends',
  importChunks: 'an uploaded list waiting for its import: deleted when the import ends',
  caseAssessments: 'case content written by the office (answers, scores), not a copy of the identity; kept with the aid record',
  casePlans: 'case content (the rehabilitation plan), not a copy of the identity; kept with the aid record',
  caseNotes: 'case content (the note texts), not a copy of the identity; kept with the aid record — their attached files are shredded',
  followUpNotes: 'case content (what a visit found), not a copy of the identity; kept with the aid record',
};
