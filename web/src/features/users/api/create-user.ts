import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateUserBody, CreateUserResponse } from '../../../../../server/modules/users/users.contract.ts';
import { post } from '../../../lib/api-client.ts';

export type CreateUserInput = z.input<typeof CreateUserBody>;
export type CreatedUser = z.infer<typeof CreateUserResponse>;

export const createUser = (body: CreateUserInput) => post<CreatedUser>('/users', body);

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}
