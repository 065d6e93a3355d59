/**
 * SECURITY.md names what the platform does; each claim there is shown by a test. These are the
 * claims no module test showed: the sign-in rate limit, what the logs keep out, errors without
 * internals, the password hash, the full set of security headers.
 */
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { registerErrorHandling } from './error-handler.ts';
import { loggerOptions, maskPersonalData } from './logging.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('the sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ SIGN_IN_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());
  it('answers 429 RATE_LIMITED past SIGN_IN_RATE_PER_MINUTE attempts from one address', async () => {
    const attempt = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'x.y', password: 'z' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });
});

describe('logs', () => {
  it('mask CCCD numbers, phone numbers and e-mail addresses', () => {
    expect(maskPersonalData('/api/v1/x?cccd=001203004567&phone=0912345678&mail=nguyen.an@example.vn')).toBe(
      '/api/v1/x?cccd=001******567&phone=091****678&mail=n***@example.vn',
    );
  });
  it('redact cookies, CSRF tokens and password fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions('info');
    const log = pino({ level: options.level, redact: options.redact }, sink);
    log.info({
      req: { headers: { cookie: 'xaso_session=secret', 'x-csrf-token': 'csrf-secret' } },
      body: { password: 'p1', currentPassword: 'p2', newPassword: 'p3' },
    });
    const written = lines.join('');
    for (const secret of ['xaso_session=secret', 'csrf-secret', 'p1"', 'p2"', 'p3"'])
      expect(written).not.toContain(secret);
    expect(written).toContain('[đã ẩn]');
  });
});

describe('errors', () => {
  it('answer an unexpected failure 500 INTERNAL without the message, stack or SQL', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/boom', async () => {
      throw new Error('select * from users where password_hash = $1 — at Object.<anonymous> (/srv/x.ts:1:1)');
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' } });
    await app.close();
  });
});

describe('password storage', () => {
  it('is argon2id with 64 MiB, t=3, p=4, of the NFC text', async () => {
    const hash = await hashPassword('Vie\u0302\u0323t Nam mến yêu 2026'); // ệ typed decomposed
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(hash, 'Việt Nam mến yêu 2026')).toBe(true); // … and precomposed
    expect(await verifyPassword(hash, 'Viet Nam men yeu 2026')).toBe(false);
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  it('are sent on every answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
