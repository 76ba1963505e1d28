// TOTP secrets rest sealed with SecretBox under this purpose: active and pending
// (enrolment) secrets of app_user, declared for master-key rotation.
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';

export const TOTP_PURPOSE = 'totp';

export const totpSealedColumns: SealedColumns = {
  form: 'secret-box',
  kind: 'totpSecrets',
  table: 'app_user',
  key: ['id'],
  columns: ['mfa_secret_enc', 'mfa_pending_secret_enc'],
  purpose: TOTP_PURPOSE,
};
