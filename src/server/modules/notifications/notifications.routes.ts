import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationListSchema } from '../../../common/break-glass.ts';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { requestLang } from '../../platform/http/lang.ts';
import type { NotificationService } from './notifications.service.ts';

export const notificationRoutes =
  (notifications: NotificationService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['notifications'], summary: 'My latest notifications', response: { 200: NotificationListSchema, 401: ErrorResponseSchema } },
      },
      (req) => notifications.list(req.ctx(), requestLang(req)),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of my notifications as read',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 204: z.null(), 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      async (req, reply) => {
        await notifications.markRead(req.ctx(), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
