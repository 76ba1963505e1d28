// Master-key rotation (`tuntas keys rotate`): every module's sealed columns, in one
// list, handed to the platform's engine (platform/crypto/key-rotation.ts). Each module
// declares its own beside its sealing code, with its own AAD reference function. The
// engine refuses to run while the database has a sealed-looking column that no entry
// here covers: a new module that seals something must add its declaration.
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { cryptoKeySealedColumns } from '../../platform/crypto/index-key.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import { rotateSealedColumns, type RotationOptions } from '../../platform/crypto/key-rotation.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';
import type { Db } from '../../platform/db/database.ts';
import { storedFileSealedColumns } from '../../platform/files/file-sealing.ts';
import { totpSealedColumns } from '../auth/totp-sealing.ts';
import { bankAccountSealedColumns } from '../bank-accounts/bank-account-sealing.ts';
import { assessmentSealedColumns, noteSealedColumns, planSealedColumns } from '../cases/case-sealing.ts';
import { followUpNoteSealedColumns } from '../follow-ups/follow-up-sealing.ts';
import { importChunkSealedColumns } from '../imports/import-files.ts';
import { stagedRowSealedColumns } from '../imports/imports.repository.ts';
import { referralSnapshotSealedColumns } from '../referrals/referral-sealing.ts';
import { personSealedColumns } from '../registry/persons.sealing.ts';

/**
 * Every sealed column of the application, in the order they are rotated. Staged import
 * rows go before persons: discarded there, they are staged again under the new key
 * instead of reaching person under the old one.
 */
export const SEALED_COLUMNS: readonly SealedColumns[] = [
  cryptoKeySealedColumns,
  totpSealedColumns,
  stagedRowSealedColumns,
  importChunkSealedColumns,
  personSealedColumns,
  bankAccountSealedColumns,
  referralSnapshotSealedColumns,
  assessmentSealedColumns,
  planSealedColumns,
  noteSealedColumns,
  followUpNoteSealedColumns,
  storedFileSealedColumns,
];

/** What the command prints with --json and the audit event holds: counts per kind, never values. */
export type KeyRotationSummary = { keyId: string; reencrypted: boolean } & Record<string, number | string | boolean>;

export async function rotateKeys(
  db: Db,
  keys: KeyProvider,
  ctx: Context,
  opts: Omit<RotationOptions, 'finish'>,
  declarations: readonly SealedColumns[] = SEALED_COLUMNS,
): Promise<KeyRotationSummary> {
  let summary: KeyRotationSummary | undefined;
  await rotateSealedColumns(db, keys, declarations, {
    ...opts,
    finish: async (tx, result) => {
      summary = { keyId: result.keyId, reencrypted: result.reencrypted, ...result.counts };
      await audit(tx, ctx, { action: 'keys.rotated', entityType: 'crypto_key', summary });
    },
  });
  return summary!;
}
