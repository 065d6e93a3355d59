import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api-client.ts';
import type { UserView } from './list-users.ts';

export const getUser = (id: string) => get<UserView>(`/users/${encodeURIComponent(id)}`);
export const userKey = (id: string) => ['users', 'one', id] as const;

export function useUser(id: string) {
  return useQuery({ queryKey: userKey(id), queryFn: () => getUser(id) });
}
