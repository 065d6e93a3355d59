import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  UserPage as UserPageSchema,
  UserView as UserViewSchema,
} from '../../../../../server/modules/users/users.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type UserView = z.infer<typeof UserViewSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export interface UserFilter {
  q?: string;
  orgUnitId?: string;
}

export const PAGE_SIZE = 30;
export const listUsers = (f: UserFilter, after?: string) =>
  get<UserPage>('/users', { q: f.q, orgUnitId: f.orgUnitId, after, limit: PAGE_SIZE });

/** Keyset pages ("load more"), newest filter first. */
export function useUserList(f: UserFilter) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', f],
    queryFn: ({ pageParam }) => listUsers(f, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
