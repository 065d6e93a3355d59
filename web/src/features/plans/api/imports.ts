import { useQuery } from '@tanstack/react-query';
import { get, post, put } from '../../../lib/api-client.ts';
import {
  planKeys,
  type ImportView,
  type PlanChanges,
  type PlanContent,
  type PlanView,
  type TargetContent,
  type TaskContent,
} from './types.ts';

/** The draft being reviewed: source lines, what was read, suggestions and the saved review. */
export const getImport = (id: string) => get<ImportView>(`/plans/imports/${encodeURIComponent(id)}`);
export function useImport(id: string) {
  // The review lives in the page's state once loaded; never refetch it under the person's hands.
  return useQuery({ queryKey: planKeys.draft(id), queryFn: () => getImport(id), staleTime: Infinity, gcTime: 0 });
}

export const saveReview = (id: string, content: PlanContent, keepalive = false) =>
  put<ImportView>(`/plans/imports/${id}/review`, content, { keepalive });
export const previewChanges = (id: string, content: PlanContent) =>
  post<{ changes: PlanChanges | null }>(`/plans/imports/${id}/preview`, content);
export const commitImport = (id: string, content: PlanContent, note: string | null) =>
  post<PlanView>(`/plans/imports/${id}/commit`, { ...content, note });
export const discardImport = (id: string) => post<ImportView>(`/plans/imports/${id}/discard`);

export interface PassageInput {
  text: string;
  firstLine: number;
  kind: 'target' | 'task';
  groupName: string | null;
  year: number | null;
}
/** Targets or tasks read from lines the person selected ("add a missing item"). */
export const readPassage = (body: PassageInput) =>
  post<{ targets: TargetContent[]; tasks: TaskContent[] }>('/plans/passage', body);
