/**
 * A short-lived, per-process cache of resolved sessions. Every API request resolves its
 * session; without a cache that is one extra database round trip per request (measured:
 * the authenticated point read ran at ~22 % of a bare Fastify + pg SELECT).
 *
 * Correctness: a change that can end or narrow sessions (sign-out, sign-out everywhere, a
 * password change or reset, disabling, grant changes) is announced after it commits
 * (sessionsChanged in session-fanout.ts): every process — on PostgreSQL through LISTEN/NOTIFY,
 * acknowledged before the change's request answers — drops the entries it concerns. The cache
 * is used only while this process is sure to hear such announcements (`trusted`): always on
 * PGlite (one process), on PostgreSQL while its listener is connected and has heard itself.
 * A resolution that read the database before an announcement arrived is not cached
 * (generations), so a stale row cannot slip in behind the eviction. TTL_MS stays as a backstop.
 */
import type { ResolvedSession } from './auth.service.ts';

export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  value: ResolvedSession;
  fetchedAt: number;
  /** When the session was last touched in the database; decides the next touch. */
  lastSeenAt: Date;
  idleTimeoutSeconds: number;
  expiresAt: Date;
}

const entries = new Map<string, Entry>();
/** Bumped by every eviction: a read begun before it must not be cached after it. */
let generation = 0;
/** Listeners (one per PostgreSQL database this process serves) that are not (yet) hearing announcements. */
const deafListeners = new Set<object>();

/** Whether this process may use and fill the cache now. */
export const cacheTrusted = () => deafListeners.size === 0;

/** A PostgreSQL listener reports whether it hears announcements; while one does not, nothing is cached. */
export function setListenerHearing(listener: object, hearing: boolean) {
  if (hearing) deafListeners.delete(listener);
  else {
    deafListeners.add(listener);
    evictAll();
  }
}

export const sessionGeneration = () => generation;

export function getCachedSession(sessionId: string, now = Date.now()): Entry | undefined {
  if (!cacheTrusted()) return undefined;
  const e = entries.get(sessionId);
  if (!e) return undefined;
  if (now - e.fetchedAt > SESSION_CACHE_TTL_MS) {
    entries.delete(sessionId);
    return undefined;
  }
  return e;
}

/** Caches a resolution read at `readAt` (sessionGeneration() before the read), unless an eviction came since. */
export function cacheSession(sessionId: string, entry: Entry, readAt: number) {
  if (readAt !== generation || !cacheTrusted()) return;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(sessionId, entry);
}

export function evictSession(sessionId: string) {
  generation++;
  entries.delete(sessionId);
}

export function evictUserSessions(userId: string) {
  generation++;
  for (const [id, e] of entries) if (e.value.actor.userId === userId) entries.delete(id);
}

export function evictAll() {
  generation++;
  entries.clear();
}
