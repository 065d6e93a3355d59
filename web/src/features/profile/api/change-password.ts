import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody } from '../../../../../server/modules/auth/auth.contract.ts';
import { post } from '../../../lib/api-client.ts';
import { sessionKey, type SessionView } from '../../../lib/session.ts';

export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

export const changePassword = (body: ChangePasswordInput) => post<{ ok: true }>('/auth/change-password', body);

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword turns false on the server; read the session again.
    onSuccess: () => {
      qc.setQueryData<SessionView | null>(sessionKey, (v) =>
        v ? { ...v, user: { ...v.user, mustChangePassword: false } } : v,
      );
      return qc.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
