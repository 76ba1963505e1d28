// Test helpers: contexts for actors, and tampering as an owner would.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { Permission } from '../../../common/permissions.ts';
import type { Context } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

export function userContext(options: { userId?: number; username?: string; roles?: string[]; scope?: Scope; permissions?: Permission[] } = {}): Context {
  return {
    actor: {
      kind: 'user',
      userId: options.userId ?? 7,
      username: options.username ?? 'auditor.one',
      displayName: 'Test user',
      roles: options.roles ?? ['auditor'],
      permissions: new Set(options.permissions ?? ['audit.read', 'audit.export']),
      scope: options.scope ?? { level: 'national' },
      sessionId: 1,
      reauthenticatedAt: new Date(),
    },
    request: { requestId: 'req-12345678', ip: '10.0.0.9', userAgent: 'node-test' },
  };
}

/** Runs statements with triggers off: what someone with owner rights could do, and what verify must catch. */
export async function tamper(db: Db, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    for (const s of statements) await s.execute(tx);
  });
}
