import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GrantBody } from '../../../../../server/modules/users/users.contract.ts';
import { post } from '../../../lib/api-client.ts';
import type { UserView } from './list-users.ts';
import { userKey } from './get-user.ts';

export type GrantInput = z.input<typeof GrantBody>;

export const addGrant = (id: string, body: GrantInput) => post<UserView>(`/users/${id}/grants`, body);

export function useAddGrant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantInput) => addGrant(id, body),
    onSuccess: (u) => {
      qc.setQueryData(userKey(id), u);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
