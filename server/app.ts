import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { registerErrorHandling } from './platform/error-handler.ts';
import { typed } from './platform/http.ts';
import { loggerOptions } from './platform/logging.ts';
import { serializerCompiler } from './platform/serializer.ts';
import { docsCsp, registerSecurityHeaders } from './platform/security-headers.ts';
import { registerAuthHook, startSessionFanout, authRoutes, oidcRoutes } from './modules/auth/index.ts';
import { orgRoutes } from './modules/org/index.ts';
import { userRoutes } from './modules/users/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { indicatorRoutes } from './modules/indicators/index.ts';
import { planRoutes } from './modules/plans/index.ts';
import { reportingRoutes } from './modules/reporting/index.ts';
import { dashboardRoutes } from './modules/dashboards/index.ts';
import { valueRoutes } from './modules/values/index.ts';
import { taskRoutes } from './modules/tasks/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { startReminderLoop } from './schedules.ts';
import { registerSubscribers } from './subscribers.ts';
import { projectPath } from './platform/project-paths.ts';

export const webDistDir = projectPath('web/dist');

export interface AppDeps {
  config: Config;
  database: Database;
  /** false in tests that inspect nothing but the API. */
  serveWeb?: boolean;
}

/** Builds the whole HTTP application. Never listens: main.ts listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  // Who hears which domain event (the values module recounts figures in the writes' transactions).
  registerSubscribers();
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON (and multipart for uploads); a text/plain body is refused with 415.
  app.removeContentTypeParser('text/plain');

  registerSecurityHeaders(app, { https: config.cookieSecure });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20, parts: 25 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Xã Số API',
        version: '1',
        description: 'API của Xã Số. Ghi dữ liệu bằng cookie phiên cần header x-csrf-token (nhận khi đăng nhập).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (policy) => docsCsp(policy, { https: config.cookieSecure }),
  });

  registerAuthHook(app, { db: database.db, config });
  // Session changes reach every server process (modules/auth/session-fanout.ts).
  const sessionFanout = await startSessionFanout(database);
  app.addHook('onClose', () => sessionFanout.close());

  typed(app).get('/api/health', {
    schema: {
      tags: ['Hệ thống'],
      summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (_request, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  });

  await app.register(authRoutes, { prefix: '/api/v1/auth', config });
  await app.register(oidcRoutes, { prefix: '/api/v1/auth/oidc', config });
  await app.register(orgRoutes, { prefix: '/api/v1/org' });
  await app.register(userRoutes, { prefix: '/api/v1/users' });
  await app.register(auditRoutes, { prefix: '/api/v1/audit' });
  await app.register(indicatorRoutes, { prefix: '/api/v1/catalogue' });
  await app.register(planRoutes, { prefix: '/api/v1/plans' });
  await app.register(reportingRoutes, { prefix: '/api/v1/reporting' });
  await app.register(dashboardRoutes, { prefix: '/api/v1/dashboards' });
  // Value files keep the addresses they had under the dashboards (/api/v1/dashboards/imports…).
  await app.register(valueRoutes, { prefix: '/api/v1/dashboards' });
  await app.register(taskRoutes, { prefix: '/api/v1/tasks' });
  await app.register(notificationRoutes, { prefix: '/api/v1/notifications' });
  // Reminders run only in a server that listens (tests inject and never listen).
  if (config.reminderIntervalMinutes > 0) {
    let stopReminders: (() => void) | null = null;
    app.addHook('onListen', async () => {
      stopReminders ??= startReminderLoop(database.db, config, app.log);
    });
    app.addHook('onClose', async () => stopReminders?.());
  }

  if (deps.serveWeb !== false && fs.existsSync(path.join(webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, maxAge: '1h' });
    // The web app routes in the browser: any other GET outside /api gets index.html.
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({
          error: {
            code: 'ROUTE_NOT_FOUND',
            message: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`,
          },
        });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
