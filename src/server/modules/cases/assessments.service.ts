// Assessment forms (data, versioned) and case assessments: a draft is filled in and
// saved, submission checks the required answers, computes score and flags and locks
// it; a correction is a new version linked to the previous one, starting from its
// answers. Answers are sealed at rest and never enter an audit summary (only keys).
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  FormDefinitionSchema,
  type Answers,
  type AssessmentDetail,
  type AssessmentForm,
  type AssessmentSummary,
  type CreateFormVersionSchema,
} from '../../../common/case-forms.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { checkAnswers, scoreAnswers } from './assessment-scoring.ts';
import { loadCaseFor, type CaseRef } from './case-access.ts';
import { assessmentRef, openColumns, sealColumns } from './case-sealing.ts';
import { caseError } from './cases.errors.ts';
import { lockCase } from './cases.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function forms(db: Executor) {
  return db
    .selectFrom('case_assessment_form as f')
    .leftJoin('app_user as u', 'u.id', 'f.created_by')
    .select(['f.id', 'f.key', 'f.version', 'f.title_id', 'f.title_en', 'f.definition', 'f.note', 'f.created_at', 'u.username as created_by']);
}
type FormRow = Awaited<ReturnType<ReturnType<typeof forms>['executeTakeFirstOrThrow']>>;

const formView = (f: FormRow): AssessmentForm => ({
  id: f.id,
  key: f.key,
  version: f.version,
  title: { id: f.title_id, en: f.title_en },
  definition: FormDefinitionSchema.parse(f.definition),
  note: f.note,
  createdBy: f.created_by,
  createdAt: iso(f.created_at),
});

function assessments(db: Executor) {
  return db
    .selectFrom('case_assessment as a')
    .innerJoin('case_assessment_form as f', 'f.id', 'a.form_id')
    .leftJoin('app_user as cu', 'cu.id', 'a.created_by')
    .leftJoin('app_user as su', 'su.id', 'a.submitted_by')
    .select([
      'a.id',
      'a.case_id',
      'a.version',
      'a.previous_id',
      'a.form_id',
      'f.key as form_key',
      'f.version as form_version',
      'a.status',
      'a.score',
      'a.flags',
      'a.answers_ct',
      'a.dek_wrapped',
      'a.created_at',
      'a.updated_at',
      'a.submitted_at',
      'cu.username as created_by',
      'su.username as submitted_by',
    ]);
}
type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessments>['executeTakeFirstOrThrow']>>;

export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly sealer: RecordSealer,
    private readonly clock: Clock,
  ) {}

  // ---- forms ----

  async forms(ctx: Context) {
    const rows = await forms(this.db).orderBy('f.key').orderBy('f.version', 'desc').execute();
    return { items: rows.map(formView), actions: can(ctx.actor, 'case.configure') ? (['configure'] as const).slice() : [] };
  }

  /** A new version of a form (or the first of a new key); assessments keep the version they were made with. */
  async createFormVersion(ctx: Context, input: z.output<typeof CreateFormVersionSchema>): Promise<AssessmentForm> {
    authorize(ctx.actor, 'case.configure');
    const id = await inTransaction(this.db, async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`case_form/${input.key}`}))`.execute(tx);
      const last = await tx.selectFrom('case_assessment_form').select((eb) => eb.fn.max('version').as('v')).where('key', '=', input.key).executeTakeFirst();
      const latest = Number(last?.v ?? 0);
      // Copied from an older version: someone saved a newer one meanwhile; theirs would be lost.
      if (input.basedOnVersion !== undefined && input.basedOnVersion !== latest) throw caseError('case.form_version_conflict', { version: input.basedOnVersion, latest });
      const version = latest + 1;
      const row = await tx
        .insertInto('case_assessment_form')
        .values({ key: input.key, version, title_id: input.title.id, title_en: input.title.en, definition: JSON.stringify(input.definition), note: input.note, created_by: actorUserId(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const questions = input.definition.sections.reduce((n, s) => n + s.questions.length, 0);
      await audit(tx, ctx, { action: 'case_form.versioned', entityType: 'case_assessment_form', entityId: row.id, summary: { key: input.key, version, basedOnVersion: input.basedOnVersion ?? null, sections: input.definition.sections.length, questions } });
      return row.id;
    });
    return formView(await forms(this.db).where('f.id', '=', id).executeTakeFirstOrThrow());
  }

  private async latestForm(db: Executor, key = 'atensi'): Promise<FormRow> {
    const f = await forms(db).where('f.key', '=', key).orderBy('f.version', 'desc').limit(1).executeTakeFirst();
    if (!f) throw caseError('case.form_not_found');
    return f;
  }

  // ---- assessments ----

  private summary(ref: CaseRef, a: AssessmentRow, latest: boolean): AssessmentSummary {
    const editable = ref.actions.includes('edit_assessment');
    const actions: AssessmentSummary['actions'] = [];
    if (editable && a.status === 'draft') actions.push('edit', 'submit');
    if (editable && a.status === 'submitted' && latest) actions.push('new_version');
    return {
      id: a.id,
      caseId: a.case_id,
      version: a.version,
      previousId: a.previous_id,
      formId: a.form_id,
      formKey: a.form_key,
      formVersion: a.form_version,
      status: a.status,
      score: a.score,
      flags: a.flags,
      createdBy: a.created_by,
      createdAt: iso(a.created_at),
      updatedAt: iso(a.updated_at),
      submittedBy: a.submitted_by,
      submittedAt: isoOrNull(a.submitted_at),
      actions,
    };
  }

  async list(ctx: Context, caseId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const rows = await assessments(this.db).where('a.case_id', '=', caseId).orderBy('a.version', 'desc').execute();
    const hasDraft = rows.some((r) => r.status === 'draft');
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'case_assessments.listed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, versions: rows.length } }),
    );
    return {
      items: rows.map((r, i) => this.summary(ref, r, i === 0)),
      actions: ref.actions.includes('edit_assessment') && !hasDraft ? (['create'] as const).slice() : [],
    };
  }

  private async row(caseId: number, id: number, db: Executor = this.db): Promise<AssessmentRow> {
    const a = await assessments(db).where('a.case_id', '=', caseId).where('a.id', '=', id).executeTakeFirst();
    if (!a) throw caseError('case.assessment_not_found');
    return a;
  }

  /** One assessment with its answers and form; the read is audited. */
  async get(ctx: Context, caseId: number, id: number): Promise<AssessmentDetail> {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const a = await this.row(caseId, id);
    const [form, latest] = await Promise.all([
      forms(this.db).where('f.id', '=', a.form_id).executeTakeFirstOrThrow(),
      this.db.selectFrom('case_assessment').select((eb) => eb.fn.max('version').as('v')).where('case_id', '=', caseId).executeTakeFirst(),
    ]);
    const answers = openColumns<Answers>(this.sealer, assessmentRef(caseId, a.version), a.answers_ct, a.dek_wrapped);
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'case_assessment.viewed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, assessmentVersion: a.version } }),
    );
    return { ...this.summary(ref, a, Number(latest?.v) === a.version), answers, form: formView(form) };
  }

  /** A new draft: the first, or a correction of the latest submitted one (its answers copied). */
  async start(ctx: Context, caseId: number, formId: number | undefined): Promise<AssessmentDetail> {
    authorize(ctx.actor, 'case.manage');
    const id = await inTransaction(this.db, async (tx) => {
      await lockCase(tx, caseId);
      const ref = await loadCaseFor(tx, ctx, caseId, 'edit_assessment', this.clock());
      const prev = await assessments(tx).where('a.case_id', '=', caseId).orderBy('a.version', 'desc').limit(1).executeTakeFirst();
      if (prev?.status === 'draft') throw caseError('case.assessment_draft_exists', { version: prev.version });
      const form = formId ? await forms(tx).where('f.id', '=', formId).executeTakeFirst() : await this.latestForm(tx, prev?.form_key);
      if (!form) throw caseError('case.form_not_found');
      const version = (prev?.version ?? 0) + 1;
      const answers = prev ? openColumns<Answers>(this.sealer, assessmentRef(caseId, prev.version), prev.answers_ct, prev.dek_wrapped) : {};
      // Answers to questions the (newer) form no longer has are dropped.
      const keys = new Set(FormDefinitionSchema.parse(form.definition).sections.flatMap((s) => s.questions.map((q) => q.key)));
      const kept = Object.fromEntries(Object.entries(answers).filter(([k]) => keys.has(k)));
      const sealed = sealColumns(this.sealer, assessmentRef(caseId, version), kept);
      const row = await tx
        .insertInto('case_assessment')
        .values({
          case_id: caseId,
          form_id: form.id,
          version,
          previous_id: prev?.id ?? null,
          answers_ct: sealed.ciphertext,
          dek_wrapped: sealed.wrappedKey,
          key_id: sealed.keyId,
          created_by: actorUserId(ctx),
          created_at: this.clock(),
          updated_at: this.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: prev ? 'case_assessment.corrected' : 'case_assessment.started',
        entityType: 'case',
        entityId: caseId,
        regionCode: ref.regencyCode,
        summary: { caseCode: ref.caseCode, assessmentVersion: version, formKey: form.key, formVersion: form.version, previousVersion: prev?.version ?? null },
      });
      return row.id;
    });
    return this.get(ctx, caseId, id);
  }

  /** Saves a draft's answers (types checked; required answers only on submission). */
  async save(ctx: Context, caseId: number, id: number, answers: Answers): Promise<AssessmentDetail> {
    authorize(ctx.actor, 'case.manage');
    await this.write(ctx, caseId, id, answers, false);
    return this.get(ctx, caseId, id);
  }

  /** Submits (optionally with final answers): required answers checked, score and flags computed, locked. */
  async submit(ctx: Context, caseId: number, id: number, answers: Answers | undefined): Promise<AssessmentDetail> {
    authorize(ctx.actor, 'case.manage');
    await this.write(ctx, caseId, id, answers, true);
    return this.get(ctx, caseId, id);
  }

  private async write(ctx: Context, caseId: number, id: number, given: Answers | undefined, submitting: boolean): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await lockCase(tx, caseId);
      const ref = await loadCaseFor(tx, ctx, caseId, 'read', this.clock());
      const a = await this.row(caseId, id, tx);
      if (a.status === 'submitted') throw caseError('case.assessment_locked');
      if (!ref.actions.includes('edit_assessment')) await loadCaseFor(tx, ctx, caseId, 'edit_assessment', this.clock());
      const form = await forms(tx).where('f.id', '=', a.form_id).executeTakeFirstOrThrow();
      const def = FormDefinitionSchema.parse(form.definition);
      const answers = given ?? openColumns<Answers>(this.sealer, assessmentRef(caseId, a.version), a.answers_ct, a.dek_wrapped);
      const problems = checkAnswers(def, answers, submitting);
      if (problems.length) throw caseError('case.answers_invalid', {}, problems);
      const sealed = sealColumns(this.sealer, assessmentRef(caseId, a.version), answers);
      const now = this.clock();
      const scored = submitting ? scoreAnswers(def, answers) : null;
      await tx
        .updateTable('case_assessment')
        .set({
          answers_ct: sealed.ciphertext,
          dek_wrapped: sealed.wrappedKey,
          key_id: sealed.keyId,
          updated_at: now,
          ...(scored ? { status: 'submitted' as const, score: scored.score, flags: scored.flags, submitted_by: actorUserId(ctx), submitted_at: now } : {}),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: submitting ? 'case_assessment.submitted' : 'case_assessment.saved',
        entityType: 'case',
        entityId: caseId,
        regionCode: ref.regencyCode,
        // which questions are answered, never the answers
        summary: { caseCode: ref.caseCode, assessmentVersion: a.version, answered: Object.keys(answers).length, ...(scored ? { score: scored.score, flagCount: scored.flags.length } : {}) },
      });
    });
  }
}
