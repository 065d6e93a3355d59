/**
 * Single sign-on with an OpenID Connect provider (VNeID or a province identity server).
 * Authorization code flow with PKCE S256, state and nonce (openid-client v6, TECH-NOTES §7).
 * A provider identity signs in only a Xã Số account that is linked to it; a verified email
 * may create that link once. Nobody gets an account just by having a provider identity.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/passwords.ts';
import * as q from './auth.queries.ts';
import { openSession } from './auth.service.ts';
import { sessionsChanged } from './session-fanout.ts';

export type OidcSettings = NonNullable<Config['oidc']>;

export const oidcNotConfigured = () =>
  new AppError('OIDC_NOT_CONFIGURED', 'not_found', 'Máy chủ chưa được cấu hình đăng nhập một lần (OIDC).');
const stateInvalid = () =>
  new AppError(
    'OIDC_STATE_INVALID',
    'invalid',
    'Phiên đăng nhập một lần không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.',
  );
const notLinked = () =>
  new AppError(
    'OIDC_ACCOUNT_NOT_LINKED',
    'forbidden',
    'Danh tính đăng nhập một lần này chưa được liên kết với tài khoản Xã Số nào. Vui lòng liên hệ quản trị viên.',
  );
const loginFailed = (cause: unknown) =>
  new AppError(
    'OIDC_LOGIN_FAILED',
    'unauthenticated',
    'Không xác thực được với nhà cung cấp định danh. Vui lòng thử lại.',
    { cause },
  );
const accountDisabled = () =>
  new AppError('ACCOUNT_DISABLED', 'forbidden', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.');

// ── Discovery ──────────────────────────────────────────────────────────────────────────
const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata, fetched once per process (a failure is not cached: retry later). */
export function discover(s: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret ?? null, s.allowHttp]);
  let found = discovered.get(key);
  if (!found) {
    found = client.discovery(
      new URL(s.issuer),
      s.clientId,
      s.clientSecret,
      // A public client (no secret) authenticates with PKCE alone; the library's default,
      // client_secret_post, would fail without a secret.
      s.clientSecret ? undefined : client.None(),
      s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found.catch((cause: unknown) => {
    throw new AppError(
      'OIDC_PROVIDER_UNAVAILABLE',
      'unavailable',
      'Không kết nối được nhà cung cấp định danh. Vui lòng thử lại sau.',
      { cause },
    );
  });
}

// ── The flow cookie ────────────────────────────────────────────────────────────────────
/**
 * What the callback must check (state, nonce, PKCE verifier) travels in a cookie sealed
 * with AES-256-GCM under a key made at process start. Why a cookie: nothing to store or
 * clean up, and an unauthenticated /start cannot fill server memory. Why sealed: the
 * browser can neither read the verifier nor forge a flow. Why a per-process key: no new
 * secret to configure; the cost is that a sign-in begun before a restart (or on another
 * instance without sticky sessions) fails with OIDC_STATE_INVALID and is simply retried.
 */
const FLOW_KEY = crypto.randomBytes(32);
export const FLOW_TTL_SECONDS = 10 * 60;
const Flow = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  exp: z.number(),
});
type Flow = z.infer<typeof Flow>;

function sealFlow(flow: Flow): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', FLOW_KEY, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function openFlow(sealed: string | undefined, now = Date.now()): Flow | null {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = crypto.createDecipheriv('aes-256-gcm', FLOW_KEY, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const flow = Flow.parse(JSON.parse(text));
    return flow.exp > now ? flow : null;
  } catch {
    return null; // tampered, truncated or made by another process
  }
}

// ── Use cases ──────────────────────────────────────────────────────────────────────────
/** Where to send the browser, and the sealed flow the routes put in the cookie. */
export async function startSignIn(
  s: OidcSettings,
  returnTo: string | undefined,
): Promise<{ url: URL; sealedFlow: string }> {
  const config = await discover(s);
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo: returnTo ?? '/',
    exp: Date.now() + FLOW_TTL_SECONDS * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: s.scope,
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
  });
  return { url, sealedFlow: sealFlow(flow) };
}

export interface CallbackInput {
  /** The configured redirect URI with the query string the provider sent. */
  callbackUrl: URL;
  sealedFlow: string | undefined;
  userAgent: string | null;
  previousToken: string | undefined;
}

/** Checks the provider's answer, finds (or links) the account and opens a session. */
export async function finishSignIn(
  ctx: Ctx,
  s: OidcSettings,
  input: CallbackInput,
): Promise<{ token: string; returnTo: string }> {
  const flow = openFlow(input.sealedFlow);
  const params = input.callbackUrl.searchParams;
  if (!flow) throw stateInvalid();
  if (params.get('error')) {
    // The person cancelled at the provider, or the provider refused the request.
    throw new AppError('OIDC_DENIED', 'forbidden', 'Nhà cung cấp định danh không cho phép đăng nhập hoặc bạn đã hủy.');
  }
  if (params.get('state') !== flow.state) throw stateInvalid();
  const config = await discover(s);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    throw loginFailed(cause);
  }
  const claims = tokens.claims()!;
  const identity: Identity = { issuer: claims.iss, subject: claims.sub, ...verifiedEmail(claims) };
  const linked = await q.findUserByOidcSubject(ctx.db, identity.issuer, identity.subject);
  // Providers usually put email in userinfo rather than the ID token; ask only when needed.
  if (!linked && !identity.email && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    try {
      Object.assign(identity, verifiedEmail(await client.fetchUserInfo(config, tokens.access_token, identity.subject)));
    } catch (cause) {
      throw loginFailed(cause);
    }
  }
  const user = linked ?? (await findUserToLink(ctx, identity));
  if (user.isDisabled) return refuse(ctx, identity, accountDisabled(), user);
  const token = await inTransaction(ctx, async (tx) => {
    // Re-checked in the write: the account may have been disabled or linked meanwhile.
    let update = tx.db
      .updateTable('users')
      .set({ lastSignInAt: sql`now()` })
      .where('id', '=', user.id)
      .where('isDisabled', '=', false);
    if (!linked)
      update = update
        .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
        .where('oidcSubject', 'is', null);
    const done = await update.executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw notLinked();
    const who = {
      recordType: 'user',
      recordId: user.id,
      actorId: user.id,
      actorName: user.fullName,
      provinceId: user.provinceId,
      communeId: user.communeId,
    };
    if (!linked) {
      await audit(tx, {
        ...who,
        action: 'auth.oidc_linked',
        summary: `Liên kết tài khoản ${user.username} với danh tính đăng nhập một lần (thư điện tử đã xác minh)`,
        changes: { issuer: identity.issuer, subject: identity.subject, email: identity.email },
      });
    }
    // A new session id at every sign-in (no session fixation); the one the browser had ends.
    // Password failures and lockout are left alone: SSO proves nothing about the password.
    if (input.previousToken) await q.revokeSession(tx.db, sha256(input.previousToken));
    const session = await openSession(tx, user.id, input.userAgent);
    await audit(tx, {
      ...who,
      action: 'auth.sign_in',
      summary: `Đăng nhập một lần (SSO) qua ${new URL(identity.issuer).host}: ${user.username}`,
    });
    return session.token;
  });
  if (input.previousToken) await sessionsChanged(ctx, { sessionId: sha256(input.previousToken) });
  return { token, returnTo: flow.returnTo };
}

// ── Finding the account ────────────────────────────────────────────────────────────────
interface Identity {
  issuer: string;
  subject: string;
  email?: string;
}

type UserRow = Pick<
  NonNullable<Awaited<ReturnType<typeof q.findUserByOidcSubject>>>,
  'id' | 'username' | 'fullName' | 'isDisabled' | 'provinceId' | 'communeId'
>;

/** Only an email the provider itself vouches for (email_verified exactly true) may link. */
function verifiedEmail(claims: Record<string, unknown>): { email?: string } {
  const email = claims.email;
  return typeof email === 'string' && email.length <= 320 && claims.email_verified === true ? { email } : {};
}

/**
 * The one account a new identity may be linked to: the only enabled account with that
 * email (users.email is citext, so the match ignores case) and no link yet. Linking over
 * an existing link would let whoever controls a recycled mailbox take the account.
 */
async function findUserToLink(ctx: Ctx, identity: Identity): Promise<UserRow> {
  if (!identity.email) return refuse(ctx, identity, notLinked());
  const matches = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'fullName', 'isDisabled', 'provinceId', 'communeId', 'oidcSubject'])
    .where('email', '=', identity.email)
    .limit(10)
    .execute();
  const enabled = matches.filter((u) => !u.isDisabled);
  if (enabled.length === 1 && enabled[0].oidcSubject === null) return enabled[0];
  // The person proved the mailbox, so telling them the account is disabled leaks nothing.
  if (enabled.length === 0 && matches.length > 0)
    return refuse(ctx, identity, accountDisabled(), matches.length === 1 ? matches[0] : undefined);
  return refuse(ctx, identity, notLinked());
}

/** Records a refused sign-in (outside any transaction, so it stays) and throws. */
async function refuse(ctx: Ctx, identity: Identity, error: AppError, user?: UserRow): Promise<never> {
  await audit(ctx, {
    action: 'auth.sign_in_failed',
    recordType: 'user',
    recordId: user?.id ?? null,
    summary: `Đăng nhập một lần bị từ chối (${error.code})${user ? `: ${user.username}` : ''}`,
    // The subject lets an administrator link the account by hand afterwards.
    changes: { issuer: identity.issuer, subject: identity.subject, email: identity.email ?? null },
    actorId: user?.id ?? null,
    actorName: user?.fullName ?? null,
    provinceId: user?.provinceId ?? null,
    communeId: user?.communeId ?? null,
  });
  throw error;
}
