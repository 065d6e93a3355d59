import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SignInBody } from '../../../../../server/modules/auth/auth.contract.ts';
import { post } from '../../../lib/api-client.ts';
import { storeSession, type SessionView } from '../../../lib/session.ts';

export type SignInInput = z.input<typeof SignInBody>;

export const signIn = (body: SignInInput) => post<SessionView>('/auth/sign-in', body);

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (view) => {
      qc.clear();
      storeSession(qc, view);
    },
  });
}
