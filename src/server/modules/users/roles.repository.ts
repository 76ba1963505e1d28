import type { Executor } from '../../platform/db/database.ts';

/** Ends the open sessions of everyone holding the role. */
export async function endSessionsOfRole(db: Executor, roleKey: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: new Date(), end_reason: 'role_changed' })
    .where('ended_at', 'is', null)
    .where('user_id', 'in', (eb) => eb.selectFrom('user_role').select('user_id').where('role_key', '=', roleKey))
    .execute();
}
