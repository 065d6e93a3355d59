import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put, upload, type UploadProgress } from '../../../lib/api-client.ts';
import { taskKeys, type FileView, type TaskDetail } from './types.ts';

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => get<TaskDetail>(`/tasks/${id}`) });
}

export type TaskAction =
  | {
      kind: 'progress';
      body: { percent: number; note: string; fileIds?: string[]; milestoneId?: string; expectedSeq?: number };
    }
  | { kind: 'submit'; body: { note: string; fileIds?: string[]; expectedSeq?: number } }
  | { kind: 'verify'; body: { note?: string | null; expectedSeq?: number } }
  | { kind: 'return'; body: { reason: string; expectedSeq?: number } }
  | { kind: 'comment'; body: { text: string } };

export const runAction = (id: string, a: TaskAction) =>
  a.kind === 'comment'
    ? post<TaskDetail>(`/tasks/${id}/comments`, a.body)
    : post<TaskDetail>(`/tasks/${id}/actions/${a.kind}`, a.body);

/**
 * One button of a task (progress, submit, verify, return, comment). The answer is the task as
 * it now is; every list that may show it is refreshed.
 */
export function useTaskAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: TaskAction }) => runAction(id, action),
    onSuccess: (task) => {
      qc.setQueryData(taskKeys.detail(task.id), task);
      void qc.invalidateQueries({ queryKey: taskKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** An evidence file (minh chứng) uploaded to the task; it is attached by the next progress or submit. */
export function useUploadEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (p: UploadProgress) => void }) =>
      upload<FileView>(`/tasks/${id}/files`, file, { onProgress }),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.detail(id) }),
  });
}

export function useSaveMilestones(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { milestones: { id?: string; title: string; dueDate: string }[]; expectedSeq?: number }) =>
      put<TaskDetail>(`/tasks/${id}/milestones`, body),
    onSuccess: (task) => {
      qc.setQueryData(taskKeys.detail(id), task);
      void qc.invalidateQueries({ queryKey: taskKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

export function useUpdateTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => patch<TaskDetail>(`/tasks/${id}`, body),
    onSuccess: (task) => {
      qc.setQueryData(taskKeys.detail(id), task);
      void qc.invalidateQueries({ queryKey: taskKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

export const fileUrl = (taskId: string, fileId: string) => `/api/v1/tasks/${taskId}/files/${fileId}`;
