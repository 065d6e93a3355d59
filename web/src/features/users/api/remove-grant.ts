import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del } from '../../../lib/api-client.ts';
import type { UserView } from './list-users.ts';
import { userKey } from './get-user.ts';

export const removeGrant = (id: string, grantId: string) => del<UserView>(`/users/${id}/grants/${grantId}`);

export function useRemoveGrant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => removeGrant(id, grantId),
    onSuccess: (u) => {
      qc.setQueryData(userKey(id), u);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
