import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RenameUnitBody } from '../../../../../server/modules/org/org.contract.ts';
import { patch } from '../../../lib/api-client.ts';
import type { OrgNodeDetail } from './get-org-node.ts';

export type RenameUnitInput = z.input<typeof RenameUnitBody>;

export const renameUnit = (id: string, body: RenameUnitInput) => patch<OrgNodeDetail>(`/org/units/${id}`, body);

export function useRenameUnit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RenameUnitInput) => renameUnit(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org'] }),
  });
}
