import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgNodeDetail as OrgNodeDetailSchema } from '../../../../../server/modules/org/org.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type OrgNodeDetail = z.infer<typeof OrgNodeDetailSchema>;
export type OrgChild = OrgNodeDetail['children'][number];

/** One node of the tree with its ancestors, children and the actions the person may take. No id: the root. */
export const getOrgNode = (id: string | undefined, includeClosed: boolean) =>
  get<OrgNodeDetail>(
    id ? `/org/units/${encodeURIComponent(id)}` : '/org/root',
    includeClosed ? { includeClosed: 'true' } : undefined,
  );

export const orgNodeKey = (id: string | undefined, includeClosed: boolean) =>
  ['org', 'node', id ?? 'root', includeClosed] as const;

export function useOrgNode(id: string | undefined, includeClosed: boolean) {
  return useQuery({
    queryKey: orgNodeKey(id, includeClosed),
    queryFn: () => getOrgNode(id, includeClosed),
    placeholderData: keepPreviousData,
  });
}
