// Authorization-matrix rows of this module (see src/server/authorization-matrix.test.ts).
import { TEST_PASSWORD } from '../../test/users.ts';
import { type MatrixRows, get } from '../../test/matrix.ts';

export const rows: MatrixRows = {
  'GET /api/setup/status': { request: () => get('/api/setup/status'), allowed: 200 },
  'POST /api/setup': {
    request: () => ({ method: 'POST', url: '/api/setup', payload: { token: 'x'.repeat(43), username: 'late.admin', displayName: 'Late Admin', password: TEST_PASSWORD } }),
    allowed: 410, // users exist: the setup link is spent
  },
  'POST /api/auth/login': {
    // A different unknown name each time, so account throttling does not kick in.
    request: (_fx, c, rel) => ({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody.${c.role}.${rel}`, password: 'not-the-password' } }),
    allowed: 401,
  },
  'GET /api/auth/me': { request: () => get('/api/auth/me'), allowed: 200 },
  'POST /api/auth/mfa': { request: () => ({ method: 'POST', url: '/api/auth/mfa', payload: { code: '123456' } }), allowed: 403 }, // not the current step
  'GET /api/auth/mfa/enrolment': { request: () => get('/api/auth/mfa/enrolment'), allowed: 200 },
  'POST /api/auth/mfa/enrolment': { request: () => ({ method: 'POST', url: '/api/auth/mfa/enrolment', payload: { code: '000000' } }), allowed: 409, freshSession: true }, // none started
  'POST /api/auth/password': {
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong-password', newPassword: 'sungai-sesayap-perahu-99' } }),
    allowed: 400,
  },
  'POST /api/auth/reauth': { request: (_fx, c) => ({ method: 'POST', url: '/api/auth/reauth', payload: { password: c.session?.password ?? 'x' } }), allowed: 200 },
  'POST /api/auth/logout': { request: () => ({ method: 'POST', url: '/api/auth/logout' }), allowed: 204, freshSession: true },
  'POST /api/auth/logout-all': { request: () => ({ method: 'POST', url: '/api/auth/logout-all' }), allowed: 204, freshSession: true },
  'GET /api/auth/sessions': { request: () => get('/api/auth/sessions'), allowed: 200 },
  'DELETE /api/auth/sessions/:id': { request: () => ({ method: 'DELETE', url: '/api/auth/sessions/999999' }), allowed: 404 },
};
