// The database as Kysely sees it: each module owns the types of its tables.
import type { Generated } from 'kysely';
import type { JobTable } from '../jobs/job.tables.ts';
import type { RegionTable } from '../../modules/regions/regions.tables.ts';
import type {
  AppUserTable,
  LoginAttemptTable,
  MfaRecoveryCodeTable,
  RoleTable,
  SetupTokenTable,
  UserRoleTable,
  UserSessionTable,
} from '../auth/identity.tables.ts';
import type { AuditCheckpointTable, AuditEventTable, AuditHeadTable } from '../audit/audit.tables.ts';
import type { BreakGlassGrantTable } from '../../modules/break-glass/break-glass.tables.ts';
import type { NotificationTable } from '../../modules/notifications/notifications.tables.ts';

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Generated<Date>;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  app_meta: AppMetaTable;
  schema_migration: SchemaMigrationTable;
  job: JobTable;
  region: RegionTable;
  role: RoleTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  setup_token: SetupTokenTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_checkpoint: AuditCheckpointTable;
  break_glass_grant: BreakGlassGrantTable;
  notification: NotificationTable;
}
