// A person's erasure (registry/persons.erasure.ts) shreds her bank accounts: the sealed
// number and holder name, their data key and account_match (an HMAC of bank + number)
// become null, and so does the review note (the bank's spelling of the holder name may be
// written there); the account becomes inactive so no batch takes it again. The bank code,
// dates and the name check's outcome stay, and payments keep pointing at the row. The
// payments module refuses the erasure first while a payment still needs the account.
import { sql } from 'kysely';
import type { ErasureStep } from '../registry/persons.erasure.ts';

export const bankAccountErasure: ErasureStep = {
  name: 'bankAccounts',
  kinds: ['bankAccounts'],
  async shred(tx, personId, now) {
    const res = await tx
      .updateTable('person_bank_account')
      .set({
        account_ct: null,
        dek_wrapped: null,
        key_id: null,
        account_match: null,
        review_note: '',
        status: 'inactive',
        deactivated_at: sql<Date>`coalesce(deactivated_at, ${now})`,
        erased_at: now,
        version: sql<number>`version + 1`,
        updated_at: now,
      })
      .where('person_id', '=', personId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return { count: Number(res.numUpdatedRows) };
  },
};
