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
import type { StoredFileTable } from '../files/files.tables.ts';
import type {
  SiteCodeCounterTable,
  SiteHeadCountTable,
  SiteMilestoneEvidenceTable,
  SiteMilestoneTable,
  SiteMonitoringVisitTable,
  SiteTable,
} from '../../modules/sites/sites.tables.ts';
import type {
  ProgrammeRegionStatusChangeTable,
  ProgrammeRegionTable,
  ProgrammeTable,
  ReadinessRequestTable,
} from '../../modules/programmes/programmes.tables.ts';
import type { LetterCounterTable, LetterRecipientTable, LetterSiteTable, LetterTable, LetterTemplateTable, LetterUnitTable } from '../../modules/letters/letters.tables.ts';
import type {
  ActionItemTable,
  MeetingAttachmentTable,
  MeetingDecisionTable,
  MeetingParticipantTable,
  MeetingRegionTable,
  MeetingSiteTable,
  MeetingTable,
} from '../../modules/meetings/meetings.tables.ts';
import type { PersonCodeCounterTable, PersonConsentTable, PersonTable } from '../../modules/registry/persons.tables.ts';
import type { SubjectRequestTable } from '../../modules/registry/subject-requests.tables.ts';
import type { CryptoKeyTable } from '../crypto/crypto.tables.ts';
import type { DedupCandidateTable, DedupDecisionTable, DedupRunTable, PersonDedupColumns } from '../../modules/duplicates/duplicates.tables.ts';
import type { PersonImportChunkTable, PersonImportRowTable, PersonImportTable } from '../../modules/imports/imports.tables.ts';
import type {
  EligibilityRuleSetTable,
  PersonListChangeTable,
  PersonListEntryTable,
  PersonListTable,
  PersonVerificationEventTable,
  PersonVerificationTable,
} from '../../modules/verval/verval.tables.ts';
import type { IdempotencyKeyTable } from '../idempotency/idempotency.tables.ts';
import type {
  PaymentBankFormatTable,
  PaymentBatchCounterTable,
  PaymentBatchTable,
  PaymentMismatchTable,
  PaymentReconciliationTable,
  PaymentTable,
} from '../../modules/payments/payments.tables.ts';
import type {
  CaseAssessmentFormTable,
  CaseAssessmentTable,
  CaseNoteAttachmentTable,
  CaseNoteTable,
  CasePlanTable,
  CaseTaskTable,
  RehabCaseAssignmentTable,
  RehabCaseEventTable,
  RehabCaseTable,
} from '../../modules/cases/cases.tables.ts';
import type { AidComponentTable, AidEntitlementTable, AidSchemeTable } from '../../modules/aid/aid.tables.ts';
import type { PersonBankAccountTable } from '../../modules/bank-accounts/bank-accounts.tables.ts';
import type { BudgetAllocationTable } from '../../modules/budgets/budgets.tables.ts';
import type { ReturnHomeTable } from '../../modules/return-home/return-home.tables.ts';
import type { TrainingAttendanceTable, TrainingCourseTable, TrainingEnrolmentTable, TrainingMeetingTable, TrainingRunTable } from '../../modules/training/training.tables.ts';
import type { ReferralTable } from '../../modules/referrals/referrals.tables.ts';
import type { FollowUpScheduleTable, FollowUpTable } from '../../modules/follow-ups/follow-ups.tables.ts';

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
  stored_file: StoredFileTable;
  site: SiteTable;
  site_code_counter: SiteCodeCounterTable;
  site_milestone: SiteMilestoneTable;
  site_milestone_evidence: SiteMilestoneEvidenceTable;
  site_head_count: SiteHeadCountTable;
  site_monitoring_visit: SiteMonitoringVisitTable;
  letter_unit: LetterUnitTable;
  letter_counter: LetterCounterTable;
  letter: LetterTable;
  letter_recipient: LetterRecipientTable;
  letter_site: LetterSiteTable;
  letter_template: LetterTemplateTable;
  programme: ProgrammeTable;
  programme_region: ProgrammeRegionTable;
  programme_region_status_change: ProgrammeRegionStatusChangeTable;
  readiness_request: ReadinessRequestTable;
  meeting: MeetingTable;
  meeting_participant: MeetingParticipantTable;
  meeting_region: MeetingRegionTable;
  meeting_site: MeetingSiteTable;
  meeting_attachment: MeetingAttachmentTable;
  meeting_decision: MeetingDecisionTable;
  action_item: ActionItemTable;
  crypto_key: CryptoKeyTable;
  person_code_counter: PersonCodeCounterTable;
  person: PersonTable & PersonDedupColumns;
  person_consent: PersonConsentTable;
  person_import: PersonImportTable;
  person_import_chunk: PersonImportChunkTable;
  person_import_row: PersonImportRowTable;
  subject_request: SubjectRequestTable;
  person_list: PersonListTable;
  person_list_entry: PersonListEntryTable;
  person_list_change: PersonListChangeTable;
  eligibility_rule_set: EligibilityRuleSetTable;
  person_verification: PersonVerificationTable;
  person_verification_event: PersonVerificationEventTable;
  idempotency_key: IdempotencyKeyTable;
  payment_bank_format: PaymentBankFormatTable;
  payment_batch: PaymentBatchTable;
  payment_batch_counter: PaymentBatchCounterTable;
  payment: PaymentTable;
  payment_reconciliation: PaymentReconciliationTable;
  payment_mismatch: PaymentMismatchTable;
  rehab_case: RehabCaseTable;
  rehab_case_assignment: RehabCaseAssignmentTable;
  rehab_case_event: RehabCaseEventTable;
  return_home: ReturnHomeTable;
  training_course: TrainingCourseTable;
  training_run: TrainingRunTable;
  training_meeting: TrainingMeetingTable;
  training_enrolment: TrainingEnrolmentTable;
  training_attendance: TrainingAttendanceTable;
  referral: ReferralTable;
  follow_up_schedule: FollowUpScheduleTable;
  follow_up: FollowUpTable;
  case_assessment_form: CaseAssessmentFormTable;
  case_assessment: CaseAssessmentTable;
  case_plan: CasePlanTable;
  case_note: CaseNoteTable;
  case_note_attachment: CaseNoteAttachmentTable;
  case_task: CaseTaskTable;
  dedup_run: DedupRunTable;
  dedup_candidate: DedupCandidateTable;
  dedup_decision: DedupDecisionTable;
  aid_scheme: AidSchemeTable;
  aid_component: AidComponentTable;
  aid_entitlement: AidEntitlementTable;
  person_bank_account: PersonBankAccountTable;
  budget_allocation: BudgetAllocationTable;
}
