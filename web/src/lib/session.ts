import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CurrentUser as CurrentUserSchema,
  SessionView as SessionViewSchema,
} from '../../../server/modules/auth/auth.contract.ts';
import { ApiError, get, post, setCsrfToken } from './api-client.ts';

export type CurrentUser = z.infer<typeof CurrentUserSchema>;
export type SessionView = z.infer<typeof SessionViewSchema>;
export type Capability =
  | 'org.read'
  | 'org.units.manage'
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'plans.read'
  | 'plans.manage'
  | 'catalogue.read'
  | 'catalogue.manage'
  | 'reports.read'
  | 'reports.submit'
  | 'reports.review'
  | 'reports.sign'
  | 'reports.receive'
  | 'tasks.read'
  | 'tasks.assign'
  | 'tasks.work'
  | 'tasks.approve';

export const sessionKey = ['session'] as const;
const FLASH_KEY = 'xaso.flash';

/** The signed-in person, or null. The CSRF token goes to the API client's memory only. */
async function fetchSession(): Promise<SessionView | null> {
  try {
    const view = await get<SessionView>('/auth/me');
    setCsrfToken(view.csrfToken);
    return view;
  } catch (err) {
    if (err instanceof ApiError && err.isUnauthenticated) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/**
 * The signed-in person, provided by the route guard. A context (not the query) so that a page
 * re-rendering in the instant the session ends still sees the last person while the guard
 * redirects to sign-in.
 */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside a signed-in page');
  return user;
}

export const hasCapability = (user: CurrentUser | null | undefined, cap: Capability) =>
  !!user?.capabilities.includes(cap);

export function storeSession(qc: QueryClient, view: SessionView) {
  setCsrfToken(view.csrfToken);
  qc.setQueryData(sessionKey, view);
}

/** Forget everything cached about the person (other people may use this browser next). */
export function clearSession(qc: QueryClient, reason?: 'SESSION_EXPIRED') {
  setCsrfToken(null);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  qc.setQueryData(sessionKey, null);
  if (reason) {
    try {
      sessionStorage.setItem(FLASH_KEY, reason);
    } catch {
      /* ignore */
    }
  }
}

/** Why the person was sent to sign-in (read, then cleared by the sign-in page). */
export function readFlash(): string | null {
  try {
    return sessionStorage.getItem(FLASH_KEY);
  } catch {
    return null;
  }
}
export function clearFlash() {
  try {
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    /* ignore */
  }
}

export const isSessionGone = (err: unknown) =>
  err instanceof ApiError && (err.code === 'SESSION_EXPIRED' || err.code === 'UNAUTHENTICATED');

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true }>('/auth/sign-out'),
    onSettled: () => clearSession(qc),
  });
}
