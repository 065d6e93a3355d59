import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntryView, AuditPage } from '../../../../../server/modules/audit/audit.contract.ts';
import { get } from '../../../lib/api-client.ts';

export type AuditEntry = z.infer<typeof AuditEntryView>;
export interface AuditFilter {
  actorId?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE = 50;
export const listAudit = (f: AuditFilter, before?: number) =>
  get<z.infer<typeof AuditPage>>('/audit', { ...f, before, limit: AUDIT_PAGE });

/** Newest first; "load more" asks for rows before the last one shown. */
export function useAuditLog(f: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', f],
    queryFn: ({ pageParam }) => listAudit(f, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}
