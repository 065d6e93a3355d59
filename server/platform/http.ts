import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    /** The CSRF token of the cookie session, when the request carries one. */
    csrfToken: string | null;
  }
}

export const SESSION_COOKIE = 'xaso_session';

/** The Fastify instance with zod schemas as its type provider: handlers get typed input. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().describe('Mã lỗi ổn định; giao diện hiển thị thông điệp tiếng Việt theo mã'),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Error answers every endpoint may give, for the OpenAPI document. */
export const commonErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

export function requireSignedIn(request: FastifyRequest) {
  if (!request.ctx.actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated', 'Bạn cần đăng nhập.');
  return request.ctx.actor;
}

export const Uuid = z.string().uuid('Mã định danh không hợp lệ');
export const IdParams = z.object({ id: Uuid });

/** Whether the client asked for a short answer: `Prefer: return=minimal` (RFC 7240 §4.2), alone or among other preferences. */
function prefersMinimal(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  return (Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '')).split(',').some(
    (p) =>
      p
        .split(';')[0]
        .trim()
        .toLowerCase()
        .replace(/\s*=\s*/, '=')
        .replace(/"/g, '') === 'return=minimal',
  );
}

/** Answers the short form when asked, saying so (Preference-Applied) on the answer that honours it, not on an error. */
export async function minimalOrWhole<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: (minimal: boolean) => Promise<T>,
): Promise<T> {
  const minimal = prefersMinimal(request);
  const out = await answer(minimal);
  if (minimal) reply.header('preference-applied', 'return=minimal');
  return out;
}

export const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
