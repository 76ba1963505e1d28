// The very first administrator: on an empty database the server prints a
// one-time link (valid SETUP_LINK_MINUTES); whoever opens it creates the admin.
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { RequestInfo } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { countUsers } from '../../platform/auth/identity.repository.ts';
import { checkPasswordStrength, hashPassword } from '../../platform/auth/passwords.ts';
import { newToken, sha256 } from '../../platform/auth/sessions.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { weakPassword } from './sign-in.service.ts';

const SETUP_LOCK = 7_211_011;

export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  async required(): Promise<boolean> {
    return (await countUsers(this.db)) === 0;
  }

  /** A new one-time setup token when no user exists yet (earlier unused tokens stop working). */
  async issueToken(): Promise<string | null> {
    if (!(await this.required())) return null;
    const token = newToken();
    await inTransaction(this.db, async (tx) => {
      await tx.deleteFrom('setup_token').where('used_at', 'is', null).execute();
      await tx
        .insertInto('setup_token')
        .values({ token_hash: sha256(token), expires_at: new Date(this.clock().getTime() + this.config.setupLinkMinutes * 60_000), used_at: null })
        .execute();
    });
    return token;
  }

  /** Creates the first administrator (national scope); returns the new user's id. */
  async complete(input: { token: string; username: string; displayName: string; password: string }, request: RequestInfo): Promise<number> {
    const strength = await checkPasswordStrength(input.password, [input.username, input.displayName]);
    if (!strength.ok) throw weakPassword(strength.hint, 'body.password');
    const passwordHash = await hashPassword(input.password);
    return inTransaction(this.db, async (tx) => {
      await sql`select pg_advisory_xact_lock(${SETUP_LOCK})`.execute(tx);
      const used = await tx
        .updateTable('setup_token')
        .set({ used_at: this.clock() })
        .where('token_hash', '=', sha256(input.token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', this.clock())
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1 || (await countUsers(tx)) > 0) throw authError('auth.setup_unavailable');
      const user = await tx
        .insertInto('app_user')
        .values({ username: input.username, display_name: input.displayName, password_hash: passwordHash, scope_level: 'national', scope_code: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_role').values({ user_id: user.id, role_key: 'admin' }).execute();
      await audit(tx, { actor: { kind: 'system', username: 'setup-link' }, request }, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        summary: { username: input.username, roles: ['admin'], scope: 'national', via: 'setup link' },
      });
      return user.id;
    });
  }
}
