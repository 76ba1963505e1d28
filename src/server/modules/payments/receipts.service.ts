// Receipts and a person's payments. A receipt covers the person's paid payments in the
// batch of the one asked for. With the identity only for someone whose reveal reach
// covers the person, with a reason and a recent re-authentication; that reveal is
// audited like the registry's (person.identity_revealed: reason and field names, no values).
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { assertMayOpenIdentity } from '../registry/persons.erasure.ts';
import { covers, reachOf } from '../registry/persons.policy.ts';
import { rolePermissions } from '../registry/persons.repository.ts';
import type { PersonService } from '../registry/persons.service.ts';
import { openIdentity } from '../registry/persons.sealing.ts';
import { paymentError } from './payments.errors.ts';
import { batchInScope } from './payments.policy.ts';
import { paymentQuery } from './payments.repository.ts';
import { toPayment } from './payments.views.ts';
import { renderReceiptPdf } from './receipt.pdf.ts';

const PAYERS = { apbn_kemensos: 'Kementerian Sosial Republik Indonesia', apbd_province: 'Pemerintah Provinsi {region}', apbd_regency: 'Pemerintah {region}' } as const;
const wibDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export class ReceiptService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonService,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {}

  private async paid(tx: Tx, ctx: Context, id: number) {
    const p = await paymentQuery(tx).where('y.id', '=', id).executeTakeFirst();
    if (!p || !batchInScope(ctx.actor, p.batch_region)) throw paymentError('payment.not_found');
    if (p.status !== 'paid') throw paymentError('payment.receipt_not_paid');
    const items = await paymentQuery(tx).where('y.batch_id', '=', p.batch_id).where('y.person_id', '=', p.person_id).where('y.status', '=', 'paid').orderBy('y.reference').execute();
    const region = await tx.selectFrom('region').select('name').where('code', '=', p.regency_code).executeTakeFirst();
    const province = await tx.selectFrom('region').select('name').where('code', '=', p.regency_code.split('.')[0]!).executeTakeFirst();
    const place = (region?.name ?? p.regency_code).replace(/^(Kabupaten|Kota)\s+/i, '');
    const payer = PAYERS[p.funding_source].replace('{region}', p.funding_source === 'apbd_province' ? (province?.name ?? '') : (region?.name ?? p.regency_code));
    return { p, items, place, payer };
  }

  async receipt(ctx: Context, id: number, withIdentity?: { reason: string }): Promise<{ filename: string; pdf: Buffer }> {
    // With the identity, the reveal permission stands in for payment.read (a case worker for their caseload).
    authorize(ctx.actor, withIdentity ? 'person.reveal_identity' : 'payment.read');
    if (withIdentity) {
      requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    }
    return inTransaction(this.db, async (tx) => {
      const { p, items, place, payer } = await this.paid(tx, ctx, id);
      let recipient: { caseCode: string; fullName?: string | null; nik?: string | null } = { caseCode: p.case_code };
      if (withIdentity) {
        const roles = ctx.actor.kind === 'user' ? await rolePermissions(tx, ctx.actor.roles) : [];
        if (!covers(ctx.actor, reachOf(ctx.actor, roles, 'person.reveal_identity'), { regencyCode: p.regency_code, assignedUserId: p.assigned_user_id })) throw authError('auth.forbidden');
        const person = await tx.selectFrom('person').select(['id', 'case_code', 'identity_ct', 'dek_wrapped', 'erased_at', 'processing_restricted']).where('id', '=', p.person_id).executeTakeFirstOrThrow();
        await assertMayOpenIdentity(tx, person);
        const identity = openIdentity(this.persons.sealer, person) ?? {};
        recipient = { caseCode: p.case_code, fullName: identity.fullName ?? null, nik: identity.nik ?? null };
        await audit(tx, ctx, {
          action: 'person.identity_revealed',
          entityType: 'person',
          entityId: p.person_id,
          regionCode: p.regency_code,
          reason: withIdentity.reason,
          summary: { caseCode: p.case_code, fields: ['fullName', 'nik'], purpose: 'payment_receipt', payment: p.reference },
        });
      }
      const pdf = await renderReceiptPdf({
        number: `${p.batch_reference}/${p.case_code}`,
        payer,
        place,
        paidOn: wibDate(p.paid_at ?? this.clock()),
        recipient,
        items: items.map((i) => ({ label: i.component_name, amount: Number(i.amount) })),
      });
      await audit(tx, ctx, {
        action: 'payment.receipt_printed',
        entityType: 'payment',
        entityId: p.id,
        regionCode: p.regency_code,
        summary: { reference: p.reference, caseCode: p.case_code, withIdentity: Boolean(withIdentity) },
      });
      return { filename: `kuitansi-${p.batch_reference}-${p.case_code}.pdf`, pdf };
    });
  }

  /** A person's payments (aid history), as far as the caller's scope reaches. */
  async ofPerson(ctx: Context, personId: number) {
    authorize(ctx.actor, 'payment.read');
    const rows = await paymentQuery(this.db).where('y.person_id', '=', personId).orderBy('y.id', 'desc').execute();
    const visible = rows.filter((r) => batchInScope(ctx.actor, r.batch_region) && (ctx.actor.kind === 'system' || batchInScope(ctx.actor, r.regency_code)));
    if (rows.length > 0 && visible.length === 0) throw paymentError('payment.not_found');
    return { items: visible.map((r) => toPayment(ctx.actor, r)) };
  }
}
