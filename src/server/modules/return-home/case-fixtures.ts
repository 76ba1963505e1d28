// Test fixtures of the modules built on cases (return home, referrals): a person
// with a case, inserted directly until the cases module's service exists.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { makePerson, makeProgramme, nikOf } from '../verval/verval.test-support.ts';

const programmes = new WeakMap<FastifyInstance, Promise<number>>();

/** The Kaltara programme, made once per app. */
export function kaltaraProgramme(app: FastifyInstance): Promise<number> {
  let p = programmes.get(app);
  if (!p) {
    p = makeProgramme(app, '65');
    programmes.set(app, p);
  }
  return p;
}

let serial = 0;

export interface CaseInput {
  regencyCode: string;
  /** The district of the NIK (six digits, e.g. '650302'); no NIK when null. */
  nikDistrict?: string | null;
  assignedUserId?: number;
  phone?: string;
  address?: string;
}

/** A woman registered in `regencyCode` with a case of the Kaltara programme; returns the case and person ids. */
export async function makeCase(app: FastifyInstance, db: Db, input: CaseInput): Promise<{ caseId: number; personId: number; caseCode: string }> {
  const programmeId = await kaltaraProgramme(app);
  const n = ++serial;
  const district = input.nikDistrict === undefined ? '650302' : input.nikDistrict;
  const personId = await makePerson(app, {
    regencyCode: input.regencyCode,
    birthDate: '1990-04-12',
    ...(district ? { nik: nikOf('1990-04-12', (n % 9000) + 1, district) } : {}),
    ...(input.assignedUserId ? { assignedUserId: input.assignedUserId } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { address: input.address } : {}),
  });
  const row = await db
    .insertInto('rehab_case')
    .values({ person_id: personId, programme_id: programmeId, regency_code: input.regencyCode, assigned_user_id: input.assignedUserId ?? null, status: 'services' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db.selectFrom('person').select('case_code').where('id', '=', personId).executeTakeFirstOrThrow();
  return { caseId: row.id, personId, caseCode: p.case_code };
}
