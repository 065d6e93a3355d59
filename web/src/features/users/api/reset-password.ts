import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../../lib/api-client.ts';

export const resetPassword = (id: string) => post<{ temporaryPassword: string }>(`/users/${id}/reset-password`);

export function useResetPassword(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}
