// Identity and session schemas shared by the API and the web app.
import { z } from 'zod';
import { PERMISSIONS } from './permissions.ts';

export const PermissionSchema = z.enum(PERMISSIONS);

/** Where a user works: the whole country, one province, or one regency/city. */
export const ScopeSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('national') }),
  z.object({ level: z.literal('province'), code: z.string().regex(/^\d{2}$/), name: z.string().optional() }),
  z.object({ level: z.literal('regency'), code: z.string().regex(/^\d{2}\.\d{2}$/), name: z.string().optional() }),
]);
export type Scope = z.infer<typeof ScopeSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung');

export const PasswordSchema = z.string().min(12).max(256);

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
});

/** What the next step of signing in is. */
export const SessionStateSchema = z.enum(['active', 'mfa_required', 'mfa_enrolment_required', 'password_change_required']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const LoginResponseSchema = z.object({
  state: SessionStateSchema,
  csrfToken: z.string(),
});

export const MfaRequestSchema = z.object({
  code: z.string().trim().regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i, 'kode 6 angka atau kode pemulihan'),
});

export const MfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});

export const MfaEnrolConfirmSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const ReauthRequestSchema = z.object({
  password: z.string().min(1).max(256),
  code: z.string().trim().regex(/^\d{6}$/).optional(),
});

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: PasswordSchema,
});

export const RoleSummarySchema = z.object({ key: z.string(), name: z.string() });

export const MeSchema = z
  .object({
    state: SessionStateSchema,
    csrfToken: z.string(),
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      mfaEnabled: z.boolean(),
    }),
    roles: z.array(RoleSummarySchema),
    scope: ScopeSchema,
    permissions: z.array(PermissionSchema),
    session: z.object({
      expiresAt: z.string(),
      idleExpiresAt: z.string(),
      reauthenticatedAt: z.string().nullable(),
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SessionViewSchema = z.object({
  id: z.number().int(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const SetupStatusSchema = z.object({ setupRequired: z.boolean() });
export const SetupRequestSchema = z.object({
  token: z.string().min(20).max(200),
  username: UsernameSchema,
  displayName: z.string().trim().min(2).max(100),
  password: PasswordSchema,
});
