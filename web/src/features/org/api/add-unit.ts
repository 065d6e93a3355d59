import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddUnitBody } from '../../../../../server/modules/org/org.contract.ts';
import { post } from '../../../lib/api-client.ts';
import type { OrgNodeDetail } from './get-org-node.ts';

export type AddUnitInput = z.input<typeof AddUnitBody>;

export const addUnit = (communeId: string, body: AddUnitInput) =>
  post<OrgNodeDetail>(`/org/units/${communeId}/units`, body);

export function useAddUnit(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddUnitInput) => addUnit(communeId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org'] }),
  });
}
