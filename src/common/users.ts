// User administration schemas shared by the API and the web app.
import { z } from 'zod';
import { PasswordSchema, PermissionSchema, ScopeSchema, UsernameSchema } from './auth.ts';

export const UserActionSchema = z.enum(['update', 'disable', 'enable', 'reset_mfa', 'end_sessions', 'reset_password']);
export type UserAction = z.infer<typeof UserActionSchema>;

export const UserViewSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    scope: ScopeSchema,
    status: z.enum(['active', 'disabled']),
    mfaEnabled: z.boolean(),
    passwordMustChange: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    activeSessions: z.number().int(),
    /** What the caller may do with this user; the UI shows only these. */
    actions: z.array(UserActionSchema),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserViewSchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  role: z.string().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const UserListSchema = z.object({ items: z.array(UserViewSchema), total: z.number().int() });

/** Scope as the forms send it: 'national' or a province/regency code. */
export const ScopeInputSchema = z.union([z.literal('national'), z.string().regex(/^\d{2}(\.\d{2})?$/)]);

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(2).max(100),
  roles: z.array(z.string()).min(1),
  scope: ScopeInputSchema,
  /** Omitted: a strong password is generated, returned once, and must be changed at first sign-in. */
  password: PasswordSchema.optional(),
});

export const CreatedUserSchema = z.object({
  user: UserViewSchema,
  generatedPassword: z.string().nullable(),
});

export const UpdateUserSchema = z.object({
  displayName: z.string().trim().min(2).max(100).optional(),
  roles: z.array(z.string()).min(1).optional(),
  scope: ScopeInputSchema.optional(),
});

export const RoleViewSchema = z
  .object({
    key: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    permissions: z.array(PermissionSchema),
    requiresMfa: z.boolean(),
  })
  .meta({ id: 'Role' });

export const UpdateRoleSchema = z.object({
  nameId: z.string().trim().min(2).max(100).optional(),
  nameEn: z.string().trim().min(2).max(100).optional(),
  permissions: z.array(PermissionSchema).optional(),
  requiresMfa: z.boolean().optional(),
});
