// Who can be assigned a person: active users whose scope covers the person's regency
// (otherwise the assignment would give them a person they cannot see).
import type { Executor } from '../../platform/db/database.ts';
import { CASELOAD_ROLES } from './persons.policy.ts';

const provinceOf = (regencyCode: string) => regencyCode.slice(0, 2);

export async function userCoversRegency(db: Executor, userId: number, regencyCode: string): Promise<boolean> {
  const u = await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('scope_level', '=', 'national'), eb('scope_code', 'in', [regencyCode, provinceOf(regencyCode)])]))
    .executeTakeFirst();
  return Boolean(u);
}

/** Active case workers whose scope covers the regency, by name. */
export async function caseWorkersFor(db: Executor, regencyCode: string): Promise<{ id: number; display_name: string }[]> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where('ur.role_key', 'in', [...CASELOAD_ROLES])
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([eb('u.scope_level', '=', 'national'), eb('u.scope_code', 'in', [regencyCode, provinceOf(regencyCode)])]))
    .orderBy('u.display_name')
    .execute();
}
