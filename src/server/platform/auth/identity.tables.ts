import type { ColumnType, Generated } from 'kysely';
import type { SessionState } from '../../../common/auth.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RoleTable {
  key: string;
  name_id: string;
  name_en: string;
  permissions: string[];
  requires_mfa: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_must_change: Generated<boolean>;
  scope_level: 'national' | 'province' | 'regency';
  scope_code: string | null;
  status: Generated<'active' | 'disabled'>;
  mfa_secret_enc: string | null;
  mfa_enabled: Generated<boolean>;
  mfa_pending_secret_enc: string | null;
  mfa_last_step: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  disabled_at: Date | null;
  last_login_at: Date | null;
}

export interface UserRoleTable {
  user_id: number;
  role_key: string;
}

export interface MfaRecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface UserSessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  state: SessionState;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Date;
  reauthenticated_at: Date | null;
  ip: string | null;
  user_agent: string | null;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface SetupTokenTable {
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
}
