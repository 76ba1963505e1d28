// The registry's privacy core: persons with encrypted identities, pseudonymous
// lists, audited reveals and exact lookups by blind index. Identity values never
// enter an audit summary, an error message, a log line or a job payload.
import type { z } from 'zod';
import { validateNik } from '../../../common/nik.ts';
import type {
  CreatePersonSchema,
  IdentityField,
  Person,
  PersonListQuerySchema,
  PersonLookupSchema,
  PersonSummary,
  RevealSchema,
} from '../../../common/persons.ts';
import { IDENTITY_FIELDS } from '../../../common/persons.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope, scopeRoot } from '../../platform/auth/scope.ts';
import { normalizeForIndex, normalizePhone, type BlindIndexer, type BlindIndexField } from '../../platform/crypto/blind-index.ts';
import { KeyWrapper, RecordSealer } from '../../platform/crypto/envelope.ts';
import { loadBlindIndexer } from '../../platform/crypto/index-key.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';
import { personError } from './persons.errors.ts';
import { allowedPersonActions, covers, reachOf, visibility, type Reaches } from './persons.policy.ts';
import {
  activeUser,
  findPerson,
  listPersons,
  nextCaseCode,
  personsByBlindIndex,
  regencyExists,
  rolePermissions,
  siteRegency,
  type PersonRow,
} from './persons.repository.ts';
import { nikRegions } from './nik-regions.ts';
import { openIdentity, sealPerson, type StoredIdentity } from './persons.sealing.ts';
import { assertMayOpenIdentity } from './persons.erasure.ts';
import { rightsError } from './registry-rights.errors.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

// personRef and StoredIdentity live with the sealing code (shared with imports).
export { personRef, type StoredIdentity } from './persons.sealing.ts';

export class PersonService {
  readonly sealer: RecordSealer;
  private indexer: Promise<BlindIndexer> | undefined;

  constructor(
    private readonly db: Db,
    keys: KeyProvider,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {
    this.sealer = new RecordSealer(new KeyWrapper(keys));
  }

  /** The blind indexer (its root key is created on first use). Call outside a transaction: PGlite has one connection. */
  blindIndexer(): Promise<BlindIndexer> {
    this.indexer ??= loadBlindIndexer(this.db, this.sealer.wrapper).catch((err: unknown) => {
      this.indexer = undefined;
      throw err;
    });
    return this.indexer;
  }

  private async reaches(ctx: Context): Promise<Reaches> {
    const roles = ctx.actor.kind === 'user' ? await rolePermissions(this.db, ctx.actor.roles) : [];
    return { read: reachOf(ctx.actor, roles, 'person.read'), reveal: reachOf(ctx.actor, roles, 'person.reveal_identity') };
  }

  private summary(p: PersonRow): PersonSummary {
    return {
      id: p.id,
      caseCode: p.case_code,
      alias: p.alias,
      regencyCode: p.regency_code,
      regencyName: p.regency_name ?? null,
      siteId: p.site_id,
      siteCode: p.site_code ?? null,
      sex: p.sex,
      mergedIntoId: p.merged_into_id,
      createdAt: iso(p.created_at),
    };
  }

  private detail(ctx: Context, reaches: Reaches, p: PersonRow): Person {
    const erased = p.erased_at !== null;
    const identity = erased ? {} : this.open(p);
    return {
      ...this.summary(p),
      lawfulBasis: p.lawful_basis,
      assignedUserId: p.assigned_user_id,
      identityFields: IDENTITY_FIELDS.filter((f) => identity[f] !== undefined),
      updatedAt: iso(p.updated_at),
      // Data-subject rights (persons.update.ts, subject-requests.service.ts)
      version: p.version,
      processingRestricted: p.processing_restricted,
      erased,
      consentMissing: !erased && p.lawful_basis === 'consent' && !p.has_consent,
      actions: erased ? [] : allowedPersonActions(ctx.actor, reaches, { regencyCode: p.regency_code, assignedUserId: p.assigned_user_id }),
    };
  }

  private open(p: Pick<PersonRow, 'case_code' | 'identity_ct' | 'dek_wrapped'>): StoredIdentity {
    const identity = openIdentity(this.sealer, p);
    if (!identity) throw rightsError('person.erased');
    return identity;
  }

  async list(ctx: Context, query: z.output<typeof PersonListQuerySchema>): Promise<{ items: PersonSummary[]; total: number }> {
    authorize(ctx.actor, 'person.read');
    const reaches = await this.reaches(ctx);
    const { rows, total } = await listPersons(this.db, visibility(ctx.actor, reaches.read), query);
    return { items: rows.map((p) => this.summary(p)), total };
  }

  async get(ctx: Context, id: number): Promise<Person> {
    authorize(ctx.actor, 'person.read');
    const reaches = await this.reaches(ctx);
    const p = await findPerson(this.db, visibility(ctx.actor, reaches.read), id);
    if (!p) throw personError('person.not_found');
    return this.detail(ctx, reaches, p);
  }

  /** Checks and normalises the identity fields; every problem is named at its field (id/en). Updates use it too. */
  checkIdentity(input: z.output<typeof CreatePersonSchema>): StoredIdentity {
    const fields: FieldError[] = [];
    const out: StoredIdentity = { fullName: input.fullName.replace(/\s+/g, ' ') };
    if (input.nik !== undefined) {
      const r = validateNik(input.nik, { regions: nikRegions(), today: this.clock(), declared: { sex: input.sex, birthDate: input.birthDate } });
      if (r.valid) out.nik = r.normalized;
      else for (const e of r.errors) fields.push({ field: 'body.nik', message: e.message });
    }
    if (input.kk !== undefined) {
      const kk = normalizeForIndex('kk', input.kk);
      if (/^\d{16}$/.test(kk) && !/0{4}$/.test(kk)) out.kk = kk;
      else fields.push({ field: 'body.kk', message: { id: 'Nomor KK harus 16 angka', en: 'A KK number has 16 digits' } });
    }
    if (input.phone !== undefined) {
      const phone = normalizePhone(input.phone);
      if (/^0\d{7,14}$/.test(phone)) out.phone = phone;
      else fields.push({ field: 'body.phone', message: { id: 'Nomor telepon tidak valid (contoh 0812 3456 7890)', en: 'Not a valid phone number (e.g. 0812 3456 7890)' } });
    }
    if (input.birthDate !== undefined) {
      if (input.birthDate > iso(this.clock()).slice(0, 10)) fields.push({ field: 'body.birthDate', message: { id: 'Tanggal lahir di masa depan', en: 'The birth date is in the future' } });
      else out.birthDate = input.birthDate;
    }
    if (input.address !== undefined) out.address = input.address;
    if (fields.length > 0) throw personError('person.invalid', {}, fields);
    return out;
  }

  async create(ctx: Context, input: z.output<typeof CreatePersonSchema>): Promise<Person> {
    authorize(ctx.actor, 'person.manage');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, input.regencyCode)) throw authError('auth.out_of_scope');
    const identity = this.checkIdentity(input);
    const indexer = await this.blindIndexer();
    const id = await inTransaction(this.db, async (tx) => {
      if (!(await regencyExists(tx, input.regencyCode))) throw personError('person.unknown_regency', { code: input.regencyCode });
      if (input.siteId !== undefined && (await siteRegency(tx, input.siteId)) !== input.regencyCode) throw personError('person.site_mismatch');
      if (input.assignedUserId !== undefined && !(await activeUser(tx, input.assignedUserId))) throw personError('person.unknown_user');
      const caseCode = await nextCaseCode(tx, input.regencyCode);
      const row = await tx
        .insertInto('person')
        .values({
          case_code: caseCode,
          alias: input.alias ?? null,
          regency_code: input.regencyCode,
          site_id: input.siteId ?? null,
          sex: input.sex,
          lawful_basis: input.lawfulBasis,
          assigned_user_id: input.assignedUserId ?? null,
          ...sealPerson(this.sealer, indexer, caseCode, identity),
          created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'person.create',
        entityType: 'person',
        entityId: row.id,
        regionCode: input.regencyCode,
        summary: { caseCode, lawfulBasis: input.lawfulBasis, identityFields: IDENTITY_FIELDS.filter((f) => identity[f] !== undefined) },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  /**
   * Decrypts the chosen identity fields of one person: the permission, the person
   * in scope (or in the caseload), a reason and a recent re-authentication. The
   * audit event holds the reason and the field names, never the values.
   */
  async reveal(ctx: Context, id: number, input: z.output<typeof RevealSchema>): Promise<{ caseCode: string; fields: Partial<Record<IdentityField, string | null>> }> {
    authorize(ctx.actor, 'person.reveal_identity');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    if (input.reason.trim().length < 10) throw personError('person.reason_required');
    const reaches = await this.reaches(ctx);
    return inTransaction(this.db, async (tx) => {
      const p = await findPerson(tx, visibility(ctx.actor, reaches.read), id);
      if (!p) throw personError('person.not_found');
      if (!covers(ctx.actor, reaches.reveal, { regencyCode: p.regency_code, assignedUserId: p.assigned_user_id })) throw authError('auth.forbidden');
      await assertMayOpenIdentity(tx, p, input.subjectRequestId);
      const identity = this.open(p);
      const fields = [...new Set(input.fields)];
      await audit(tx, ctx, {
        action: 'person.identity_revealed',
        entityType: 'person',
        entityId: p.id,
        regionCode: p.regency_code,
        reason: input.reason.trim(),
        summary: { caseCode: p.case_code, fields, ...(input.subjectRequestId ? { subjectRequestId: input.subjectRequestId } : {}) },
      });
      return { caseCode: p.case_code, fields: Object.fromEntries(fields.map((f) => [f, identity[f] ?? null])) };
    });
  }

  /** Persons whose NIK, KK or phone equals the value: blind-index candidates, false positives dropped after decryption. */
  async lookup(ctx: Context, input: z.output<typeof PersonLookupSchema>): Promise<{ items: PersonSummary[] }> {
    authorize(ctx.actor, 'person.read');
    const field: BlindIndexField = input.nik?.trim() ? 'nik' : input.kk?.trim() ? 'kk' : 'phone';
    const value = normalizeForIndex(field, (input[field] ?? '').trim());
    const reaches = await this.reaches(ctx);
    const indexer = await this.blindIndexer();
    const bidx = indexer.index(field, value);
    return inTransaction(this.db, async (tx) => {
      const candidates = bidx === null ? [] : await personsByBlindIndex(tx, visibility(ctx.actor, reaches.read), field, bidx);
      const matches = filterExact(candidates, field, value, (p) => this.open(p));
      await audit(tx, ctx, {
        action: 'person.lookup',
        entityType: 'person',
        regionCode: ctx.actor.kind === 'user' ? scopeRoot(ctx.actor.scope) : null,
        summary: { by: field, candidates: candidates.length, matches: matches.length },
      });
      return { items: matches.map((p) => this.summary(p)) };
    });
  }
}

/** The candidates whose decrypted field equals the value (the blind index is truncated, so some are not). */
export function filterExact<P>(candidates: P[], field: BlindIndexField, normalizedValue: string, open: (p: P) => StoredIdentity): P[] {
  return candidates.filter((p) => {
    const stored = open(p)[field];
    return stored !== undefined && normalizeForIndex(field, stored) === normalizedValue;
  });
}
