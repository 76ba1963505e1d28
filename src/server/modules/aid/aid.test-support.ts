// Test fixtures of aid: an eligible decision recorded directly (the verification
// workflow is verval's to test), and the 2018 Kemensos package as a scheme.
import type { FastifyInstance } from 'fastify';
import { CreateSchemeSchema } from '../../../common/aid.ts';
import type { Db } from '../../platform/db/database.ts';
import { SYSTEM } from '../verval/verval.test-support.ts';

export async function decide(db: Db, programmeId: number, personId: number, decision: 'eligible' | 'not_eligible' = 'eligible'): Promise<void> {
  await db.insertInto('person_verification').values({ programme_id: programmeId, person_id: personId, decision, decided_at: new Date() }).execute();
}

export const PACKAGE_2018 = [
  { code: 'UEP', name: 'Bantuan Usaha Ekonomi Produktif', amount: 3_000_000, fundingSource: 'apbn_kemensos' },
  { code: 'JADUP', name: 'Jaminan Hidup', amount: 2_250_000, fundingSource: 'apbn_kemensos' },
  { code: 'TRANSPORT_LOCAL', name: 'Transportasi lokal', amount: 250_000, fundingSource: 'apbn_kemensos' },
] as const;

export async function makeScheme(app: FastifyInstance, programmeId: number, year = 2018): Promise<{ id: number; componentIds: Record<string, number> }> {
  const s = await app.services.aidSchemes.create(SYSTEM, CreateSchemeSchema.parse({ programmeId, year, name: `Paket Kemensos ${year}`, components: PACKAGE_2018 }));
  return { id: s.id, componentIds: Object.fromEntries(s.components.map((c) => [c.code, c.id])) };
}
