// buildApp(deps): infrastructure plugins, then platform, then modules, in a fixed order.
import { hkdfSync, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { registerErrorHandling } from './platform/errors/error-handler.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerWeb } from './platform/http/web.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';
import { auditCheckpointJob } from './platform/audit/checkpoint.job.ts';
import { jobRoutes } from './platform/jobs/jobs.routes.ts';
import { loggerOptions } from './platform/logging/logger.ts';
import { registerAuth } from './platform/auth/auth.plugin.ts';
import { registerIdempotency } from './platform/idempotency/idempotency.ts';
import { idempotencyExpiryJob } from './platform/idempotency/idempotency.job.ts';
import { systemClock, type Clock } from './platform/auth/clock.ts';
import type { MasterKey } from './platform/crypto/master-key.ts';
import { SecretBox } from './platform/crypto/secret-box.ts';
import { keyRing, type KeyProvider } from './platform/crypto/key-provider.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { SessionService } from './modules/auth/session.service.ts';
import { SetupService } from './modules/auth/setup.service.ts';
import { SignInService } from './modules/auth/sign-in.service.ts';
import { TOTP_PURPOSE } from './modules/auth/totp-sealing.ts';
import { RoleService } from './modules/users/roles.service.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { UserService } from './modules/users/users.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { breakGlassRoutes } from './modules/break-glass/break-glass.routes.ts';
import { BreakGlassService } from './modules/break-glass/break-glass.service.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { NotificationService } from './modules/notifications/notifications.service.ts';
import { regionsImportJob } from './modules/regions/regions-import.job.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { RegionService } from './modules/regions/regions.service.ts';
import { nikRoutes } from './modules/registry/nik.routes.ts';
import { duplicateRoutes } from './modules/duplicates/duplicates.routes.ts';
import { duplicatesRunJobWith } from './modules/duplicates/duplicates.job.ts';
import { DuplicateRunner } from './modules/duplicates/duplicates.runner.ts';
import { DuplicateService } from './modules/duplicates/duplicates.service.ts';
import { personRoutes } from './modules/registry/persons.routes.ts';
import { PersonService } from './modules/registry/persons.service.ts';
import { ConsentService } from './modules/registry/consents.service.ts';
import { PersonUpdateService } from './modules/registry/persons.update.ts';
import { registryRightsRoutes } from './modules/registry/registry-rights.routes.ts';
import { subjectRequestRoutes } from './modules/registry/subject-requests.routes.ts';
import { SubjectRequestService } from './modules/registry/subject-requests.service.ts';
import { ERASURE_STEPS } from './modules/registry/erasure-steps.ts';
import { LetterRecipientService } from './modules/letters/letter-recipients.service.ts';
import { LetterUnitService } from './modules/letters/letter-units.service.ts';
import { letterRoutes } from './modules/letters/letters.routes.ts';
import { LetterService } from './modules/letters/letters.service.ts';
import { programmeRoutes } from './modules/programmes/programmes.routes.ts';
import { ProgrammeExportService } from './modules/programmes/programmes-export.service.ts';
import { ProgrammeService } from './modules/programmes/programmes.service.ts';
import { registerFiles } from './platform/files/files.ts';
import { siteRoutes } from './modules/sites/sites.routes.ts';
import { SiteExportService } from './modules/sites/sites-export.service.ts';
import { SiteService } from './modules/sites/sites.service.ts';
import { ActionItemService } from './modules/meetings/action-items.service.ts';
import { meetingRoutes } from './modules/meetings/meetings.routes.ts';
import { MeetingService } from './modules/meetings/meetings.service.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { DashboardService } from './modules/dashboard/dashboard.service.ts';
import { ImportRunner } from './modules/imports/import-runner.ts';
import { importJobs } from './modules/imports/imports.jobs.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { ImportService } from './modules/imports/imports.service.ts';
import { PersonListService } from './modules/verval/person-lists.service.ts';
import { VerificationService } from './modules/verval/verifications.service.ts';
import { VervalFunnelService } from './modules/verval/verval-funnel.service.ts';
import { vervalRoutes } from './modules/verval/verval.routes.ts';
import { BankFormatService } from './modules/payments/bank-formats.service.ts';
import { BatchService } from './modules/payments/batches.service.ts';
import { paymentRoutes } from './modules/payments/payments.routes.ts';
import { ReconciliationService } from './modules/payments/reconciliation.service.ts';
import { ReceiptService } from './modules/payments/receipts.service.ts';
import { returnUnclaimedJobWith } from './modules/payments/return-unclaimed.job.ts';
import { SchemeService } from './modules/aid/schemes.service.ts';
import { EntitlementService } from './modules/aid/entitlements.service.ts';
import { aidRoutes } from './modules/aid/aid.routes.ts';
import { BankAccountService } from './modules/bank-accounts/bank-accounts.service.ts';
import { bankAccountRoutes } from './modules/bank-accounts/bank-accounts.routes.ts';
import { BudgetService } from './modules/budgets/budgets.service.ts';
import { budgetRoutes } from './modules/budgets/budgets.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { CaseService } from './modules/cases/cases.service.ts';
import { assessmentRoutes } from './modules/cases/assessments.routes.ts';
import { AssessmentService } from './modules/cases/assessments.service.ts';
import { caseRecordRoutes } from './modules/cases/case-records.routes.ts';
import { CaseNoteService } from './modules/cases/notes.service.ts';
import { PlanService } from './modules/cases/plans.service.ts';
import { returnHomeRoutes } from './modules/return-home/return-home.routes.ts';
import { ReturnHomeService } from './modules/return-home/return-home.service.ts';
import { referralSweepJob } from './modules/referrals/referrals.job.ts';
import { referralRoutes } from './modules/referrals/referrals.routes.ts';
import { ReferralService } from './modules/referrals/referrals.service.ts';
import { followUpRoutes } from './modules/follow-ups/follow-ups.routes.ts';
import { FollowUpService } from './modules/follow-ups/follow-ups.service.ts';
import { FollowUpScheduleService } from './modules/follow-ups/follow-up-schedules.service.ts';
import { FollowUpReportService } from './modules/follow-ups/follow-ups-report.service.ts';
import { followUpDigestJobWith } from './modules/follow-ups/follow-ups-digest.job.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { TrainingCatalogueService } from './modules/training/training-catalogue.service.ts';
import { TrainingEnrolmentService } from './modules/training/training-enrolments.service.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Override the logger (tests pass false to keep output quiet). */
  logger?: boolean;
  /** Serve the built web app from this directory (default: dist/web). */
  webDir?: string;
  /** Protects secrets at rest (TOTP secrets; later the registry's data keys). */
  masterKey: MasterKey;
  /** Every configured master key (current + previous, during a rotation); default: masterKey alone. */
  keys?: KeyProvider;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
  /** Time source for expiry rules; tests move it forward. */
  clock?: Clock;
}

export interface Services {
  jobs: JobQueue;
  regions: RegionService;
  setup: SetupService;
  signIn: SignInService;
  sessions: SessionService;
  users: UserService;
  roles: RoleService;
  audit: AuditService;
  breakGlass: BreakGlassService;
  notifications: NotificationService;
  letters: LetterService;
  letterUnits: LetterUnitService;
  letterRecipients: LetterRecipientService;
  sites: SiteService;
  siteExports: SiteExportService;
  programmes: ProgrammeService;
  programmeExports: ProgrammeExportService;
  meetings: MeetingService;
  actionItems: ActionItemService;
  dashboard: DashboardService;
  persons: PersonService;
  imports: ImportService;
  personUpdates: PersonUpdateService;
  consents: ConsentService;
  subjectRequests: SubjectRequestService;
  duplicates: DuplicateService;
  personLists: PersonListService;
  verifications: VerificationService;
  vervalFunnel: VervalFunnelService;
  paymentBatches: BatchService;
  paymentFormats: BankFormatService;
  paymentReconciliations: ReconciliationService;
  paymentReceipts: ReceiptService;
  aidSchemes: SchemeService;
  aidEntitlements: EntitlementService;
  bankAccounts: BankAccountService;
  budgets: BudgetService;
  cases: CaseService;
  caseAssessments: AssessmentService;
  casePlans: PlanService;
  caseNotes: CaseNoteService;
  returnHome: ReturnHomeService;
  referrals: ReferralService;
  followUps: FollowUpService;
  followUpSchedules: FollowUpScheduleService;
  followUpReports: FollowUpReportService;
  training: TrainingCatalogueService;
  trainingEnrolments: TrainingEnrolmentService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { ...(loggerOptions(config) as object), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // Keep a caller's well-formed id for correlation; otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // 1. Infrastructure
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Only JSON (and, later, multipart) bodies: a cross-site form cannot send them without CORS.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app, config.bodyLimitBytes);
  await registerSecurity(app, config);

  // 2. Platform (authentication first: it checks every route registered after it)
  const db = database.db;
  const clock = deps.clock ?? systemClock;
  const keys = deps.keys ?? keyRing(deps.masterKey);
  const csrfKey = Buffer.from(hkdfSync('sha256', deps.masterKey.key, Buffer.alloc(0), 'tuntas/csrf', 32));
  await registerAuth(app, { db, config, clock, csrfKey });
  registerIdempotency(app, { db, clock });
  await registerOpenApi(app);
  await registerFiles(app, config);
  const jobs = new JobQueue(db, app.log, [regionsImportJob as never, auditCheckpointJob as never, referralSweepJob as never]);
  jobs.register(idempotencyExpiryJob as never);
  const duplicates = new DuplicateService(db, jobs);
  const importRunner = new ImportRunner({ database, keys, workers: config.importWorkers, clock, afterCommit: (tx) => duplicates.scheduleNewRun(tx) });
  const personImportJobs = importJobs(importRunner);
  for (const job of Object.values(personImportJobs)) jobs.register(job as never);
  const persons = new PersonService(db, keys, clock, config.reauthMinutes * 60_000);
  jobs.register(duplicatesRunJobWith(new DuplicateRunner(db, persons, app.log)) as never);
  const letters = new LetterService(db, persons.sealer, config, clock);
  const paymentBatches = new BatchService(db, clock, config.reauthMinutes * 60_000);
  jobs.register(returnUnclaimedJobWith(paymentBatches, clock) as never);
  const services: Services = {
    jobs,
    regions: new RegionService(db, jobs),
    setup: new SetupService(db, config, clock),
    signIn: new SignInService(db, config, new SecretBox(keys, TOTP_PURPOSE), csrfKey, clock),
    sessions: new SessionService(db, config, csrfKey, clock),
    users: new UserService(db),
    roles: new RoleService(db),
    audit: new AuditService(db, { clock, reauthMs: config.reauthMinutes * 60_000 }),
    breakGlass: new BreakGlassService(db, config, clock),
    notifications: new NotificationService(db),
    letters,
    letterUnits: new LetterUnitService(db, persons.sealer, clock),
    letterRecipients: new LetterRecipientService(db, config, clock),
    sites: new SiteService(db, persons.sealer),
    siteExports: new SiteExportService(db),
    programmes: new ProgrammeService(db, clock),
    programmeExports: new ProgrammeExportService(db, clock),
    meetings: new MeetingService(db, persons.sealer, clock),
    actionItems: new ActionItemService(db, clock),
    dashboard: new DashboardService(db, config, clock),
    imports: new ImportService(db, jobs, personImportJobs, importRunner, config.importMaxBytes),
    persons,
    personUpdates: new PersonUpdateService(db, persons, clock, config.reauthMinutes * 60_000),
    consents: new ConsentService(db, clock),
    subjectRequests: new SubjectRequestService(db, persons, clock, config.reauthMinutes * 60_000, ERASURE_STEPS),
    duplicates,
    personLists: new PersonListService(db),
    verifications: new VerificationService(db, persons, clock),
    vervalFunnel: new VervalFunnelService(db, clock),
    paymentBatches,
    paymentFormats: new BankFormatService(db, persons.sealer, paymentBatches, clock),
    paymentReconciliations: new ReconciliationService(db, paymentBatches, clock),
    paymentReceipts: new ReceiptService(db, persons, clock, config.reauthMinutes * 60_000),
    aidSchemes: new SchemeService(db),
    aidEntitlements: new EntitlementService(db),
    bankAccounts: new BankAccountService(db, persons, clock, config.reauthMinutes * 60_000),
    budgets: new BudgetService(db),
    cases: new CaseService(db, clock),
    caseAssessments: new AssessmentService(db, persons.sealer, clock),
    casePlans: new PlanService(db, persons.sealer, clock),
    caseNotes: new CaseNoteService(db, persons.sealer, clock),
    returnHome: new ReturnHomeService(db, persons, letters, clock),
    referrals: new ReferralService(db, persons, clock),
    followUps: new FollowUpService(db, persons.sealer, clock),
    followUpSchedules: new FollowUpScheduleService(db, clock),
    followUpReports: new FollowUpReportService(db, clock),
    training: new TrainingCatalogueService(db, clock),
    trainingEnrolments: new TrainingEnrolmentService(db, persons, clock, config.reauthMinutes * 60_000),
  };
  services.followUps.attach(services.cases, services.returnHome);
  jobs.register(followUpDigestJobWith(clock) as never);
  app.decorate('services', services);
  await app.register(jobRoutes(jobs));

  // 3. Modules
  await app.register(systemRoutes(database));
  await app.register(authRoutes({ ...services, clock, reauthMs: config.reauthMinutes * 60_000 }));
  await app.register(userRoutes(services.users, services.roles));
  await app.register(regionRoutes(services.regions));
  await app.register(nikRoutes(clock));
  await app.register(personRoutes(services.persons));
  await app.register(duplicateRoutes(services.duplicates));
  await app.register(registryRightsRoutes({ updates: services.personUpdates, consents: services.consents, requests: services.subjectRequests }));
  await app.register(subjectRequestRoutes(services.subjectRequests));
  await app.register(auditRoutes(services.audit));
  await app.register(breakGlassRoutes(services.breakGlass));
  await app.register(notificationRoutes(services.notifications));
  await app.register(letterRoutes(services.letters, services.letterUnits, services.letterRecipients));
  await app.register(programmeRoutes(services.programmes, services.programmeExports));
  await app.register(siteRoutes(services.sites, services.siteExports));
  await app.register(meetingRoutes(services.meetings, services.actionItems));
  await app.register(dashboardRoutes(services.dashboard));
  await app.register(importRoutes(services.imports, config.importMaxBytes));
  await app.register(paymentRoutes({ batches: services.paymentBatches, formats: services.paymentFormats, reconciliations: services.paymentReconciliations, receipts: services.paymentReceipts }));
  await app.register(vervalRoutes({ lists: services.personLists, verifications: services.verifications, funnel: services.vervalFunnel }));
  await app.register(aidRoutes({ schemes: services.aidSchemes, entitlements: services.aidEntitlements }));
  await app.register(bankAccountRoutes(services.bankAccounts));
  await app.register(budgetRoutes(services.budgets));
  await app.register(caseRoutes(services.cases));
  await app.register(assessmentRoutes(services.caseAssessments));
  await app.register(caseRecordRoutes({ plans: services.casePlans, notes: services.caseNotes }));
  await app.register(returnHomeRoutes(services.returnHome));
  await app.register(referralRoutes(services.referrals));
  await app.register(followUpRoutes({ followUps: services.followUps, schedules: services.followUpSchedules, reports: services.followUpReports }));
  await app.register(trainingRoutes(services.training, services.trainingEnrolments));

  // 4. The web app, last, so that its fallback never shadows an API route.
  if (config.serveWeb) await registerWeb(app, deps.webDir);

  return app;
}
