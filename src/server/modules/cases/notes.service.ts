// Case notes (text sealed at rest; a confidential note's text and attachments only for
// the case's worker, its supervisor and the author — others see that it exists) with
// attachments in the file store, and tasks with due dates (overdue: due before today, WIB).
import { randomUUID } from 'node:crypto';
import type { Note, Task } from '../../../common/case-records.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { fileMetaOf, readFile, storeFile, type Upload } from '../../platform/files/files.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { loadCaseFor, type CaseRef } from './case-access.ts';
import { noteRef, openColumns, sealColumns } from './case-sealing.ts';
import { caseError } from './cases.errors.ts';
import { canReadConfidential } from './cases.policy.ts';
import { todayWib } from './cases.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export class CaseNoteService {
  constructor(
    private readonly db: Db,
    private readonly sealer: RecordSealer,
    private readonly clock: Clock,
  ) {}

  // ---- notes ----

  async list(ctx: Context, caseId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const rows = await this.db
      .selectFrom('case_note as n')
      .leftJoin('app_user as u', 'u.id', 'n.author_id')
      .select(['n.id', 'n.ref', 'n.confidential', 'n.body_ct', 'n.dek_wrapped', 'n.author_id', 'u.username as author', 'n.created_at'])
      .where('n.case_id', '=', caseId)
      .orderBy('n.id', 'desc')
      .execute();
    const files = rows.length
      ? await this.db
          .selectFrom('case_note_attachment as a')
          .innerJoin('stored_file as f', 'f.id', 'a.file_id')
          .select(['a.note_id', 'f.id', 'f.original_name', 'f.sha256', 'f.meta_ct', 'f.dek_wrapped', 'f.size_bytes', 'f.content_type', 'f.erased_at'])
          .where(
            'a.note_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('f.id')
          .execute()
      : [];
    const items: Note[] = rows.map((n) => {
      const visible = !n.confidential || canReadConfidential(ctx.actor, ref, n.author_id);
      return {
        id: n.id,
        caseId,
        confidential: n.confidential,
        text: visible ? openColumns<{ text: string }>(this.sealer, noteRef(n.ref), n.body_ct, n.dek_wrapped).text : null,
        hidden: !visible,
        author: n.author,
        createdAt: iso(n.created_at),
        attachments: visible
          ? files
              .filter((f) => f.note_id === n.id)
              .map((f) => ({
                fileId: f.id,
                name: f.erased_at ? null : fileMetaOf(this.sealer, f.id, f).originalName,
                sizeBytes: f.size_bytes,
                contentType: f.content_type,
                erased: f.erased_at !== null,
              }))
          : [],
        actions: visible && ref.actions.includes('add_note') ? ['attach' as const] : [],
      };
    });
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'case_notes.viewed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, notes: rows.length, hidden: items.filter((i) => i.hidden).length } }),
    );
    return { items, actions: ref.actions.includes('add_note') ? (['add'] as const).slice() : [] };
  }

  async add(ctx: Context, caseId: number, input: { text: string; confidential: boolean }) {
    authorize(ctx.actor, 'case.manage');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'add_note', this.clock());
    const r = randomUUID();
    const sealed = sealColumns(this.sealer, noteRef(r), { text: input.text });
    const id = await inTransaction(this.db, async (tx) => {
      const row = await tx
        .insertInto('case_note')
        .values({ case_id: caseId, ref: r, confidential: input.confidential, body_ct: sealed.ciphertext, dek_wrapped: sealed.wrappedKey, key_id: sealed.keyId, author_id: actorUserId(ctx), created_at: this.clock() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'case_note.added', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, noteId: row.id, confidential: input.confidential } });
      return row.id;
    });
    return (await this.list(ctx, caseId)).items.find((n) => n.id === id)!;
  }

  /** The note, visible in full to the caller (else 404 / 403 note_confidential). */
  private async note(ctx: Context, ref: CaseRef, noteId: number) {
    const n = await this.db.selectFrom('case_note').select(['id', 'confidential', 'author_id']).where('case_id', '=', ref.id).where('id', '=', noteId).executeTakeFirst();
    if (!n) throw caseError('case.note_not_found');
    if (n.confidential && !canReadConfidential(ctx.actor, ref, n.author_id)) throw caseError('case.note_confidential');
    return n;
  }

  async attach(ctx: Context, caseId: number, noteId: number, upload: Upload) {
    authorize(ctx.actor, 'case.manage');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'add_note', this.clock());
    const n = await this.note(ctx, ref, noteId);
    await inTransaction(this.db, async (tx) => {
      const file = await storeFile(tx, this.sealer, upload, actorUserId(ctx));
      await tx.insertInto('case_note_attachment').values({ note_id: noteId, file_id: file.id, created_by: actorUserId(ctx) }).execute();
      await audit(tx, ctx, {
        action: 'case_note.attachment_added',
        entityType: 'case',
        entityId: caseId,
        regionCode: ref.regencyCode,
        summary: { caseCode: ref.caseCode, noteId, fileId: file.id, contentType: file.contentType, sizeBytes: file.sizeBytes, confidential: n.confidential },
      });
    });
    return (await this.list(ctx, caseId)).items.find((x) => x.id === noteId)!;
  }

  /** An attachment's bytes; the download is audited. An erased one answers 410 file.erased. */
  async download(ctx: Context, caseId: number, noteId: number, fileId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    await this.note(ctx, ref, noteId);
    return inTransaction(this.db, async (tx) => {
      const link = await tx.selectFrom('case_note_attachment').select('file_id').where('note_id', '=', noteId).where('file_id', '=', fileId).executeTakeFirst();
      const file = link ? await readFile(tx, this.sealer, fileId) : undefined;
      if (!file) throw caseError('case.attachment_not_found');
      await audit(tx, ctx, { action: 'case_note.attachment_downloaded', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, noteId, fileId } });
      return file;
    });
  }

  // ---- tasks ----

  async tasks(ctx: Context, caseId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const today = todayWib(this.clock());
    const rows = await this.db
      .selectFrom('case_task as t')
      .leftJoin('app_user as c', 'c.id', 't.created_by')
      .leftJoin('app_user as d', 'd.id', 't.done_by')
      .select(['t.id', 't.title', 't.due_date', 't.done_at', 'c.username as created_by', 'd.username as done_by'])
      .where('t.case_id', '=', caseId)
      .orderBy('t.done_at', (ob) => ob.desc().nullsFirst())
      .orderBy('t.due_date')
      .orderBy('t.id')
      .execute();
    const manage = ref.actions.includes('manage_tasks');
    const items: Task[] = rows.map((t) => ({
      id: t.id,
      caseId,
      title: t.title,
      dueDate: t.due_date,
      done: t.done_at !== null,
      doneAt: t.done_at ? iso(t.done_at) : null,
      doneBy: t.done_by,
      overdue: t.done_at === null && t.due_date < today,
      createdBy: t.created_by,
      actions: manage ? ['update'] : [],
    }));
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'case_tasks.viewed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, tasks: items.length } }),
    );
    return { items, actions: manage ? (['add'] as const).slice() : [] };
  }

  async addTask(ctx: Context, caseId: number, input: { title: string; dueDate: string }) {
    authorize(ctx.actor, 'case.manage');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'manage_tasks', this.clock());
    const id = await inTransaction(this.db, async (tx) => {
      const row = await tx
        .insertInto('case_task')
        .values({ case_id: caseId, title: input.title, due_date: input.dueDate, created_by: actorUserId(ctx), created_at: this.clock(), updated_at: this.clock() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'case_task.added', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, taskId: row.id, dueDate: input.dueDate } });
      return row.id;
    });
    return (await this.tasks(ctx, caseId)).items.find((t) => t.id === id)!;
  }

  async updateTask(ctx: Context, caseId: number, taskId: number, input: { title?: string | undefined; dueDate?: string | undefined; done?: boolean | undefined }) {
    authorize(ctx.actor, 'case.manage');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'manage_tasks', this.clock());
    await inTransaction(this.db, async (tx) => {
      const t = await tx.selectFrom('case_task').select(['id', 'done_at']).where('case_id', '=', caseId).where('id', '=', taskId).forUpdate().executeTakeFirst();
      if (!t) throw caseError('case.task_not_found');
      const doneChange = input.done === undefined || input.done === (t.done_at !== null) ? {} : input.done ? { done_at: this.clock(), done_by: actorUserId(ctx) } : { done_at: null, done_by: null };
      await tx
        .updateTable('case_task')
        .set({ ...(input.title ? { title: input.title } : {}), ...(input.dueDate ? { due_date: input.dueDate } : {}), ...doneChange, updated_at: this.clock() })
        .where('id', '=', taskId)
        .execute();
      await audit(tx, ctx, {
        action: 'case_task.updated',
        entityType: 'case',
        entityId: caseId,
        regionCode: ref.regencyCode,
        summary: { caseCode: ref.caseCode, taskId, fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined), done: input.done ?? null },
      });
    });
    return (await this.tasks(ctx, caseId)).items.find((t) => t.id === taskId)!;
  }
}
