import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UserPage, UserView } from '../../../../server/modules/users/users.contract.ts';
import { get } from '../api-client.ts';

export type UserSummary = z.infer<typeof UserView>;

/** A short list of people matching a name or username, for pickers. */
export const searchUsers = (q: string) => get<z.infer<typeof UserPage>>('/users', { q, limit: 10 });

export function useUserSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['users', 'search', term],
    queryFn: () => searchUsers(term),
    enabled: term.length >= 1,
    placeholderData: keepPreviousData,
  });
}
