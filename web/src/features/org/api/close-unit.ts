import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CloseUnitBody } from '../../../../../server/modules/org/org.contract.ts';
import { post } from '../../../lib/api-client.ts';
import type { OrgNodeDetail } from './get-org-node.ts';

export type CloseUnitInput = z.input<typeof CloseUnitBody>;

export const closeUnit = (id: string, body: CloseUnitInput) => post<OrgNodeDetail>(`/org/units/${id}/close`, body);

export function useCloseUnit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseUnitInput) => closeUnit(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org'] }),
  });
}
