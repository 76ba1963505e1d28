// Bank transfer file formats (one per bank code; DEFAULT when a bank has none) and the
// file itself: account numbers and holder names opened in memory for the download only.
import type { Selectable } from 'kysely';
import type { BankFormat, BankFormatInput } from '../../../common/payments.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { IdempotencyClaim } from '../../platform/idempotency/idempotency.ts';
import { openBankAccount } from '../bank-accounts/bank-account-sealing.ts';
import { bankFileCsv, type BankFileRow } from './bank-file.ts';
import type { BatchService } from './batches.service.ts';
import { paymentError } from './payments.errors.ts';
import { iso } from './payments.views.ts';
import type { PaymentBankFormatTable } from './payments.tables.ts';

const toFormat = (f: Selectable<PaymentBankFormatTable>): BankFormat => ({
  bankCode: f.bank_code,
  name: f.name,
  separator: f.separator,
  header: f.header,
  dateFormat: f.date_format,
  columns: f.columns,
  version: f.version,
  updatedAt: iso(f.updated_at),
});

export class BankFormatService {
  constructor(
    private readonly db: Db,
    private readonly sealer: RecordSealer,
    private readonly batches: BatchService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: Context): Promise<{ items: BankFormat[] }> {
    authorize(ctx.actor, 'payment.read');
    return { items: (await this.db.selectFrom('payment_bank_format').selectAll().orderBy('bank_code').execute()).map(toFormat) };
  }

  async put(ctx: Context, bankCode: string, input: BankFormatInput, claim?: IdempotencyClaim | null): Promise<BankFormat> {
    authorize(ctx.actor, 'payment.prepare');
    return inTransaction(this.db, async (tx) => {
      const values = { name: input.name, separator: input.separator, header: input.header, date_format: input.dateFormat, columns: JSON.stringify(input.columns) };
      const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
      const row = await tx
        .insertInto('payment_bank_format')
        .values({ bank_code: bankCode, ...values, updated_by: by })
        .onConflict((oc) => oc.column('bank_code').doUpdateSet((eb) => ({ ...values, updated_by: by, updated_at: this.clock(), version: eb('payment_bank_format.version', '+', 1) })))
        .returningAll()
        .executeTakeFirstOrThrow();
      const result = toFormat(row);
      await claim?.settle(tx, result);
      await audit(tx, ctx, { action: 'payment.bank_format_set', entityType: 'payment_bank_format', entityId: bankCode, summary: { bankCode, columns: input.columns.map((c) => c.field) } });
      return result;
    });
  }

  private async formatFor(db: Executor, bankCode: string): Promise<BankFormatInput> {
    const f =
      (await db.selectFrom('payment_bank_format').selectAll().where('bank_code', '=', bankCode).executeTakeFirst()) ??
      (await db.selectFrom('payment_bank_format').selectAll().where('bank_code', '=', 'DEFAULT').executeTakeFirst());
    if (!f) throw paymentError('payment.format_not_found', { bank: bankCode });
    return toFormat(f);
  }

  /**
   * The transfer file of an approved (or sent) batch for one bank: every payment of that bank
   * (all banks in one file when `bank` is omitted, each line by the DEFAULT format).
   * Audited as a read of personal data (account numbers); never stored.
   */
  async file(ctx: Context, batchId: number, bank: string | undefined): Promise<{ filename: string; csv: string }> {
    authorize(ctx.actor, 'payment.prepare');
    return inTransaction(this.db, async (tx) => {
      const b = await this.batches.visible(tx, ctx, batchId);
      if (b.status !== 'approved' && b.status !== 'sent') throw paymentError('payment.batch_state', { status: b.status, expected: 'approved' });
      let q = tx
        .selectFrom('payment as y')
        .innerJoin('person as p', 'p.id', 'y.person_id')
        .innerJoin('person_bank_account as a', 'a.id', 'y.bank_account_id')
        .select(['y.reference', 'y.amount', 'y.bank_code', 'p.case_code', 'a.account_ct', 'a.dek_wrapped'])
        .where('y.batch_id', '=', b.id)
        .where('y.status', 'in', ['approved', 'sent'])
        .orderBy('y.reference');
      if (bank) q = q.where('y.bank_code', '=', bank);
      const rows = await q.execute();
      const format = await this.formatFor(tx, bank ?? 'DEFAULT');
      const lines: BankFileRow[] = rows.map((r) => {
        const account = openBankAccount(this.sealer, r.case_code, r);
        return { reference: r.reference, bankCode: r.bank_code, accountNumber: account.accountNumber, holderName: account.holderName, amount: Number(r.amount) };
      });
      const transferDate = new Date(this.clock().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const csv = bankFileCsv(format, { reference: b.reference, transferDate }, lines);
      await audit(tx, ctx, { action: 'payment.bank_file_exported', entityType: 'payment_batch', entityId: b.id, regionCode: b.region_code, summary: { reference: b.reference, bank: bank ?? 'ALL', rows: lines.length } });
      return { filename: `${b.reference}${bank ? `-${bank}` : ''}.csv`, csv };
    });
  }
}
