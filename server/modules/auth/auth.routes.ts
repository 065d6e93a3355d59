import type { FastifyInstance, FastifyReply } from 'fastify';
import { commonErrors, noStore, requireSignedIn, SESSION_COOKIE, typed } from '../../platform/http.ts';
import type { Config } from '../../config.ts';
import {
  ChangePasswordBody,
  OkResponse,
  SessionView,
  SignInBody,
  SignOutEverywhereResponse,
  UnlockBody,
  UnlockCodeRequestBody,
} from './auth.contract.ts';
import * as service from './auth.service.ts';
import * as unlock from './unlock.service.ts';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    maxAge: config.sessionMaxHours * 3600,
  });
}

export async function authRoutes(app: FastifyInstance, opts: { config: Config }) {
  const r = typed(app);
  const tags = ['Đăng nhập'];

  r.post('/sign-in', {
    schema: {
      tags,
      summary: 'Đăng nhập bằng tên và mật khẩu',
      body: SignInBody,
      response: { 200: SessionView, ...commonErrors },
    },
    config: { rateLimit: { max: opts.config.signInRatePerMinute, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const { token, view } = await service.signIn(request.ctx, request.body, {
        previousToken: request.cookies[SESSION_COOKIE],
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, opts.config, token);
      return noStore(reply).send(view);
    },
  });

  // Unlocking one's own account with a code sent by e-mail (unlock.service.ts); limited like sign-in.
  r.post('/unlock-code', {
    schema: {
      tags,
      summary: 'Gửi mã mở khóa đăng nhập tới thư điện tử của tài khoản (trả lời như nhau dù tài khoản có hay không)',
      body: UnlockCodeRequestBody,
      response: { 202: OkResponse, ...commonErrors },
    },
    config: { rateLimit: { max: opts.config.signInRatePerMinute, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      await unlock.requestUnlockCode(request.ctx, request.body.username);
      return reply.status(202).send({ ok: true as const });
    },
  });
  r.post('/unlock', {
    schema: {
      tags,
      summary: 'Mở khóa đăng nhập bằng mã nhận qua thư điện tử',
      body: UnlockBody,
      response: { 200: OkResponse, ...commonErrors },
    },
    config: { rateLimit: { max: opts.config.signInRatePerMinute, timeWindow: '1 minute' } },
    handler: async (request) => {
      await unlock.unlockWithCode(request.ctx, request.body.username, request.body.code);
      return { ok: true as const };
    },
  });

  r.get('/me', {
    schema: {
      tags,
      summary: 'Người đang đăng nhập, quyền và mã CSRF',
      response: { 200: SessionView, ...commonErrors },
    },
    handler: async (request, reply) => {
      const actor = requireSignedIn(request);
      return noStore(reply).send({
        user: await service.currentUserView(request.ctx, actor.userId),
        csrfToken: request.csrfToken!,
      });
    },
  });

  r.post('/sign-out', {
    schema: { tags, summary: 'Đăng xuất phiên hiện tại', response: { 200: OkResponse, ...commonErrors } },
    handler: async (request, reply) => {
      if (request.ctx.actor) await service.signOut(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.post('/sign-out-everywhere', {
    schema: {
      tags,
      summary: 'Đăng xuất khỏi mọi thiết bị',
      response: { 200: SignOutEverywhereResponse, ...commonErrors },
    },
    handler: async (request, reply) => {
      requireSignedIn(request);
      const n = await service.signOutEverywhere(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const, sessionsEnded: n };
    },
  });

  r.post('/change-password', {
    schema: {
      tags,
      summary: 'Đổi mật khẩu (các phiên khác bị đăng xuất)',
      body: ChangePasswordBody,
      response: { 200: OkResponse, ...commonErrors },
    },
    handler: async (request) => {
      requireSignedIn(request);
      await service.changePassword(request.ctx, request.body);
      return { ok: true as const };
    },
  });
}
