/**
 * Single sign-on end to end against a real OpenID provider (oidc-provider 9) running in
 * this process. The browser is simulated: app.inject() for our routes, fetch with manual
 * redirects and a cookie jar for the provider's dev login and consent forms (TECH-NOTES §7).
 * oidc-provider warns that Node 20 is an unsupported runtime; that is expected here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error oidc-provider ships no type declarations; the test uses a small part of it.
import Provider from 'oidc-provider';
import { buildTestApp, latestAudit, type TestApp } from '../../test/test-app.ts';

const REDIRECT_URI = 'http://localhost/api/v1/auth/oidc/callback';
const CLIENT = { id: 'xaso-test', secret: 'a-long-test-client-secret-0123456789' };

/** The provider's people, by subject (VNeID uses the citizen number). */
const accounts: Record<string, Record<string, unknown>> = {
  'cccd-linked': { name: 'Bùi Đức Anh' },
  'cccd-email': { name: 'Vũ Thị Lan', email: 'Lan.Vu@VinhBao.gov.vn', email_verified: true },
  'cccd-unverified': { name: 'Ai đó', email: 'hung.nguyen@vinhbao.gov.vn', email_verified: false },
  'cccd-unknown': { name: 'Người lạ', email: 'nguoi.la@example.vn', email_verified: true },
  'cccd-disabled': { name: 'Đặng Thị Hoa' },
  'cccd-disabled-email': { name: 'Ngô Văn Dân', email: 'dan.ngo@vinhbao.gov.vn', email_verified: true },
};

let server: http.Server;
let issuer: string;
let t: TestApp;

beforeAll(async () => {
  let handle: http.RequestListener = (_req, res) => res.end();
  server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    findAccount: (_ctx: unknown, id: string) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
  });
  handle = provider.callback();

  t = await buildTestApp({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_SCOPE: 'openid profile email',
    OIDC_ALLOW_HTTP: 'true',
  });
  const users = t.database.db.updateTable('users');
  await users.set({ email: 'lan.vu@vinhbao.gov.vn' }).where('username', '=', 'vinhbao.vanhoa').execute();
  await users.set({ email: 'hung.nguyen@vinhbao.gov.vn' }).where('username', '=', 'vinhbao.chutich').execute();
  await users
    .set({ oidcIssuer: issuer, oidcSubject: 'cccd-linked' })
    .where('username', '=', 'vinhbao.kinhte')
    .execute();
  await users
    .set({ oidcIssuer: issuer, oidcSubject: 'cccd-disabled', isDisabled: true })
    .where('username', '=', 'vinhbao.motcua')
    .execute();
  await users
    .set({ email: 'dan.ngo@vinhbao.gov.vn', isDisabled: true })
    .where('username', '=', 'vinhbao.congdan')
    .execute();
});

afterAll(async () => {
  await t?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** GET /start as the browser: the provider URL to open and our flow cookie. */
async function start(returnTo?: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/auth/oidc/start',
    query: returnTo ? { returnTo } : {},
  });
  expect(res.statusCode).toBe(302);
  const flow = res.cookies.find((c) => c.name === 'xaso_oidc')!;
  expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  return { providerUrl: res.headers.location as string, flowCookie: `xaso_oidc=${flow.value}` };
}

/** Signs in at the provider as `login` and consents; returns the redirect back to us. */
async function authorizeAtProvider(providerUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: URL, body?: URLSearchParams) => {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  let url = new URL(providerUrl);
  expect(url.origin).toBe(issuer);
  for (let step = 0; step < 12; step++) {
    const res = await send(url);
    await res.text();
    const next = new URL(res.headers.get('location')!, url);
    if (next.href.startsWith(REDIRECT_URI)) return next;
    if (!next.pathname.startsWith('/interaction/')) {
      url = next;
      continue;
    }
    // The dev interaction page is either the login form or the consent form.
    const page = await (await send(next)).text();
    const form: Record<string, string> = page.includes('value="login"')
      ? { prompt: 'login', login, password: 'x' }
      : { prompt: 'consent' };
    const posted = await send(next, new URLSearchParams(form));
    await posted.text();
    expect(posted.status).toBe(303);
    url = new URL(posted.headers.get('location')!, next);
  }
  throw new Error('the provider never redirected back');
}

/** Our callback as the browser reaches it. */
const callback = (back: URL, flowCookie: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${back.search}`, headers: { cookie: flowCookie } });

async function signInAs(login: string, returnTo?: string) {
  const { providerUrl, flowCookie } = await start(returnTo);
  return callback(await authorizeAtProvider(providerUrl, login), flowCookie);
}

const sessionCookie = (res: Awaited<ReturnType<typeof callback>>) => res.cookies.find((c) => c.name === 'xaso_session');
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const oidcOf = (username: string) =>
  t.database.db
    .selectFrom('users')
    .select(['id', 'oidcIssuer', 'oidcSubject'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();

describe('single sign-on', () => {
  it('tells the web the button is on, and sends the browser to the provider with PKCE S256, state and nonce', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/config' })).json()).toEqual({
      enabled: true,
      label: 'Đăng nhập bằng VNeID / SSO',
    });
    const { providerUrl } = await start();
    const params = new URL(providerUrl).searchParams;
    expect(params.get('client_id')).toBe(CLIENT.id);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(params.get(p)?.length).toBeGreaterThan(20);
  });

  it('signs in a linked subject: session cookie, redirect to returnTo, working session, audit row', async () => {
    const res = await signInAs('cccd-linked', '/plans?year=2026');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/plans?year=2026');
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const who = await me(`xaso_session=${cookie.value}`);
    expect(who.statusCode).toBe(200);
    expect(who.json().user.username).toBe('vinhbao.kinhte');
    const [row] = await latestAudit(t.database);
    expect(row).toMatchObject({ action: 'auth.sign_in', recordId: who.json().user.id, actorId: who.json().user.id });
    expect(row.summary).toContain('Đăng nhập một lần (SSO)');
  });

  it('links the one account whose email the provider verified (any case), then signs in', async () => {
    expect((await oidcOf('vinhbao.vanhoa')).oidcSubject).toBeNull();
    const res = await signInAs('cccd-email');
    expect(res.headers.location).toBe('/');
    const who = await me(`xaso_session=${sessionCookie(res)!.value}`);
    expect(who.json().user.username).toBe('vinhbao.vanhoa');
    expect(await oidcOf('vinhbao.vanhoa')).toMatchObject({ oidcIssuer: issuer, oidcSubject: 'cccd-email' });
    const [signIn, linked] = await latestAudit(t.database, 2);
    expect(signIn.action).toBe('auth.sign_in');
    expect(linked).toMatchObject({
      action: 'auth.oidc_linked',
      recordId: who.json().user.id,
      requestId: signIn.requestId,
    });
    // The next time the subject alone is enough.
    expect(sessionCookie(await signInAs('cccd-email'))).toBeDefined();
  });

  it('refuses an identity linked to no account, and an email the provider did not verify', async () => {
    for (const login of ['cccd-unknown', 'cccd-unverified']) {
      const res = await signInAs(login);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/sign-in?error=OIDC_ACCOUNT_NOT_LINKED');
      expect(sessionCookie(res)).toBeUndefined();
      const [row] = await latestAudit(t.database);
      expect(row).toMatchObject({ action: 'auth.sign_in_failed', recordId: null });
      expect(row.changes).toMatchObject({ subject: login });
    }
    expect((await oidcOf('vinhbao.chutich')).oidcSubject).toBeNull();
  });

  it('refuses a disabled account, whether linked by subject or matched by email', async () => {
    for (const login of ['cccd-disabled', 'cccd-disabled-email']) {
      const res = await signInAs(login);
      expect(res.headers.location).toBe('/sign-in?error=ACCOUNT_DISABLED');
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect((await oidcOf('vinhbao.congdan')).oidcSubject).toBeNull();
  });

  it('refuses a tampered state, a tampered or missing flow cookie, and a cancelled sign-in', async () => {
    const { providerUrl, flowCookie } = await start();
    const back = await authorizeAtProvider(providerUrl, 'cccd-linked');
    const wrongState = new URL(back);
    wrongState.searchParams.set('state', 'x'.repeat(43));
    // The next-to-last character changes (the last may carry unused bits): to 'A', or to 'B' when it is 'A' already.
    const flipped = flowCookie.slice(0, -2) + (flowCookie.at(-2) === 'A' ? 'B' : 'A') + flowCookie.slice(-1);
    expect(flipped).not.toBe(flowCookie);
    for (const [url, cookie] of [
      [wrongState, flowCookie],
      [back, flipped],
      [back, ''],
    ] as const) {
      const res = await callback(url, cookie);
      expect(res.headers.location).toBe('/sign-in?error=OIDC_STATE_INVALID');
      expect(sessionCookie(res)).toBeUndefined();
    }
    const denied = await callback(new URL(`${REDIRECT_URI}?error=access_denied&state=x`), (await start()).flowCookie);
    expect(denied.headers.location).toBe('/sign-in?error=OIDC_DENIED');
  });

  it('refuses a code replayed with another flow (wrong PKCE verifier) without a 500', async () => {
    const first = await start();
    const back = await authorizeAtProvider(first.providerUrl, 'cccd-linked');
    const other = await start();
    const url = new URL(back);
    url.searchParams.set('state', new URL(other.providerUrl).searchParams.get('state')!);
    const res = await callback(url, other.flowCookie);
    expect(res.headers.location).toBe('/sign-in?error=OIDC_LOGIN_FAILED');
  });

  it('accepts only same-site relative returnTo paths', async () => {
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start', query: { returnTo: bad } });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/sign-in?error=VALIDATION_FAILED');
    }
  });
});

describe('single sign-on not configured', () => {
  it('hides the button and answers 404 OIDC_NOT_CONFIGURED', async () => {
    const plain = await buildTestApp();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/config' })).json()).toEqual({
        enabled: false,
        label: 'Đăng nhập bằng VNeID / SSO',
      });
      for (const path of ['start', 'callback?code=x&state=y']) {
        const res = await plain.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${path}` });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('OIDC_NOT_CONFIGURED');
      }
    } finally {
      await plain.close();
    }
  });
});
