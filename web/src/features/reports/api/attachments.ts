import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { del, get, upload, type UploadProgress } from '../../../lib/api-client.ts';
import type {
  AttachmentList as AttachmentListSchema,
  AttachmentView as AttachmentViewSchema,
} from '../../../../../server/modules/reporting/reporting.contract.ts';

export type AttachmentList = z.infer<typeof AttachmentListSchema>;
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;

const path = (periodId: string, unitId: string) => `/reporting/periods/${periodId}/units/${unitId}/attachments`;
const key = (periodId: string, unitId: string) => ['reports', 'attachments', periodId, unitId] as const;

/** The download address (a plain link: the session cookie goes with it). */
export const attachmentHref = (periodId: string, unitId: string, id: string) =>
  `/api/v1${path(periodId, unitId)}/${id}`;

/** Keyed by the submission's status too: once it is submitted or returned, who may change the files changes. */
export function useAttachments(periodId: string, unitId: string, status: string) {
  return useQuery({
    queryKey: [...key(periodId, unitId), status],
    queryFn: () => get<AttachmentList>(path(periodId, unitId)),
  });
}

/**
 * Attachments change apart from the form: the submission view is not replaced (that would
 * reset what the person is typing); only the list, and the calendar (a first file starts a draft).
 */
function useRefresh(periodId: string, unitId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: key(periodId, unitId) });
    void qc.invalidateQueries({ queryKey: ['reports', 'calendar'] });
  };
}

export function useUploadAttachment(periodId: string, unitId: string) {
  const refresh = useRefresh(periodId, unitId);
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (p: UploadProgress) => void }) =>
      upload<AttachmentView>(path(periodId, unitId), file, { onProgress }),
    onSettled: refresh,
  });
}

export function useDeleteAttachment(periodId: string, unitId: string) {
  const refresh = useRefresh(periodId, unitId);
  return useMutation({
    mutationFn: (id: string) => del<AttachmentList>(`${path(periodId, unitId)}/${id}`),
    onSettled: refresh,
  });
}
