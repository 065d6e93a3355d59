import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test/test-app.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await buildTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

describe('health and API documentation', () => {
  it('GET /api/health answers ok when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves OpenAPI 3 generated from the zod schemas, with every /api/v1 route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/sign-in',
        '/api/v1/org/search',
        '/api/v1/users/{id}/grants',
        '/api/v1/audit/',
      ]),
    );
    expect(
      doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.properties.username
        .description,
    ).toBe('Tên đăng nhập');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('sends upgrade-insecure-requests only under COOKIE_SECURE=1, the API docs included (issue 22, 12d)', async () => {
    const paths = ['/api/health', '/api/docs', '/api/docs/static/swagger-initializer.js', '/api/docs/json'];
    for (const url of paths) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy'], url).not.toContain('upgrade-insecure-requests');
    }
    const https = await buildTestApp({ COOKIE_SECURE: '1' });
    try {
      for (const url of paths) {
        const res = await https.app.inject({ method: 'GET', url });
        expect(res.headers['content-security-policy'], url).toContain('upgrade-insecure-requests');
        expect(res.headers['strict-transport-security'], url).toBeTruthy();
      }
      const signedIn = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'vinhbao.motcua', password: 'XaSo@Demo2026' },
      });
      expect(signedIn.cookies.find((c) => c.name === 'xaso_session')?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('bad input never gives a 500 and writes nothing', () => {
  const countUsers = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    [
      'malformed JSON',
      { headers: { 'content-type': 'application/json' }, payload: '{"username": "a", ' },
      400,
      'MALFORMED_BODY',
    ],
    [
      'wrong content type',
      { headers: { 'content-type': 'text/plain' }, payload: 'hello' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'wrong types',
      { payload: { username: ['x'], fullName: 7, orgUnitId: 'x', grants: 'all' } },
      400,
      'VALIDATION_FAILED',
    ],
    ['a body over the limit', { payload: { username: 'a'.repeat(5000) } }, 413, 'BODY_TOO_LARGE'],
    ['an empty JSON body', { headers: { 'content-type': 'application/json' }, payload: '' }, 400, 'MALFORMED_BODY'],
  ])('%s', async (_name, opts, status, code) => {
    const before = await countUsers();
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/users', ...(opts as object) });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await countUsers()).toBe(before);
  });

  it('an unknown route answers 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
