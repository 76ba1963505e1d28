// In-app notifications (break-glass alerts now; reminders and digests later).
import type { Localized } from '../../platform/errors/app-error.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { defineErrors } from '../../platform/errors/app-error.ts';

const notificationError = defineErrors({
  'notification.not_found': { status: 404, id: 'Notifikasi tidak ditemukan.', en: 'Notification not found.' },
});

export interface NewNotification {
  kind: string;
  title: Localized;
  body: Localized;
  entityType?: string;
  entityId?: string;
}

/** Sends a notification to users, inside the caller's transaction. Never put personal data in it. */
export async function notify(db: Executor, userIds: number[], n: NewNotification): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('notification')
    .values(
      userIds.map((user_id) => ({
        user_id,
        kind: n.kind,
        title_id: n.title.id,
        title_en: n.title.en,
        body_id: n.body.id,
        body_en: n.body.en,
        entity_type: n.entityType ?? null,
        entity_id: n.entityId ?? null,
      })),
    )
    .execute();
}

/** Tells users about changes to their own sign-in (ASVS: notify after authentication changes). */
export const SECURITY_NOTICES = {
  password_changed: {
    title: { id: 'Kata sandi Anda diubah', en: 'Your password was changed' },
    body: {
      id: 'Kata sandi akun Anda baru saja diubah dan sesi lain diakhiri. Bila bukan Anda, segera hubungi administrator.',
      en: 'Your account password was just changed and other sessions were ended. If this was not you, contact the administrator now.',
    },
  },
  mfa_enrolled: {
    title: { id: 'Verifikasi dua langkah diaktifkan', en: 'Two-step verification enabled' },
    body: {
      id: 'Aplikasi autentikator baru didaftarkan untuk akun Anda. Bila bukan Anda, segera hubungi administrator.',
      en: 'A new authenticator app was registered for your account. If this was not you, contact the administrator now.',
    },
  },
  password_reset: {
    title: { id: 'Kata sandi Anda diatur ulang', en: 'Your password was reset' },
    body: {
      id: 'Administrator mengatur ulang kata sandi Anda; Anda harus menggantinya saat masuk.',
      en: 'An administrator reset your password; you must change it when you sign in.',
    },
  },
  mfa_reset: {
    title: { id: 'Verifikasi dua langkah diatur ulang', en: 'Two-step verification reset' },
    body: {
      id: 'Administrator menghapus aplikasi autentikator Anda; daftarkan lagi saat masuk.',
      en: 'An administrator removed your authenticator app; enrol again when you sign in.',
    },
  },
} satisfies Record<string, Omit<NewNotification, 'kind'>>;

export function notifySecurityChange(db: Executor, userId: number, kind: keyof typeof SECURITY_NOTICES): Promise<void> {
  return notify(db, [userId], { kind: `security.${kind}`, ...SECURITY_NOTICES[kind] });
}

export class NotificationService {
  constructor(private readonly db: Db) {}

  private userId(ctx: Context): number {
    if (ctx.actor.kind !== 'user') throw new Error('notifications belong to users');
    return ctx.actor.userId;
  }

  async list(ctx: Context, lang: 'id' | 'en') {
    const userId = this.userId(ctx);
    const rows = await this.db.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(50).execute();
    const unread = await this.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: lang === 'en' ? r.title_en : r.title_id,
        body: lang === 'en' ? r.body_en : r.body_id,
        createdAt: new Date(r.created_at).toISOString(),
        readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
      })),
      unread: Number(unread.n),
    };
  }

  async markRead(ctx: Context, id: number): Promise<void> {
    const r = await this.db
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', this.userId(ctx))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notificationError('notification.not_found');
  }
}
