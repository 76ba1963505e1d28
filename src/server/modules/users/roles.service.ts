// Roles: stable keys, admin-editable display names, permission sets and MFA flag.
import type { z } from 'zod';
import type { UpdateRoleSchema } from '../../../common/users.ts';
import { isPermission, type Permission } from '../../../common/permissions.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { listRoles, type RoleRow } from '../../platform/auth/identity.repository.ts';
import { endSessionsOfRole } from './roles.repository.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { userError } from './users.errors.ts';

function view(r: RoleRow) {
  return {
    key: r.key,
    nameId: r.name_id,
    nameEn: r.name_en,
    permissions: r.permissions.filter(isPermission) as Permission[],
    requiresMfa: r.requires_mfa,
  };
}

export class RoleService {
  constructor(private readonly db: Db) {}

  async list(ctx: Context) {
    authorize(ctx.actor, 'user.read');
    return (await listRoles(this.db)).map(view);
  }

  async update(ctx: Context, key: string, input: z.output<typeof UpdateRoleSchema>) {
    authorize(ctx.actor, 'role.manage');
    const row = await inTransaction(this.db, async (tx) => {
      const updated = await tx
        .updateTable('role')
        .set({
          ...(input.nameId ? { name_id: input.nameId } : {}),
          ...(input.nameEn ? { name_en: input.nameEn } : {}),
          ...(input.permissions ? { permissions: [...new Set(input.permissions)].sort() } : {}),
          ...(input.requiresMfa !== undefined ? { requires_mfa: input.requiresMfa } : {}),
          updated_at: new Date(),
        })
        .where('key', '=', key)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw userError('role.not_found', { key });
      // Narrower rights must not linger in open sessions.
      if (input.permissions || input.requiresMfa !== undefined) await endSessionsOfRole(tx, key);
      await audit(tx, ctx, { action: 'role.update', entityType: 'role', entityId: key, summary: { ...input } });
      return updated;
    });
    return view(row);
  }
}
