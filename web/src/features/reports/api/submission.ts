import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../../lib/api-client.ts';
import { reportKeys, type SaveBody, type SubmissionView } from './types.ts';

const path = (periodId: string, unitId: string) => `/reporting/periods/${periodId}/units/${unitId}`;

export function useSubmission(periodId: string, unitId: string) {
  return useQuery({
    queryKey: reportKeys.submission(periodId, unitId),
    queryFn: () => get<SubmissionView>(path(periodId, unitId)),
  });
}

/** Every change of a submission also changes the calendar's chips and the completeness figures. */
function useStore() {
  const qc = useQueryClient();
  return (view: SubmissionView) => {
    qc.setQueryData(reportKeys.submission(view.periodId, view.unitId), view);
    void qc.invalidateQueries({ queryKey: ['reports', 'calendar'] });
    void qc.invalidateQueries({ queryKey: ['reports', 'completeness'] });
  };
}

export function useSaveSubmission(periodId: string, unitId: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: SaveBody) => put<SubmissionView>(path(periodId, unitId), body),
    onSuccess: store,
  });
}

/** Submits the form as it stands: the server saves these values and submits them in one step. */
export function useSubmitSubmission(periodId: string, unitId: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: SaveBody) => post<SubmissionView>(`${path(periodId, unitId)}/submit`, body),
    onSuccess: store,
  });
}

export function useReviewSubmission() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, decision, comment }: { id: string; decision: 'return' | 'approve'; comment?: string | null }) =>
      post<SubmissionView>(
        `/reporting/submissions/${id}/${decision}`,
        decision === 'return' ? { comment } : { comment: comment ?? null },
      ),
    onSuccess: store,
  });
}
