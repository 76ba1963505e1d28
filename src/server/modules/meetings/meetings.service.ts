// Meetings of the closure programme: details, participants, linked regions and
// sites, agenda and minutes, decisions, attachments and the list export. Action
// items are in action-items.service.ts. Every change is authorised, scope-checked
// and audited in its own transaction. countOverdueActionItems (re-exported below) serves the dashboard.
import type { z } from 'zod';
import type {
  CreateMeetingSchema,
  DecisionInputSchema,
  Meeting,
  MeetingFilterSchema,
  MeetingListQuerySchema,
  MeetingSummary,
  UpdateMeetingSchema,
} from '../../../common/meetings.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/errors/app-error.ts';
import { EXPORT_MAX_ROWS, toXlsx } from '../../platform/export/xlsx.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { fileMetaOf, readFile, storeFile, type Upload } from '../../platform/files/files.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { canSeeSite } from '../sites/sites.policy.ts';
import { meetingError } from './meetings.errors.ts';
import { meetingColumns } from './meetings.export.ts';
import { canManageMeeting, meetingActions, scopeOf } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { actionItemView, iso, userIdOf, visibleMeeting, wibToday } from './meetings.shared.ts';

type LinkInput = { regionCodes?: string[] | undefined; siteIds?: number[] | undefined; programmeId?: number | null | undefined };

export class MeetingService {
  constructor(
    private readonly db: Db,
    /** Seals and opens the attachments. */
    private readonly sealer: RecordSealer,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return wibToday(this.clock);
  }

  private summary(ctx: Context, m: repo.MeetingRow): MeetingSummary {
    return {
      id: m.id,
      type: m.type,
      title: m.title,
      startsAt: iso(m.starts_at),
      endsAt: m.ends_at === null ? null : iso(m.ends_at),
      place: m.place,
      organiser: m.organiser,
      regionCode: m.region_code,
      regionName: m.region_name,
      programmeId: m.programme_id,
      openActionItems: Number(m.open_action_items),
      overdueActionItems: Number(m.overdue_action_items),
      createdAt: iso(m.created_at),
      updatedAt: iso(m.updated_at),
      actions: meetingActions(ctx.actor, { regionCode: m.region_code, linkedRegions: m.linked_regions }),
    };
  }

  /** For changes: visible, managed by the actor (403 otherwise), and locked. */
  private async forChange(ctx: Context, tx: Executor, id: number): Promise<repo.MeetingRow> {
    const m = await visibleMeeting(tx, ctx, id, this.today());
    if (!canManageMeeting(ctx.actor, m.region_code)) throw authError('auth.forbidden');
    await repo.lockMeeting(tx, id);
    return m;
  }

  /** Linked regions exist and lie in the caller's scope; linked sites and the programme are visible to the caller. */
  private async checkLinks(ctx: Context, tx: Executor, input: LinkInput): Promise<void> {
    const codes = input.regionCodes ?? [];
    const missing = await repo.missingRegions(tx, codes);
    if (missing.length > 0) {
      const code = missing.join(', ');
      throw meetingError('meeting.unknown_region', { code }, [{ field: 'body.regionCodes', message: { id: `wilayah tidak dikenal: ${code}`, en: `unknown region: ${code}` } }]);
    }
    const scope = scopeOf(ctx.actor);
    const outside = scope ? codes.filter((c) => !inScope(scope, c)) : [];
    if (outside.length > 0) {
      const code = outside.join(', ');
      throw meetingError('meeting.region_out_of_scope', { code }, [
        { field: 'body.regionCodes', message: { id: `di luar wilayah kerja Anda: ${code}`, en: `outside your region: ${code}` } },
      ]);
    }
    const ids = [...new Set(input.siteIds ?? [])];
    const found = new Map((await repo.sitesByIds(tx, ids)).map((s) => [s.id, s]));
    const unseen = ids.filter((id) => {
      const s = found.get(id);
      return !s || !canSeeSite(ctx.actor, { regionCode: s.region_code });
    });
    if (unseen.length > 0) {
      const list = unseen.join(', ');
      throw meetingError('meeting.unknown_site', { id: list }, [{ field: 'body.siteIds', message: { id: `lokalisasi tidak ditemukan: ${list}`, en: `site not found: ${list}` } }]);
    }
    if (input.programmeId !== undefined && input.programmeId !== null && !(await findProgramme(tx, input.programmeId, scope))) {
      throw meetingError('meeting.unknown_programme', { id: input.programmeId }, [
        { field: 'body.programmeId', message: { id: 'program tidak ditemukan', en: 'programme not found' } },
      ]);
    }
  }

  async list(ctx: Context, query: z.output<typeof MeetingListQuerySchema>) {
    authorize(ctx.actor, 'meeting.read');
    const { rows, total } = await repo.listMeetings(this.db, scopeOf(ctx.actor), query, this.today());
    return { items: rows.map((m) => this.summary(ctx, m)), total };
  }

  /** Every meeting matching the filters (at most EXPORT_MAX_ROWS) as a workbook; the export is audited. */
  async exportXlsx(ctx: Context, filter: z.output<typeof MeetingFilterSchema>, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
    authorize(ctx.actor, 'meeting.read');
    const today = this.today();
    const { rows, total } = await repo.listMeetings(this.db, scopeOf(ctx.actor), { ...filter, limit: EXPORT_MAX_ROWS, offset: 0 }, today);
    const bytes = await toXlsx(lang, [{ name: lang === 'id' ? 'Rapat' : 'Meetings', columns: meetingColumns(lang), rows: rows.map((m) => this.summary(ctx, m)) }]);
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'meeting.exported', entityType: 'meeting', summary: { format: 'xlsx', filter: { ...filter }, rows: rows.length, total } }),
    );
    return { filename: `rapat-${today}.xlsx`, bytes };
  }

  async get(ctx: Context, id: number): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.read');
    const today = this.today();
    const m = await visibleMeeting(this.db, ctx, id, today);
    const [participants, regions, sites, decisions, items, attachments] = await Promise.all([
      repo.participantsOf(this.db, id),
      repo.regionsOf(this.db, id),
      repo.sitesOf(this.db, id),
      repo.decisionsOf(this.db, id),
      repo.actionItemsOf(this.db, id, today),
      repo.attachmentsOf(this.db, id),
    ]);
    return {
      ...this.summary(ctx, m),
      agenda: m.agenda,
      minutes: m.minutes,
      participants: participants.map((p) => ({ institution: p.institution, representedBy: p.represented_by })),
      regions: regions.map((r) => ({ code: r.code, name: r.name })),
      sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name, regencyCode: s.regency_code })),
      decisions: decisions.map((d) => ({ id: d.id, text: d.text, sort: d.sort, createdAt: iso(d.created_at) })),
      actionItems: items.map((a) => actionItemView(ctx, a)),
      attachments: attachments.map((a) => ({
        fileId: a.file_id,
        ...fileMetaOf(this.sealer, a.file_id, a),
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        uploadedAt: iso(a.created_at),
      })),
    };
  }

  async create(ctx: Context, input: z.output<typeof CreateMeetingSchema>): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.manage');
    if (!canManageMeeting(ctx.actor, input.regionCode)) throw authError('auth.out_of_scope');
    const id = await inTransaction(this.db, async (tx) => {
      const missing = await repo.missingRegions(tx, [input.regionCode]);
      if (missing.length > 0)
        throw meetingError('meeting.unknown_region', { code: input.regionCode }, [
          { field: 'body.regionCode', message: { id: 'wilayah tidak dikenal', en: 'unknown region' } },
        ]);
      await this.checkLinks(ctx, tx, input);
      const { id } = await tx
        .insertInto('meeting')
        .values({
          type: input.type,
          title: input.title,
          starts_at: new Date(input.startsAt),
          ends_at: input.endsAt === null ? null : new Date(input.endsAt),
          place: input.place,
          organiser: input.organiser,
          region_code: input.regionCode,
          programme_id: input.programmeId,
          agenda: input.agenda,
          created_by: userIdOf(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await repo.replaceParticipants(tx, id, input.participants);
      await repo.replaceRegions(tx, id, input.regionCodes);
      await repo.replaceSites(tx, id, input.siteIds);
      await audit(tx, ctx, {
        action: 'meeting.created',
        entityType: 'meeting',
        entityId: id,
        regionCode: input.regionCode,
        summary: {
          type: input.type,
          startsAt: input.startsAt,
          participants: input.participants.length,
          regionCodes: [...new Set(input.regionCodes)],
          siteIds: [...new Set(input.siteIds)],
        },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateMeetingSchema>): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.manage');
    await inTransaction(this.db, async (tx) => {
      const m = await this.forChange(ctx, tx, id);
      await this.checkLinks(ctx, tx, input);
      const startsAt = input.startsAt ?? iso(m.starts_at);
      const endsAt = input.endsAt !== undefined ? input.endsAt : m.ends_at === null ? null : iso(m.ends_at);
      if (endsAt !== null && Date.parse(endsAt) < Date.parse(startsAt))
        throw meetingError('meeting.ends_before_start', {}, [{ field: 'body.endsAt', message: { id: 'sebelum waktu mulai', en: 'before the start' } }]);
      await tx
        .updateTable('meeting')
        .set({
          ...(input.type !== undefined ? { type: input.type } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.startsAt !== undefined ? { starts_at: new Date(input.startsAt) } : {}),
          ...(input.endsAt !== undefined ? { ends_at: input.endsAt === null ? null : new Date(input.endsAt) } : {}),
          ...(input.place !== undefined ? { place: input.place } : {}),
          ...(input.organiser !== undefined ? { organiser: input.organiser } : {}),
          ...(input.programmeId !== undefined ? { programme_id: input.programmeId } : {}),
          ...(input.agenda !== undefined ? { agenda: input.agenda } : {}),
          ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      if (input.participants !== undefined) await repo.replaceParticipants(tx, id, input.participants);
      if (input.regionCodes !== undefined) await repo.replaceRegions(tx, id, input.regionCodes);
      if (input.siteIds !== undefined) await repo.replaceSites(tx, id, input.siteIds);
      const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
      await audit(tx, ctx, { action: 'meeting.updated', entityType: 'meeting', entityId: id, regionCode: m.region_code, summary: { changed } });
    });
    return this.get(ctx, id);
  }

  private async touch(tx: Tx, id: number) {
    await tx.updateTable('meeting').set({ updated_at: this.clock() }).where('id', '=', id).execute();
  }

  async addDecision(ctx: Context, id: number, input: z.output<typeof DecisionInputSchema>): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.manage');
    await inTransaction(this.db, async (tx) => {
      const m = await this.forChange(ctx, tx, id);
      const sort = await repo.nextDecisionSort(tx, id);
      const row = await tx.insertInto('meeting_decision').values({ meeting_id: id, text: input.text, sort }).returning('id').executeTakeFirstOrThrow();
      await this.touch(tx, id);
      await audit(tx, ctx, { action: 'meeting.decision_added', entityType: 'meeting', entityId: id, regionCode: m.region_code, summary: { decisionId: row.id, sort } });
    });
    return this.get(ctx, id);
  }

  async updateDecision(ctx: Context, id: number, decisionId: number, input: z.output<typeof DecisionInputSchema>): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.manage');
    await inTransaction(this.db, async (tx) => {
      const m = await this.forChange(ctx, tx, id);
      if (!(await repo.findDecision(tx, id, decisionId))) throw meetingError('meeting.decision_not_found');
      await tx.updateTable('meeting_decision').set({ text: input.text }).where('id', '=', decisionId).execute();
      await this.touch(tx, id);
      await audit(tx, ctx, { action: 'meeting.decision_updated', entityType: 'meeting', entityId: id, regionCode: m.region_code, summary: { decisionId } });
    });
    return this.get(ctx, id);
  }

  async uploadAttachment(ctx: Context, id: number, upload: Upload): Promise<Meeting> {
    authorize(ctx.actor, 'meeting.manage');
    await inTransaction(this.db, async (tx) => {
      const m = await this.forChange(ctx, tx, id);
      const file = await storeFile(tx, this.sealer, upload, userIdOf(ctx));
      await tx.insertInto('meeting_attachment').values({ meeting_id: id, file_id: file.id, created_by: userIdOf(ctx) }).execute();
      await this.touch(tx, id);
      await audit(tx, ctx, {
        action: 'meeting.attachment_added',
        entityType: 'meeting',
        entityId: id,
        regionCode: m.region_code,
        summary: { fileId: file.id, contentType: file.contentType, sizeBytes: file.sizeBytes },
      });
    });
    return this.get(ctx, id);
  }

  /** An attachment of a meeting the actor may see; the download is audited. */
  async download(ctx: Context, id: number, fileId: number) {
    authorize(ctx.actor, 'meeting.read');
    return inTransaction(this.db, async (tx) => {
      const m = await visibleMeeting(tx, ctx, id, this.today());
      const link = await repo.attachmentLink(tx, id, fileId);
      const file = link ? await readFile(tx, this.sealer, fileId) : undefined;
      if (!link || !file) throw meetingError('meeting.attachment_not_found');
      await audit(tx, ctx, {
        action: 'meeting.attachment_downloaded',
        entityType: 'meeting',
        entityId: id,
        regionCode: m.region_code,
        summary: { fileId },
      });
      return file;
    });
  }
}
export { countOverdueActionItems } from './meetings.repository.ts';
