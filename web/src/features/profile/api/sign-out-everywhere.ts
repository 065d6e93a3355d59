import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../../lib/api-client.ts';
import { clearSession } from '../../../lib/session.ts';

export const signOutEverywhere = () => post<{ ok: true; sessionsEnded: number }>('/auth/sign-out-everywhere');

export function useSignOutEverywhere() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: signOutEverywhere, onSuccess: () => clearSession(qc) });
}
