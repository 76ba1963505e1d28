// A person's erasure (registry/persons.erasure.ts) shreds her bank accounts; this check
// refuses it first while a payment of hers is in flight: prepared, approved or sent and
// not yet reconciled (paid, failed, returned) or cancelled. Such a payment still needs
// the account: the bank file of an approved or sent batch opens it, and a sent one may
// still come back failed, to be paid again. The officer answers after reconciliation.
// Payments themselves are kept whole (amounts, dates, case code, the account's id and
// bank code): the aid record BPK/BPKP audit.
import type { ErasureStep } from '../registry/persons.erasure.ts';
import { rightsError } from '../registry/registry-rights.errors.ts';

export const IN_FLIGHT = ['prepared', 'approved', 'sent'] as const;

export const paymentsInFlightCheck: ErasureStep = {
  name: 'paymentsInFlight',
  kinds: [],
  async check(tx, personId) {
    // A batch being prepared locks the entitlements it takes (for update, in id order);
    // locking hers here means a preparation either committed before (its payment is seen
    // below) or runs after the erasure (and finds her account inactive).
    await tx.selectFrom('aid_entitlement').select('id').where('person_id', '=', personId).orderBy('id').forUpdate().execute();
    const batches = await tx
      .selectFrom('payment as y')
      .innerJoin('payment_batch as b', 'b.id', 'y.batch_id')
      .select('b.reference')
      .distinct()
      .where('y.person_id', '=', personId)
      .where('y.status', 'in', IN_FLIGHT)
      .orderBy('b.reference')
      .execute();
    if (batches.length > 0) throw rightsError('person.erasure_payment_in_flight', { batches: batches.map((b) => b.reference).join(', ') });
  },
};
