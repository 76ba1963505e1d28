import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import {
  CreatedUserSchema,
  CreateUserSchema,
  RoleViewSchema,
  UpdateRoleSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserListSchema,
  UserViewSchema,
} from '../../../common/users.ts';
import type { RoleService } from './roles.service.ts';
import type { UserService } from './users.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['users'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export const userRoutes =
  (users: UserService, roles: RoleService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: { permission: 'user.read' } },
        schema: { tags, summary: 'Users within my region (server-side filters and pages)', querystring: UserListQuerySchema, response: { 200: UserListSchema, ...errors } },
      },
      (req) => users.list(req.ctx(), req.query),
    );

    app.post(
      '/api/users',
      {
        config: { access: { permission: 'user.manage' } },
        schema: { tags, summary: 'Create a user (a generated password is shown once)', body: CreateUserSchema, response: { 200: CreatedUserSchema, ...errors } },
      },
      (req) => users.create(req.ctx(), req.body),
    );

    app.get(
      '/api/users/:id',
      { config: { access: { permission: 'user.read' } }, schema: { tags, summary: 'One user', params: idParams, response: { 200: UserViewSchema, ...errors } } },
      (req) => users.get(req.ctx(), req.params.id),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: { permission: 'user.manage' } },
        schema: { tags, summary: 'Change name, roles or region (ends the user’s sessions when rights change)', params: idParams, body: UpdateUserSchema, response: { 200: UserViewSchema, ...errors } },
      },
      (req) => users.update(req.ctx(), req.params.id, req.body),
    );

    app.post(
      '/api/users/:id/disable',
      { config: { access: { permission: 'user.manage' } }, schema: { tags, summary: 'Disable a user (ends their sessions at once)', params: idParams, response: { 200: UserViewSchema, ...errors } } },
      (req) => users.setStatus(req.ctx(), req.params.id, 'disabled'),
    );

    app.post(
      '/api/users/:id/enable',
      { config: { access: { permission: 'user.manage' } }, schema: { tags, summary: 'Enable a disabled user', params: idParams, response: { 200: UserViewSchema, ...errors } } },
      (req) => users.setStatus(req.ctx(), req.params.id, 'active'),
    );

    app.post(
      '/api/users/:id/reset-mfa',
      { config: { access: { permission: 'user.manage' } }, schema: { tags, summary: 'Remove a user’s MFA (they enrol again at next sign-in)', params: idParams, response: { 200: UserViewSchema, ...errors } } },
      (req) => users.resetMfa(req.ctx(), req.params.id),
    );

    app.post(
      '/api/users/:id/end-sessions',
      {
        config: { access: { permission: 'session.manage' } },
        schema: { tags, summary: 'End all of a user’s sessions', params: idParams, response: { 200: z.object({ ended: z.number().int() }), ...errors } },
      },
      async (req) => ({ ended: await users.endSessions(req.ctx(), req.params.id) }),
    );

    app.post(
      '/api/users/:id/reset-password',
      {
        config: { access: { permission: 'user.manage' } },
        schema: {
          tags,
          summary: 'Set a generated password (shown once; must be changed at next sign-in)',
          params: idParams,
          response: { 200: z.object({ generatedPassword: z.string() }), ...errors },
        },
      },
      async (req) => ({ generatedPassword: await users.resetPassword(req.ctx(), req.params.id) }),
    );

    app.get(
      '/api/roles',
      { config: { access: { permission: 'user.read' } }, schema: { tags, summary: 'Roles and their permissions', response: { 200: z.array(RoleViewSchema), ...errors } } },
      (req) => roles.list(req.ctx()),
    );

    app.patch(
      '/api/roles/:key',
      {
        config: { access: { permission: 'role.manage' } },
        schema: {
          tags,
          summary: 'Change a role’s names, permissions or MFA requirement',
          params: z.object({ key: z.string().regex(/^[a-z][a-z_]{1,39}$/) }),
          body: UpdateRoleSchema,
          response: { 200: RoleViewSchema, ...errors },
        },
      },
      (req) => roles.update(req.ctx(), req.params.key, req.body),
    );
  };
