import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { SESSION_COOKIE } from '../../platform/http.ts';
import { resolveSession } from './auth.service.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that do not need the CSRF header: they create the session the token belongs to. */
const CSRF_EXEMPT = new Set([
  '/api/v1/auth/sign-in',
  '/api/v1/auth/unlock-code',
  '/api/v1/auth/unlock',
  '/api/v1/auth/oidc/start',
  '/api/v1/auth/oidc/callback',
]);

/**
 * What a session on a temporary password may do (TCVN 14423: change it at first use): read
 * itself, change the password, sign out. Everything else under /api/v1 answers 403
 * PASSWORD_CHANGE_REQUIRED until the password is changed.
 */
const TEMPORARY_PASSWORD_ROUTES = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/change-password',
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/sign-out-everywhere',
  'POST /api/v1/auth/sign-in',
]);

/**
 * Builds request.ctx for every request and resolves the session cookie into an actor.
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`
 * (SameSite=Lax already stops most cross-site posts; the token stops the rest).
 */
export function registerAuthHook(app: FastifyInstance, deps: { db: Db; config: Config }) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    request.ctx = { db: deps.db, config: deps.config, actor: null, ip: request.ip ?? null, requestId: request.id };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(request.ctx, token);
    if (resolved === 'expired') {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (!CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
        throw new AppError('SESSION_EXPIRED', 'unauthenticated', 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.');
      }
      return;
    }
    if (!resolved) return;
    request.ctx.actor = resolved.actor;
    request.csrfToken = resolved.csrfToken;
    if (
      resolved.actor.mustChangePassword &&
      request.url.startsWith('/api/v1/') &&
      !TEMPORARY_PASSWORD_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
    ) {
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        'forbidden',
        'Bạn đang dùng mật khẩu tạm; hãy đổi mật khẩu trước khi làm việc.',
      );
    }
    if (UNSAFE.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      if (request.headers['x-csrf-token'] !== resolved.csrfToken) {
        throw new AppError(
          'CSRF_TOKEN_INVALID',
          'forbidden',
          'Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token).',
        );
      }
    }
  });
}
