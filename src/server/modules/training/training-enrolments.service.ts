// Enrolment of cases in course runs, withdrawal, attendance per meeting day (in bulk),
// completion by the course's rule, a case's enrolments, and certificates. A case is
// reached only through the cases module's rule (loadCaseFor / caseVisible): its
// regency in the caller's scope, and for case workers only their assigned cases.
import type { AttendanceGrid, CaseTraining, CertificateRequest, Enrolment, RecordAttendance } from '../../../common/training.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import { translateCode } from '../../platform/errors/app-error.ts';
import { allows, caseReaches, caseVisible, loadCaseFor, type CaseReaches } from '../cases/case-access.ts';
import { coversCase } from '../cases/cases.policy.ts';
import { assertMayOpenIdentity } from '../registry/persons.erasure.ts';
import { covers } from '../registry/persons.policy.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { actorUserId, personReaches, wibDate } from '../registry/registry-access.ts';
import { renderCertificatePdf } from './training.certificate.ts';
import { trainingError } from './training.errors.ts';
import { within } from './training.policy.ts';
import * as repo from './training.repository.ts';
import { completionOfRow, enrolmentView, meetingView } from './training.view.ts';

export class TrainingEnrolmentService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {}

  private today(): string {
    return wibDate(this.clock());
  }

  private async view(db: Executor, ctx: Context, id: number): Promise<Enrolment> {
    const reaches = await caseReaches(db, ctx);
    const reveal = (await personReaches(db, ctx)).reveal;
    const e = await repo.enrolments(db).where('e.id', '=', id).executeTakeFirstOrThrow();
    return enrolmentView(ctx.actor, reaches, reveal, e, this.today());
  }

  /** An enrolment whose case the caller may read (else 404) and, with `manage`, work (else 403). */
  private async visible(db: Executor, ctx: Context, reaches: CaseReaches, id: number, manage: boolean): Promise<repo.EnrolmentRow> {
    const e = await repo.enrolments(db).where('e.id', '=', id).where(caseVisible(ctx.actor, reaches.read, 'c')).executeTakeFirst();
    if (!e) throw trainingError('training.enrolment_not_found');
    if (manage && !coversCase(ctx.actor, reaches.manage, { regencyCode: e.regency_code, assignedUserId: e.assigned_user_id })) throw authError('auth.forbidden');
    return e;
  }

  private async visibleRun(db: Executor, ctx: Context, runId: number): Promise<repo.RunRow> {
    const r = await repo.runs(db).where('r.id', '=', runId).where(repo.regionsOverlap(ctx.actor, 'r.region_code', false)).executeTakeFirst();
    if (!r) throw trainingError('training.run_not_found');
    return r;
  }

  async enrol(ctx: Context, runId: number, input: { caseId: number }): Promise<Enrolment> {
    authorize(ctx.actor, 'case.manage');
    const id = await inTransaction(this.db, async (tx) => {
      await repo.lockRow(tx, 'training_run', runId);
      const r = await this.visibleRun(tx, ctx, runId);
      const c = await loadCaseFor(tx, ctx, input.caseId, 'manage', this.clock());
      if (c.status === 'closed') throw trainingError('training.case_closed');
      if (r.ends_on < this.today()) throw trainingError('training.run_ended');
      if (!within(c.regencyCode, r.region_code)) throw trainingError('training.case_outside_run_region');
      const existing = await tx.selectFrom('training_enrolment').select('id').where('run_id', '=', runId).where('case_id', '=', c.id).where('status', '=', 'enrolled').executeTakeFirst();
      if (existing) throw trainingError('training.already_enrolled');
      if (r.capacity !== null && r.enrolled_count >= r.capacity) throw trainingError('training.run_full', { capacity: r.capacity });
      const row = await tx
        .insertInto('training_enrolment')
        .values({ run_id: runId, case_id: c.id, regency_code: c.regencyCode, created_by: actorUserId(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'training.enrolled', entityType: 'training_enrolment', entityId: row.id, regionCode: c.regencyCode, summary: { caseCode: c.caseCode, caseId: c.id, runId } });
      return row.id;
    });
    return this.view(this.db, ctx, id);
  }

  async withdraw(ctx: Context, id: number, input: { reason: string }): Promise<Enrolment> {
    authorize(ctx.actor, 'case.manage');
    await inTransaction(this.db, async (tx) => {
      await repo.lockRow(tx, 'training_enrolment', id);
      const e = await this.visible(tx, ctx, await caseReaches(tx, ctx), id, true);
      if (e.status === 'withdrawn') throw trainingError('training.already_withdrawn');
      await tx
        .updateTable('training_enrolment')
        .set({ status: 'withdrawn', withdrawn_at: this.clock(), withdraw_reason: input.reason, withdrawn_by: actorUserId(ctx), version: e.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'training.withdrawn',
        entityType: 'training_enrolment',
        entityId: id,
        regionCode: e.regency_code,
        reason: input.reason,
        summary: { caseCode: e.case_code, runId: e.run_id, present: e.present, meetings: e.meeting_count },
      });
    });
    return this.view(this.db, ctx, id);
  }

  private async meetingOf(db: Executor, ctx: Context, meetingId: number) {
    const m = await db.selectFrom('training_meeting').select(['id', 'run_id']).where('id', '=', meetingId).executeTakeFirst();
    if (!m) throw trainingError('training.meeting_not_found');
    const r = await repo.runs(db).where('r.id', '=', m.run_id).where(repo.regionsOverlap(ctx.actor, 'r.region_code', false)).executeTakeFirst();
    if (!r) throw trainingError('training.meeting_not_found');
    const day = await repo.meetings(db, r.id).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
    return { r, day };
  }

  /** The attendance grid of one meeting day: the run's active participants the caller may see. */
  async attendance(ctx: Context, meetingId: number): Promise<AttendanceGrid> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      const grid = await this.grid(tx, ctx, meetingId);
      if (grid.rows.length > 0)
        await audit(tx, ctx, {
          action: 'training.attendance_viewed',
          entityType: 'training_meeting',
          entityId: meetingId,
          regionCode: (await tx.selectFrom('training_run').select('region_code').where('id', '=', grid.runId).executeTakeFirstOrThrow()).region_code,
          summary: { runId: grid.runId, date: grid.meeting.date, caseCodes: grid.rows.map((r) => r.caseCode) },
        });
      return grid;
    });
  }

  private async grid(db: Executor, ctx: Context, meetingId: number): Promise<AttendanceGrid> {
    const reaches = await caseReaches(db, ctx);
    const today = this.today();
    const { r, day } = await this.meetingOf(db, ctx, meetingId);
    const rows = await db
      .selectFrom('training_enrolment as e')
      .innerJoin('rehab_case as c', 'c.id', 'e.case_id')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .leftJoin('training_attendance as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id').on('a.meeting_id', '=', meetingId))
      .select(['e.id', 'e.case_id', 'e.regency_code', 'c.assigned_user_id', 'c.status as case_status', 'p.case_code', 'a.status'])
      .where('e.run_id', '=', r.id)
      .where('e.status', '=', 'enrolled')
      .where(caseVisible(ctx.actor, reaches.read, 'c'))
      .orderBy('p.case_code')
      .execute();
    return {
      meeting: meetingView(ctx.actor, reaches, r.region_code, day, today),
      runId: r.id,
      runTitle: r.title,
      rows: rows.map((e) => ({
        enrolmentId: e.id,
        caseId: e.case_id,
        caseCode: e.case_code,
        status: e.status,
        editable: day.meeting_date <= today && e.case_status !== 'closed' && coversCase(ctx.actor, reaches.manage, { regencyCode: e.regency_code, assignedUserId: e.assigned_user_id }),
      })),
    };
  }

  /** Records one day's attendance for several participants at once (each must be one the caller may work). */
  async recordAttendance(ctx: Context, meetingId: number, input: RecordAttendance): Promise<AttendanceGrid> {
    authorize(ctx.actor, 'case.manage');
    return inTransaction(this.db, async (tx) => {
      const { r, day } = await this.meetingOf(tx, ctx, meetingId);
      if (day.meeting_date > this.today()) throw trainingError('training.meeting_in_future', { date: day.meeting_date });
      const before = await this.grid(tx, ctx, meetingId);
      const editable = new Map(before.rows.filter((row) => row.editable).map((row) => [row.enrolmentId, row]));
      const entries = new Map<number, RecordAttendance['entries'][number]['status']>();
      input.entries.forEach((entry, i) => {
        if (!editable.has(entry.enrolmentId)) {
          const params = { enrolmentId: entry.enrolmentId };
          const message = { id: translateCode('training.attendance_entry_invalid', 'id', params), en: translateCode('training.attendance_entry_invalid', 'en', params) };
          throw trainingError('training.attendance_entry_invalid', params, [{ field: `body.entries.${i}.enrolmentId`, message }]);
        }
        entries.set(entry.enrolmentId, entry.status);
      });
      const now = this.clock();
      for (const [enrolmentId, status] of entries)
        await tx
          .insertInto('training_attendance')
          .values({ enrolment_id: enrolmentId, meeting_id: meetingId, status, recorded_by: actorUserId(ctx), recorded_at: now })
          .onConflict((oc) => oc.columns(['enrolment_id', 'meeting_id']).doUpdateSet({ status, recorded_by: actorUserId(ctx), recorded_at: now }))
          .execute();
      const counts = { present: 0, absent: 0, excused: 0 };
      for (const s of entries.values()) counts[s]++;
      await audit(tx, ctx, {
        action: 'training.attendance_recorded',
        entityType: 'training_meeting',
        entityId: meetingId,
        regionCode: r.region_code,
        summary: { runId: r.id, date: day.meeting_date, ...counts, caseCodes: [...entries.keys()].map((id) => editable.get(id)!.caseCode) },
      });
      return this.grid(tx, ctx, meetingId);
    });
  }

  /** A case's enrolments (the case's "Pelatihan" tab); a read of the case, audited. */
  async forCase(ctx: Context, caseId: number): Promise<CaseTraining> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      const c = await loadCaseFor(tx, ctx, caseId, 'read', this.clock());
      const reveal = (await personReaches(tx, ctx)).reveal;
      const rows = await repo.enrolments(tx).where('e.case_id', '=', caseId).orderBy('r.starts_on', 'desc').orderBy('e.id', 'desc').execute();
      await audit(tx, ctx, { action: 'case.training_viewed', entityType: 'case', entityId: caseId, regionCode: c.regencyCode, summary: { caseCode: c.caseCode, enrolments: rows.length } });
      const actions = c.status !== 'closed' && allows(ctx, c, 'manage') ? (['enrol'] as const).slice() : [];
      return { caseId, caseCode: c.caseCode, items: rows.map((e) => enrolmentView(ctx.actor, c.reaches, reveal, e, this.today())), actions };
    });
  }

  /**
   * The certificate PDF of a completed enrolment. The case code is printed, or the
   * full name when asked for by someone whose reveal reach covers the person, with a
   * reason and a recent re-authentication (audited as a reveal). Every print audited.
   */
  async certificate(ctx: Context, id: number, input: CertificateRequest): Promise<{ filename: string; pdf: Buffer }> {
    authorize(ctx.actor, 'case.manage');
    const reason = input.reason?.trim() ?? '';
    if (input.withName) {
      authorize(ctx.actor, 'person.reveal_identity');
      if (reason.length < 10) throw trainingError('training.reason_required');
      requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    }
    const data = await inTransaction(this.db, async (tx) => {
      await repo.lockRow(tx, 'training_enrolment', id);
      const e = await this.visible(tx, ctx, await caseReaches(tx, ctx), id, true);
      if (completionOfRow(e, this.today()) !== 'completed') throw trainingError('training.not_completed', { pct: e.min_attendance_pct });
      const holder = input.withName ? await this.fullName(tx, ctx, e, reason) : null;
      const number = e.certificate_number ?? certificateNumber(e);
      if (!e.certificate_number)
        await tx.updateTable('training_enrolment').set({ certificate_number: number, certificate_issued_at: this.clock(), updated_at: this.clock() }).where('id', '=', id).execute();
      const days = await tx
        .selectFrom('training_meeting as m')
        .innerJoin('training_attendance as a', 'a.meeting_id', 'm.id')
        .select((eb) => eb.fn.sum<string>('m.hours').as('hours'))
        .where('a.enrolment_id', '=', id)
        .where('a.status', '=', 'present')
        .executeTakeFirstOrThrow();
      const office = await tx.selectFrom('region').select('name').where('code', '=', e.run_region_code).executeTakeFirst();
      const course = await tx.selectFrom('training_course').select('provider').innerJoin('training_run', 'training_run.course_id', 'training_course.id').where('training_run.id', '=', e.run_id).executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'training.certificate_printed',
        entityType: 'training_enrolment',
        entityId: id,
        regionCode: e.regency_code,
        reason: input.withName ? reason : null,
        summary: { caseCode: e.case_code, certificateNumber: number, withName: input.withName, reprint: e.certificate_number !== null },
      });
      return {
        number,
        holder: holder ?? e.case_code,
        named: holder !== null,
        course: e.course_name_id,
        provider: course.provider,
        runTitle: e.run_title,
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        hours: Number(days.hours ?? 0),
        present: e.present,
        meetings: e.meeting_count,
        office: office?.name ?? e.run_region_code,
        issuedOn: this.today(),
      };
    });
    return { filename: `sertifikat-${data.number}.pdf`, pdf: await renderCertificatePdf(data) };
  }

  /** Opens the person's full name in memory for the certificate; audited like a reveal (field name, never the value). */
  private async fullName(tx: Tx, ctx: Context, e: repo.EnrolmentRow, reason: string): Promise<string> {
    const reveal = (await personReaches(tx, ctx)).reveal;
    if (!covers(ctx.actor, reveal, { regencyCode: e.person_regency_code, assignedUserId: e.person_assigned_user_id })) throw authError('auth.forbidden');
    const p = await tx
      .selectFrom('person as p')
      .innerJoin('rehab_case as c', 'c.person_id', 'p.id')
      .select(['p.id', 'p.case_code', 'p.identity_ct', 'p.dek_wrapped', 'p.erased_at', 'p.processing_restricted', 'p.regency_code'])
      .where('c.id', '=', e.case_id)
      .executeTakeFirstOrThrow();
    await assertMayOpenIdentity(tx, p);
    const name = openIdentity(this.persons.sealer, p)?.fullName;
    if (!name) throw authError('auth.forbidden');
    await audit(tx, ctx, {
      action: 'person.identity_revealed',
      entityType: 'person',
      entityId: p.id,
      regionCode: p.regency_code,
      reason,
      summary: { caseCode: p.case_code, fields: ['fullName'], purpose: 'training_certificate', enrolmentId: e.id },
    });
    return name;
  }
}

/** PLT-6503-2019-000012: the running office's region, the run's final year, the enrolment. Stable across reprints. */
function certificateNumber(e: repo.EnrolmentRow): string {
  return `PLT-${e.run_region_code.replaceAll('.', '')}-${e.ends_on.slice(0, 4)}-${String(e.id).padStart(6, '0')}`;
}
