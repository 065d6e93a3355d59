import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../../lib/api-client.ts';
import type { UserView } from './list-users.ts';
import { userKey } from './get-user.ts';

export const unlockUser = (id: string) => post<UserView>(`/users/${id}/unlock`);

export function useUnlockUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unlockUser(id),
    onSuccess: (u) => {
      qc.setQueryData(userKey(id), u);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
