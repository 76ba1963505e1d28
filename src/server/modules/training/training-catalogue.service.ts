// The training catalogue and its runs: courses (national or an office's), course
// runs (cohorts) held by a provincial or regency/city office, and their meeting days.
// Every change audited; lists filtered to what overlaps the caller's scope.
import type { AddMeeting, Course, CreateCourse, CreateRun, RunDetail, RunListQuery, RunSummary, UpdateCourse, UpdateRun } from '../../../common/training.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { caseReaches, caseVisible } from '../cases/case-access.ts';
import { actorUserId, personReaches, wibDate } from '../registry/registry-access.ts';
import { trainingError } from './training.errors.ts';
import { managesRegion, overlaps, within } from './training.policy.ts';
import * as repo from './training.repository.ts';
import { courseView, enrolmentView, meetingView, runView } from './training.view.ts';

export class TrainingCatalogueService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return wibDate(this.clock());
  }

  async listCourses(ctx: Context): Promise<{ items: Course[]; actions: 'create'[] }> {
    authorize(ctx.actor, 'case.read');
    const rows = await repo.courses(this.db).where(repo.regionsOverlap(ctx.actor, 'co.region_code', true)).orderBy('co.region_code', 'desc').orderBy('co.name_id').execute();
    const mayCreate = can(ctx.actor, 'training.manage') && (ctx.actor.kind === 'system' || ctx.actor.scope !== null);
    return { items: rows.map((c) => courseView(ctx.actor, c)), actions: mayCreate ? ['create'] : [] };
  }

  private async visibleCourse(db: Executor, ctx: Context, id: number) {
    const c = await repo.courses(db).where('co.id', '=', id).executeTakeFirst();
    if (!c || !overlaps(ctx.actor, c.region_code)) throw trainingError('training.course_not_found');
    return c;
  }

  private async checkOfficeRegion(db: Executor, code: string, code400: 'training.course_region_level' | 'training.run_region_level') {
    const level = await repo.regionLevel(db, code);
    if (level !== 'province' && level !== 'regency') throw trainingError(code400);
  }

  async createCourse(ctx: Context, input: CreateCourse): Promise<Course> {
    authorize(ctx.actor, 'training.manage');
    if (!managesRegion(ctx.actor, input.regionCode)) throw trainingError('training.course_region_outside_scope');
    const id = await inTransaction(this.db, async (tx) => {
      if (input.regionCode) await this.checkOfficeRegion(tx, input.regionCode, 'training.course_region_level');
      if (await tx.selectFrom('training_course').select('id').where('code', '=', input.code).executeTakeFirst()) throw trainingError('training.course_code_taken');
      const row = await tx
        .insertInto('training_course')
        .values({
          code: input.code,
          name_id: input.nameId,
          name_en: input.nameEn,
          description: input.description,
          provider: input.provider,
          min_attendance_pct: input.minAttendancePct,
          hours_per_day: input.hoursPerDay,
          region_code: input.regionCode,
          created_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'training.course_created',
        entityType: 'training_course',
        entityId: row.id,
        regionCode: input.regionCode,
        summary: { code: input.code, minAttendancePct: input.minAttendancePct, hoursPerDay: input.hoursPerDay },
      });
      return row.id;
    });
    return courseView(ctx.actor, await repo.courses(this.db).where('co.id', '=', id).executeTakeFirstOrThrow());
  }

  async updateCourse(ctx: Context, id: number, input: UpdateCourse): Promise<Course> {
    authorize(ctx.actor, 'training.manage');
    await inTransaction(this.db, async (tx) => {
      await repo.lockRow(tx, 'training_course', id);
      const c = await this.visibleCourse(tx, ctx, id);
      if (!managesRegion(ctx.actor, c.region_code)) throw authError('auth.forbidden');
      if (c.version !== input.version) throw trainingError('training.stale');
      await tx
        .updateTable('training_course')
        .set({
          name_id: input.nameId,
          name_en: input.nameEn,
          description: input.description,
          provider: input.provider,
          min_attendance_pct: input.minAttendancePct,
          hours_per_day: input.hoursPerDay,
          active: input.active,
          version: c.version + 1,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'training.course_updated',
        entityType: 'training_course',
        entityId: id,
        regionCode: c.region_code,
        summary: { code: c.code, minAttendancePct: [c.min_attendance_pct, input.minAttendancePct], active: input.active },
      });
    });
    return courseView(ctx.actor, await repo.courses(this.db).where('co.id', '=', id).executeTakeFirstOrThrow());
  }

  async listRuns(ctx: Context, query: RunListQuery): Promise<{ items: RunSummary[]; total: number }> {
    authorize(ctx.actor, 'case.read');
    const reaches = await caseReaches(this.db, ctx);
    const today = this.today();
    let q = repo.runs(this.db).where(repo.regionsOverlap(ctx.actor, 'r.region_code', false));
    if (query.courseId) q = q.where('r.course_id', '=', query.courseId);
    if (query.when === 'current') q = q.where('r.ends_on', '>=', today);
    if (query.when === 'past') q = q.where('r.ends_on', '<', today);
    const { total } = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await q.orderBy('r.starts_on', 'desc').orderBy('r.id', 'desc').limit(query.limit).offset(query.offset).execute();
    return { items: rows.map((r) => runView(ctx.actor, reaches, r, today)), total: Number(total) };
  }

  /** A run visible to the caller (its region and the caller's scope overlap), else 404. */
  async visibleRun(db: Executor, ctx: Context, id: number): Promise<repo.RunRow> {
    const r = await repo.runs(db).where('r.id', '=', id).executeTakeFirst();
    if (!r || !overlaps(ctx.actor, r.region_code)) throw trainingError('training.run_not_found');
    return r;
  }

  /** The run with its course, meeting days and the enrolments of cases within the caller's read reach (a read of those cases: audited). */
  async getRun(ctx: Context, id: number): Promise<RunDetail> {
    authorize(ctx.actor, 'case.read');
    return inTransaction(this.db, async (tx) => {
      const reaches = await caseReaches(tx, ctx);
      const reveal = (await personReaches(tx, ctx)).reveal;
      const today = this.today();
      const r = await this.visibleRun(tx, ctx, id);
      const course = await repo.courses(tx).where('co.id', '=', r.course_id).executeTakeFirstOrThrow();
      const days = await repo.meetings(tx, id).execute();
      const enrolled = await repo.enrolments(tx).where('e.run_id', '=', id).where(caseVisible(ctx.actor, reaches.read, 'c')).orderBy('e.status').orderBy('p.case_code').execute();
      if (enrolled.length > 0)
        await audit(tx, ctx, { action: 'training.run_viewed', entityType: 'training_run', entityId: id, regionCode: r.region_code, summary: { caseCodes: enrolled.map((e) => e.case_code) } });
      return {
        ...runView(ctx.actor, reaches, r, today),
        course: courseView(ctx.actor, course),
        meetingDays: days.map((m) => meetingView(ctx.actor, reaches, r.region_code, m, today)),
        enrolments: enrolled.map((e) => enrolmentView(ctx.actor, reaches, reveal, e, today)),
      };
    });
  }

  async createRun(ctx: Context, input: CreateRun): Promise<RunDetail> {
    authorize(ctx.actor, 'training.manage');
    if (input.endsOn < input.startsOn) throw trainingError('training.bad_dates');
    const id = await inTransaction(this.db, async (tx) => {
      const course = await this.visibleCourse(tx, ctx, input.courseId);
      if (!course.active) throw trainingError('training.course_inactive');
      await this.checkOfficeRegion(tx, input.regionCode, 'training.run_region_level');
      if (course.region_code !== null && !within(input.regionCode, course.region_code)) throw trainingError('training.run_region_level');
      if (!managesRegion(ctx.actor, input.regionCode)) throw trainingError('training.run_region_outside_scope');
      const row = await tx
        .insertInto('training_run')
        .values({
          course_id: input.courseId,
          region_code: input.regionCode,
          title: input.title,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          location: input.location,
          trainer: input.trainer,
          capacity: input.capacity,
          created_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'training.run_created',
        entityType: 'training_run',
        entityId: row.id,
        regionCode: input.regionCode,
        summary: { courseId: input.courseId, course: course.code, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return row.id;
    });
    return this.getRun(ctx, id);
  }

  private async manageableRun(tx: Tx, ctx: Context, id: number) {
    await repo.lockRow(tx, 'training_run', id);
    const r = await this.visibleRun(tx, ctx, id);
    if (!managesRegion(ctx.actor, r.region_code)) throw authError('auth.forbidden');
    return r;
  }

  async updateRun(ctx: Context, id: number, input: UpdateRun): Promise<RunDetail> {
    authorize(ctx.actor, 'training.manage');
    if (input.endsOn < input.startsOn) throw trainingError('training.bad_dates');
    await inTransaction(this.db, async (tx) => {
      const r = await this.manageableRun(tx, ctx, id);
      if (r.version !== input.version) throw trainingError('training.stale');
      const outside = await tx
        .selectFrom('training_meeting')
        .select('id')
        .where('run_id', '=', id)
        .where((eb) => eb.or([eb('meeting_date', '<', input.startsOn), eb('meeting_date', '>', input.endsOn)]))
        .executeTakeFirst();
      if (outside) throw trainingError('training.meetings_outside_dates');
      await tx
        .updateTable('training_run')
        .set({
          title: input.title,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          location: input.location,
          trainer: input.trainer,
          capacity: input.capacity,
          version: r.version + 1,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'training.run_updated',
        entityType: 'training_run',
        entityId: id,
        regionCode: r.region_code,
        summary: { startsOn: input.startsOn, endsOn: input.endsOn, capacity: input.capacity },
      });
    });
    return this.getRun(ctx, id);
  }

  async addMeeting(ctx: Context, runId: number, input: AddMeeting): Promise<RunDetail> {
    authorize(ctx.actor, 'training.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.manageableRun(tx, ctx, runId);
      if (input.date < r.starts_on || input.date > r.ends_on) throw trainingError('training.meeting_outside_run', { startsOn: r.starts_on, endsOn: r.ends_on });
      if (await tx.selectFrom('training_meeting').select('id').where('run_id', '=', runId).where('meeting_date', '=', input.date).executeTakeFirst())
        throw trainingError('training.meeting_exists');
      const course = await tx.selectFrom('training_course').select('hours_per_day').where('id', '=', r.course_id).executeTakeFirstOrThrow();
      const hours = input.hours ?? Number(course.hours_per_day);
      const m = await tx
        .insertInto('training_meeting')
        .values({ run_id: runId, meeting_date: input.date, hours, topic: input.topic, created_by: actorUserId(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'training.meeting_added', entityType: 'training_meeting', entityId: m.id, regionCode: r.region_code, summary: { runId, date: input.date, hours } });
    });
    return this.getRun(ctx, runId);
  }

  async deleteMeeting(ctx: Context, meetingId: number): Promise<RunDetail> {
    authorize(ctx.actor, 'training.manage');
    const runId = await inTransaction(this.db, async (tx) => {
      const m = await tx.selectFrom('training_meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
      if (!m) throw trainingError('training.meeting_not_found');
      const r = await this.manageableRun(tx, ctx, m.run_id).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'training.run_not_found' ? trainingError('training.meeting_not_found') : e;
      });
      if (await tx.selectFrom('training_attendance').select('meeting_id').where('meeting_id', '=', meetingId).executeTakeFirst())
        throw trainingError('training.meeting_has_attendance');
      await tx.deleteFrom('training_meeting').where('id', '=', meetingId).execute();
      await audit(tx, ctx, { action: 'training.meeting_deleted', entityType: 'training_meeting', entityId: meetingId, regionCode: r.region_code, summary: { runId: r.id, date: m.meeting_date } });
      return r.id;
    });
    return this.getRun(ctx, runId);
  }
}
