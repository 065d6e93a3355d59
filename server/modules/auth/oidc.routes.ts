import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { ErrorResponse, noStore, SESSION_COOKIE, typed } from '../../platform/http.ts';
import { setSessionCookie } from './auth.routes.ts';
import * as service from './oidc.service.ts';

const FLOW_COOKIE = 'xaso_oidc';
const LABEL = 'Đăng nhập bằng VNeID / SSO';

/** Same-site relative paths only ("/plans?x=1"): "//host", "/\host" or "http:" would be an open redirect. */
const ReturnTo = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\\\s]*$/, 'Chỉ chấp nhận đường dẫn nội bộ bắt đầu bằng "/"')
  .describe('Trang mở lại sau khi đăng nhập, ví dụ /plans');

export const OidcStartQuery = z.object({ returnTo: ReturnTo.optional() });
/** Lenient on purpose: openid-client checks the answer; this only bounds what we accept. */
export const OidcCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
export const OidcConfigView = z.object({
  enabled: z.boolean().describe('Có hiện nút đăng nhập một lần trên trang đăng nhập hay không'),
  label: z.string().describe('Chữ trên nút'),
});
export type OidcConfigView = z.infer<typeof OidcConfigView>;

/** A browser redirect: no body; the Location header says where. */
const redirects = { 302: z.null().describe('Chuyển hướng (header Location)'), 404: ErrorResponse };
const redirectNote = 'Trình duyệt mở địa chỉ này (không gọi bằng fetch). Khi lỗi, chuyển về /sign-in?error=MÃ_LỖI.';

export async function oidcRoutes(app: FastifyInstance, opts: { config: Config }) {
  const r = typed(app);
  const tags = ['Đăng nhập'];
  const settings = opts.config.oidc;
  // Sent only to these routes; Lax so the provider's top-level redirect back still carries it.
  const flowCookie = {
    path: app.prefix || '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: opts.config.cookieSecure,
  };
  const rateLimit = { max: opts.config.signInRatePerMinute, timeWindow: '1 minute' };
  const requireSettings = () => {
    if (!settings) throw service.oidcNotConfigured();
    return settings;
  };

  /**
   * These two routes are opened by the browser, so any failure — ours, the provider's, a
   * bad query, even an expired session caught by the auth hook — becomes a redirect to the
   * sign-in page with the code, never a JSON body or a 500. "Not configured" stays a 404.
   */
  function redirectOnError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (err instanceof AppError && err.code === 'OIDC_NOT_CONFIGURED') throw err;
    let code = 'OIDC_LOGIN_FAILED';
    if (err instanceof AppError) code = err.code;
    else if (hasZodFastifySchemaValidationErrors(err)) code = 'VALIDATION_FAILED';
    else if (err.statusCode === 429) code = 'RATE_LIMITED';
    const cause = err instanceof AppError ? err.cause : err;
    const level = err instanceof AppError && err.kind !== 'unavailable' && !cause ? 'info' : 'warn';
    request.log[level](
      {
        code,
        cause:
          cause instanceof Error
            ? { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code }
            : undefined,
      },
      'single sign-on refused',
    );
    reply.clearCookie(FLOW_COOKIE, { path: flowCookie.path });
    return noStore(reply).redirect(`/sign-in?error=${encodeURIComponent(code)}`, 302);
  }

  r.get('/config', {
    schema: { tags, summary: 'Có bật đăng nhập một lần (VNeID / SSO) không', response: { 200: OidcConfigView } },
    handler: async () => ({ enabled: !!settings, label: LABEL }),
  });

  r.get('/start', {
    schema: {
      tags,
      summary: 'Bắt đầu đăng nhập một lần: chuyển sang nhà cung cấp định danh',
      description: `${redirectNote} Trả 404 OIDC_NOT_CONFIGURED khi chưa cấu hình.`,
      querystring: OidcStartQuery,
      response: redirects,
    },
    config: { rateLimit },
    errorHandler: redirectOnError,
    handler: async (request, reply) => {
      const { url, sealedFlow } = await service.startSignIn(requireSettings(), request.query.returnTo);
      reply.setCookie(FLOW_COOKIE, sealedFlow, { ...flowCookie, maxAge: service.FLOW_TTL_SECONDS });
      return noStore(reply).redirect(url.href, 302);
    },
  });

  r.get('/callback', {
    schema: {
      tags,
      summary: 'Nhà cung cấp định danh trả về: kiểm tra, mở phiên làm việc',
      description: `${redirectNote} Thành công: đặt cookie phiên và chuyển về trang returnTo (mặc định /).`,
      querystring: OidcCallbackQuery,
      response: redirects,
    },
    config: { rateLimit },
    errorHandler: redirectOnError,
    handler: async (request, reply) => {
      const s = requireSettings();
      // The configured redirect URI, not the Host header: behind a proxy they differ, and
      // the token request must repeat exactly the URI the provider redirected to.
      const callbackUrl = new URL(s.redirectUri);
      callbackUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const sealedFlow = request.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: flowCookie.path }); // one use, whatever happens
      const { token, returnTo } = await service.finishSignIn(request.ctx, s, {
        callbackUrl,
        sealedFlow,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, opts.config, token);
      return noStore(reply).redirect(returnTo, 302);
    },
  });
}
