import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateUserBody } from '../../../../../server/modules/users/users.contract.ts';
import { patch } from '../../../lib/api-client.ts';
import type { UserView } from './list-users.ts';
import { userKey } from './get-user.ts';

export type UpdateUserInput = z.input<typeof UpdateUserBody>;

/** Edit details, or disable / enable the account. */
export const updateUser = (id: string, body: UpdateUserInput) => patch<UserView>(`/users/${id}`, body);

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserInput) => updateUser(id, body),
    onSuccess: (u) => {
      qc.setQueryData(userKey(id), u);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
