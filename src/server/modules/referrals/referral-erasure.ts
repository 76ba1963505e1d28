// A person's erasure (registry/persons.erasure.ts) shreds the snapshots of every referral
// of her cases — whatever fields they share, the assessment summary included — with the
// reason person_erased, audited as referral.shredded like expiry and withdrawal.
import type { ErasureStep } from '../registry/persons.erasure.ts';
import { shredOfPerson } from './referrals.repository.ts';

export const referralErasure: ErasureStep = {
  name: 'referralSnapshots',
  kinds: ['referralSnapshots'],
  async shred(tx, personId, now) {
    const rows = await shredOfPerson(tx, personId, now);
    return {
      count: rows.length,
      events: rows.map((r) => ({ action: 'referral.shredded', entityType: 'referral', entityId: r.id, regionCode: r.regency_code, summary: { caseId: r.case_id, reason: 'person_erased' } })),
    };
  },
};
