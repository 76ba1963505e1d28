// Persons' bank accounts: the number and holder name sealed under the account's own
// data key (RecordSealer, bound to the person's case code), never in clear in the
// database, a log, an audit summary or an error. Lists show ••••1234; reading the
// number is a reveal (bank_account.manage, re-authentication, a reason; audited).
// account_match (HMAC of bank + number under a key derived from the blind-index root
// key) finds one account given for two persons without decryption.
import { createHmac, hkdfSync } from 'node:crypto';
import type { z } from 'zod';
import type {
  AcceptNameSchema,
  BankAccount,
  CreateBankAccountSchema,
  DeactivateBankAccountSchema,
  RevealBankAccountSchema,
  WithoutAccountQuerySchema,
} from '../../../common/aid.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { loadIndexKeyMaterial } from '../../platform/crypto/index-key.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { lockAgainstErasure } from '../registry/persons.erasure.ts';
import { covers, reachOf, visibility, type Reach } from '../registry/persons.policy.ts';
import { findPerson, rolePermissions, type PersonRow } from '../registry/persons.repository.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { bankAccountRef, openBankAccount, type SealedAccount } from './bank-account-sealing.ts';
import { bankAccountError } from './bank-accounts.errors.ts';
import { bankAccountActions, bankReach } from './bank-accounts.policy.ts';
import { accountsOf, deactivateActive, findAccount, sharedAccountExists, withoutAccount, type AccountRow } from './bank-accounts.repository.ts';
import { compareHolderName } from './holder-name.ts';


export class BankAccountService {
  private matchKey: Promise<Buffer> | undefined;

  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {}

  /** Call outside a transaction (PGlite has one connection). */
  private key(): Promise<Buffer> {
    this.matchKey ??= loadIndexKeyMaterial(this.db, this.persons.sealer.wrapper)
      .then((m) => Buffer.from(hkdfSync('sha256', m.rootKey, Buffer.alloc(0), 'tuntas/match/bank-account', 32)))
      .catch((err: unknown) => {
        this.matchKey = undefined;
        throw err;
      });
    return this.matchKey;
  }

  private async reaches(ctx: Context): Promise<{ read: Reach; bank: Reach }> {
    const roles = ctx.actor.kind === 'user' ? await rolePermissions(this.db, ctx.actor.roles) : [];
    return { read: reachOf(ctx.actor, roles, 'person.read'), bank: bankReach(ctx.actor, roles) };
  }

  private open(a: AccountRow): SealedAccount {
    return openBankAccount(this.persons.sealer, a.case_code, a);
  }

  private view(ctx: Context, bank: Reach, a: AccountRow): BankAccount {
    return {
      id: a.id,
      personId: a.person_id,
      bankCode: a.bank_code,
      // Computed in memory, never stored: an erased account has no mask left.
      accountMasked: a.erased_at ? null : `••••${this.open(a).accountNumber.slice(-4)}`,
      erased: a.erased_at !== null,
      nameCheck: a.name_check,
      nameScore: a.name_score,
      reviewStatus: a.review_status,
      reviewNote: a.review_note,
      sharedWithOther: a.shared_with_other,
      status: a.status,
      version: a.version,
      createdAt: new Date(a.created_at).toISOString(),
      actions: bankAccountActions(ctx.actor, bank, { regencyCode: a.regency_code, assignedUserId: a.assigned_user_id }, a),
    };
  }

  async list(ctx: Context, personId: number) {
    authorize(ctx.actor, 'person.read');
    const r = await this.reaches(ctx);
    const p = await findPerson(this.db, visibility(ctx.actor, r.read), personId);
    if (!p) throw bankAccountError('bank_account.person_not_found');
    const rows = await accountsOf(this.db, p.id);
    const resource = { regencyCode: p.regency_code, assignedUserId: p.assigned_user_id };
    return { items: rows.map((a) => this.view(ctx, r.bank, a)), canCreate: covers(ctx.actor, r.bank, resource) && p.merged_into_id === null && p.erased_at === null };
  }

  private async personForChange(tx: Tx, ctx: Context, bank: Reach, personId: number): Promise<PersonRow> {
    // Locked until commit: an erasure running now waits for this account, then shreds it too.
    const erased = await lockAgainstErasure(tx, personId);
    const p = await findPerson(tx, visibility(ctx.actor, bank), personId);
    if (!p) throw bankAccountError('bank_account.person_not_found');
    if (p.merged_into_id !== null || p.erased_at !== null || erased) throw bankAccountError('bank_account.person_closed');
    return p;
  }

  /** Records a person's account; an earlier active one becomes inactive. */
  async create(ctx: Context, personId: number, input: z.output<typeof CreateBankAccountSchema>): Promise<BankAccount> {
    authorize(ctx.actor, 'bank_account.manage');
    const { bank } = await this.reaches(ctx);
    const key = await this.key();
    const match = createHmac('sha256', key).update(`${input.bankCode}:${input.accountNumber}`, 'utf8').digest().subarray(0, 16);
    const id = await inTransaction(this.db, async (tx) => {
      const p = await this.personForChange(tx, ctx, bank, personId);
      const identity = openIdentity(this.persons.sealer, p) ?? {};
      const name = compareHolderName(identity.fullName, input.holderName);
      const sealed = this.persons.sealer.seal(bankAccountRef(p.case_code), { accountNumber: input.accountNumber, holderName: input.holderName } satisfies SealedAccount);
      const replaced = await deactivateActive(tx, p.id);
      const shared = await sharedAccountExists(tx, match, p.id);
      const row = await tx
        .insertInto('person_bank_account')
        .values({
          person_id: p.id,
          bank_code: input.bankCode,
          account_ct: sealed.ciphertext,
          dek_wrapped: sealed.wrappedKey,
          key_id: sealed.keyId,
          account_match: match,
          name_check: name.check,
          name_score: name.score,
          review_status: name.check === 'match' ? 'none' : 'pending',
          created_by: actorUserId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'bank_account.created',
        entityType: 'person_bank_account',
        entityId: row.id,
        regionCode: p.regency_code,
        summary: { caseCode: p.case_code, bankCode: input.bankCode, accountNumber: '[changed]', nameCheck: name.check, replaced, sharedWithOther: shared },
      });
      return row.id;
    });
    return this.one(ctx, id);
  }

  private async one(ctx: Context, id: number): Promise<BankAccount> {
    const r = await this.reaches(ctx);
    const a = await findAccount(this.db, visibility(ctx.actor, r.bank === 'none' ? r.read : r.bank), id);
    if (!a) throw bankAccountError('bank_account.not_found');
    return this.view(ctx, r.bank, a);
  }

  async reveal(ctx: Context, id: number, input: z.output<typeof RevealBankAccountSchema>) {
    authorize(ctx.actor, 'bank_account.manage');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    const { bank } = await this.reaches(ctx);
    return inTransaction(this.db, async (tx) => {
      const a = await findAccount(tx, visibility(ctx.actor, bank), id);
      if (!a) throw bankAccountError('bank_account.not_found');
      const opened = this.open(a);
      await audit(tx, ctx, {
        action: 'bank_account.revealed',
        entityType: 'person_bank_account',
        entityId: a.id,
        regionCode: a.regency_code,
        reason: input.reason,
        summary: { caseCode: a.case_code, bankCode: a.bank_code },
      });
      return { id: a.id, bankCode: a.bank_code, accountNumber: opened.accountNumber, holderName: opened.holderName };
    });
  }

  private async change(ctx: Context, id: number, version: number, work: (tx: Tx, a: AccountRow) => Promise<{ action: string; reason: string }>) {
    authorize(ctx.actor, 'bank_account.manage');
    const { bank } = await this.reaches(ctx);
    await inTransaction(this.db, async (tx) => {
      const a = await findAccount(tx, visibility(ctx.actor, bank), id, true);
      if (!a) throw bankAccountError('bank_account.not_found');
      if (a.status !== 'active') throw bankAccountError('bank_account.inactive');
      if (a.version !== version) throw bankAccountError('bank_account.stale', {}, [{ field: 'version', message: String(version) }]);
      const done = await work(tx, a);
      await audit(tx, ctx, { action: done.action, entityType: 'person_bank_account', entityId: a.id, regionCode: a.regency_code, reason: done.reason, summary: { caseCode: a.case_code } });
    });
    return this.one(ctx, id);
  }

  /** A holder-name mismatch checked (e.g. the bank's own spelling): the account may be paid to. */
  acceptName(ctx: Context, id: number, input: z.output<typeof AcceptNameSchema>) {
    return this.change(ctx, id, input.version, async (tx, a) => {
      if (a.review_status !== 'pending') throw bankAccountError('bank_account.no_review_pending');
      await tx
        .updateTable('person_bank_account')
        .set({ review_status: 'accepted', review_note: input.note, reviewed_by: actorUserId(ctx), reviewed_at: new Date(this.clock()), version: a.version + 1, updated_at: new Date(this.clock()) })
        .where('id', '=', a.id)
        .execute();
      return { action: 'bank_account.name_accepted', reason: input.note };
    });
  }

  deactivate(ctx: Context, id: number, input: z.output<typeof DeactivateBankAccountSchema>) {
    return this.change(ctx, id, input.version, async (tx, a) => {
      await tx
        .updateTable('person_bank_account')
        .set({ status: 'inactive', deactivated_at: new Date(this.clock()), version: a.version + 1, updated_at: new Date(this.clock()) })
        .where('id', '=', a.id)
        .execute();
      return { action: 'bank_account.deactivated', reason: input.reason };
    });
  }

  async withoutAccount(ctx: Context, query: z.output<typeof WithoutAccountQuerySchema>) {
    authorize(ctx.actor, 'bank_account.manage');
    const { bank } = await this.reaches(ctx);
    const { rows, total } = await withoutAccount(this.db, visibility(ctx.actor, bank), query);
    return {
      items: rows.map((r) => ({
        personId: r.id,
        caseCode: r.case_code,
        alias: r.alias,
        regencyCode: r.regency_code,
        regencyName: r.regency_name ?? null,
        siteCode: r.site_code ?? null,
        unpaidAmount: Number(r.unpaid),
      })),
      total,
    };
  }
}
