// The registry's reaches for one actor (see persons.policy.ts), shared by the use
// cases that live outside PersonService (updates, consent, data-subject requests).
import type { Context } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { reachOf, type Reaches } from './persons.policy.ts';
import { rolePermissions } from './persons.repository.ts';

export async function personReaches(db: Executor, ctx: Context): Promise<Reaches> {
  const roles = ctx.actor.kind === 'user' ? await rolePermissions(db, ctx.actor.roles) : [];
  return { read: reachOf(ctx.actor, roles, 'person.read'), reveal: reachOf(ctx.actor, roles, 'person.reveal_identity') };
}

/** The acting user's id, or null for the command line. */
export const actorUserId = (ctx: Context): number | null => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

/** A calendar date (YYYY-MM-DD) as the start of that day in WIB, and back. */
export const WIB_OFFSET_MS = 7 * 3_600_000;
export const wibMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
export const wibDate = (d: Date | string) => new Date(new Date(d).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
