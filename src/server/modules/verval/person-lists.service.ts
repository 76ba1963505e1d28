// A site's person lists in versions: each version is a full snapshot of who is on
// the list, and records who was added and who dropped compared with the version
// before, each with a reason (required for drops). Persons are shown by case code,
// alias and sex only; a case worker sees the persons of their caseload.
import { LIST_MAX_PERSONS, type CreatePersonList, type ListChange, type PersonList, type PersonListSummary } from '../../../common/verval.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';
import { visibility } from '../registry/persons.policy.ts';
import type { Visibility } from '../registry/persons.repository.ts';
import { actorUserId, personReaches } from '../registry/registry-access.ts';
import { vervalError } from './verval.errors.ts';
import { canSeeSite, listActions } from './verval.policy.ts';
import {
  changesOf,
  entriesOf,
  entryIdsOf,
  findList,
  findSiteRef,
  insertChanges,
  insertEntries,
  insertList,
  latestListOf,
  listsOfSite,
  personsByIds,
  versionIdsBetween,
  type ChangeRow,
  type ListRow,
  type SiteRef,
} from './person-lists.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

const msg = (id: string, en: string) => ({ id, en });

function summaryOf(l: ListRow): PersonListSummary {
  return {
    id: l.id,
    siteId: l.site_id,
    version: l.version,
    source: l.source,
    listDate: l.list_date,
    note: l.note,
    previousId: l.previous_id,
    entryCount: l.entry_count,
    addedCount: l.added_count,
    droppedCount: l.dropped_count,
    createdBy: l.created_by_name ?? null,
    createdAt: iso(l.created_at),
  };
}

const changeOf = (c: ChangeRow): ListChange => ({ personId: c.id, caseCode: c.case_code, alias: c.alias, sex: c.sex, change: c.change, reason: c.reason, version: c.version });

export class PersonListService {
  constructor(private readonly db: Db) {}

  private async visibilityOf(ctx: Context): Promise<Visibility> {
    return visibility(ctx.actor, (await personReaches(this.db, ctx)).read);
  }

  /** The site when the actor's scope reaches it; otherwise 404 (no hint that it exists elsewhere). */
  private async site(ctx: Context, db: Executor, id: number, lock = false): Promise<SiteRef> {
    const site = await findSiteRef(db, id, lock);
    if (!site || !canSeeSite(ctx.actor, site.region_code)) throw vervalError('verval.site_not_found');
    return site;
  }

  private async list(ctx: Context, id: number): Promise<{ list: ListRow; site: SiteRef }> {
    const list = await findList(this.db, id);
    const site = list && (await findSiteRef(this.db, list.site_id));
    if (!list || !site || !canSeeSite(ctx.actor, site.region_code)) throw vervalError('verval.list_not_found');
    return { list, site };
  }

  /** A site's versions, newest first. */
  async versions(ctx: Context, siteId: number) {
    authorize(ctx.actor, 'person.read');
    const site = await this.site(ctx, this.db, siteId);
    const rows = await listsOfSite(this.db, siteId);
    return {
      site: { id: site.id, code: site.code, name: site.name, regencyCode: site.regency_code },
      items: rows.map(summaryOf),
      actions: listActions(ctx.actor, site),
    };
  }

  async get(ctx: Context, id: number): Promise<PersonList> {
    authorize(ctx.actor, 'person.read');
    const { list, site } = await this.list(ctx, id);
    const v = await this.visibilityOf(ctx);
    const [entries, changes] = await Promise.all([entriesOf(this.db, id, v), changesOf(this.db, [id], v)]);
    return {
      ...summaryOf(list),
      siteCode: site.code,
      siteName: site.name,
      regencyCode: site.regency_code,
      entries: entries.rows.map((p) => ({ personId: p.id, caseCode: p.case_code, alias: p.alias, sex: p.sex })),
      hiddenCount: entries.hidden,
      changes: changes.map(changeOf),
    };
  }

  /**
   * Who was added and who dropped between an older version (default: the one before)
   * and this one, each with the reason recorded by the version that made the change.
   */
  async diff(ctx: Context, id: number, fromId?: number) {
    authorize(ctx.actor, 'person.read');
    const { list: to } = await this.list(ctx, id);
    const fromKey = fromId ?? to.previous_id;
    const from = fromKey === null ? null : await findList(this.db, fromKey);
    if (fromKey !== null && (!from || from.site_id !== to.site_id || from.version >= to.version)) throw vervalError('verval.diff_order');
    const v = await this.visibilityOf(ctx);
    const toIds = new Set(await entryIdsOf(this.db, to.id));
    const fromIds = new Set(from ? await entryIdsOf(this.db, from.id) : []);
    const changes = await changesOf(this.db, await versionIdsBetween(this.db, to.site_id, from?.version ?? 0, to.version), v);
    // The newest change of each kind per person explains the net difference.
    const reasonFor = new Map<string, ChangeRow>();
    for (const c of changes) if (!reasonFor.has(`${c.change}:${c.id}`)) reasonFor.set(`${c.change}:${c.id}`, c);
    const pick = (kind: 'added' | 'dropped', ids: number[]) => ids.flatMap((pid) => reasonFor.get(`${kind}:${pid}`) ?? []).map(changeOf);
    const addedIds = [...toIds].filter((pid) => !fromIds.has(pid));
    const droppedIds = [...fromIds].filter((pid) => !toIds.has(pid));
    const added = pick('added', addedIds).sort((a, b) => a.caseCode.localeCompare(b.caseCode));
    const dropped = pick('dropped', droppedIds).sort((a, b) => a.caseCode.localeCompare(b.caseCode));
    return {
      from: from ? { id: from.id, version: from.version } : null,
      to: { id: to.id, version: to.version },
      added,
      dropped,
      unchanged: [...toIds].filter((pid) => fromIds.has(pid)).length,
      hiddenCount: addedIds.length + droppedIds.length - added.length - dropped.length,
    };
  }

  /**
   * A new version of a site's list: from the previous version's persons (then add and
   * drop) or a whole list. Every person dropped compared with the previous version
   * needs a reason. Also the entry point of the demo seed (with a command-line context).
   */
  async create(ctx: Context, siteId: number, input: CreatePersonList): Promise<PersonList> {
    authorize(ctx.actor, 'verval.manage');
    const v = await this.visibilityOf(ctx);
    const id = await inTransaction(this.db, async (tx) => {
      // The site's row lock keeps version numbers gap-free and unique under concurrency.
      const site = await this.site(ctx, tx, siteId, true);
      const prev = await latestListOf(tx, siteId);
      const prevIds = new Set(prev ? await entryIdsOf(tx, prev.id) : []);
      const plan = planVersion(input, prevIds);
      const newcomers = [...plan.entries].filter((pid) => !prevIds.has(pid));
      const found = new Map((await personsByIds(tx, newcomers, v)).map((p) => [p.id, p]));
      for (const pid of newcomers) {
        const p = found.get(pid);
        const field = plan.fieldOf.get(pid) ?? 'body.personIds';
        if (!p || !p.visible || p.regency_code !== site.regency_code)
          plan.fields.push({ field, message: msg('Orang ini tidak ada di registri kabupaten/kota lokasi ini', 'This person is not in the registry of the site’s regency/city') });
        else if (p.merged_into_id !== null)
          plan.fields.push({ field, message: msg('Catatan ini sudah digabung ke catatan lain; cantumkan catatan yang dipertahankan', 'This record was merged into another; list the record that stays') });
      }
      const missingReasons = [...prevIds].filter((pid) => !plan.entries.has(pid) && !plan.dropReasons.has(pid));
      if (missingReasons.length > 0) {
        const codes = (await personsByIds(tx, missingReasons.slice(0, 10), { scope: 'all', caseloadUserId: null })).map((p) => p.case_code).sort();
        plan.fields.push({
          field: 'body.drop',
          message: msg(
            `Tuliskan alasan untuk ${missingReasons.length} orang yang keluar dari daftar: ${codes.join(', ')}${missingReasons.length > 10 ? ', …' : ''}`,
            `State a reason for the ${missingReasons.length} person(s) leaving the list: ${codes.join(', ')}${missingReasons.length > 10 ? ', …' : ''}`,
          ),
        });
      }
      if (plan.fields.length > 0) throw vervalError('verval.list_invalid', {}, plan.fields);
      if (plan.entries.size === 0) throw vervalError('verval.list_empty');
      if (plan.entries.size > LIST_MAX_PERSONS) throw vervalError('verval.list_too_large', { max: LIST_MAX_PERSONS });

      const version = (prev?.version ?? 0) + 1;
      const listId = await insertList(tx, {
        site_id: siteId,
        version,
        source: input.source,
        list_date: input.listDate,
        note: input.note,
        previous_id: prev?.id ?? null,
        created_by: actorUserId(ctx),
      });
      await insertEntries(tx, listId, [...plan.entries].sort((a, b) => a - b));
      const added = newcomers.map((pid) => ({ person_id: pid, change: 'added' as const, reason: plan.addReasons.get(pid) ?? '' }));
      const dropped = [...prevIds].filter((pid) => !plan.entries.has(pid)).map((pid) => ({ person_id: pid, change: 'dropped' as const, reason: plan.dropReasons.get(pid)! }));
      if (prev) await insertChanges(tx, listId, [...added, ...dropped]);
      await audit(tx, ctx, {
        action: 'person_list.created',
        entityType: 'person_list',
        entityId: listId,
        regionCode: site.regency_code,
        summary: {
          siteId,
          siteCode: site.code,
          version,
          source: input.source,
          listDate: input.listDate,
          fromPrevious: input.fromPrevious && prev !== undefined,
          entries: plan.entries.size,
          added: prev ? added.length : plan.entries.size,
          dropped: dropped.length,
        },
      });
      return listId;
    });
    return this.get(ctx, id);
  }
}

interface Plan {
  entries: Set<number>;
  addReasons: Map<number, string>;
  dropReasons: Map<number, string>;
  /** Where each newcomer was named in the body (for field errors). */
  fieldOf: Map<number, string>;
  fields: FieldError[];
}

/** The persons of the new version from the body and the previous version; field errors for contradictions. */
function planVersion(input: CreatePersonList, prevIds: Set<number>): Plan {
  const plan: Plan = { entries: new Set(), addReasons: new Map(), dropReasons: new Map(), fieldOf: new Map(), fields: [] };
  const fromPrevious = input.fromPrevious && prevIds.size > 0;
  if (fromPrevious) {
    for (const pid of prevIds) plan.entries.add(pid);
    if (input.personIds.length > 0)
      plan.fields.push({ field: 'body.personIds', message: msg('Mulai dari versi sebelumnya: tambahkan orang lewat "add"', 'Starting from the previous version: add persons with "add"') });
  } else {
    input.personIds.forEach((pid, i) => {
      if (plan.entries.has(pid)) plan.fields.push({ field: `body.personIds.${i}`, message: msg('Orang ini tercantum dua kali', 'This person is listed twice') });
      plan.entries.add(pid);
      plan.fieldOf.set(pid, `body.personIds.${i}`);
    });
  }
  input.add.forEach((a, i) => {
    const field = `body.add.${i}.personId`;
    if (plan.addReasons.has(a.personId)) plan.fields.push({ field, message: msg('Orang ini ditambahkan dua kali', 'This person is added twice') });
    else if (fromPrevious && prevIds.has(a.personId)) plan.fields.push({ field, message: msg('Orang ini sudah ada di versi sebelumnya', 'This person is already on the previous version') });
    plan.addReasons.set(a.personId, a.reason);
    plan.entries.add(a.personId);
    if (!plan.fieldOf.has(a.personId)) plan.fieldOf.set(a.personId, field);
  });
  input.drop.forEach((d, i) => {
    const field = `body.drop.${i}.personId`;
    if (plan.dropReasons.has(d.personId)) plan.fields.push({ field, message: msg('Orang ini dikeluarkan dua kali', 'This person is dropped twice') });
    else if (!prevIds.has(d.personId)) plan.fields.push({ field, message: msg('Orang ini tidak ada di versi sebelumnya', 'This person is not on the previous version') });
    else if (plan.addReasons.has(d.personId) || (!fromPrevious && plan.entries.has(d.personId)))
      plan.fields.push({ field, message: msg('Orang ini sekaligus ditambahkan dan dikeluarkan', 'This person is both added and dropped') });
    plan.dropReasons.set(d.personId, d.reason.trim());
    plan.entries.delete(d.personId);
  });
  return plan;
}
