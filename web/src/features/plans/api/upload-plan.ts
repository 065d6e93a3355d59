import { upload, type UploadProgress } from '../../../lib/api-client.ts';
import type { ImportView } from './types.ts';

/** Extensions the importer reads, and its size limit (server: MAX_PLAN_FILE_BYTES). */
export const PLAN_FILE_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

export type PlanFileProblem = 'extension' | 'size' | 'empty';

/** Checked in the browser before sending, so a wrong file fails at once and in Vietnamese. */
export function checkPlanFile(file: { name: string; size: number }): PlanFileProblem | null {
  const name = file.name.toLowerCase();
  if (!PLAN_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'extension';
  if (file.size > MAX_PLAN_FILE_BYTES) return 'size';
  if (file.size === 0) return 'empty';
  return null;
}

export function uploadPlan(
  file: File,
  where: { communeId: string; planId?: string },
  opts: { onProgress?: (p: UploadProgress) => void; onUploaded?: () => void; signal?: AbortSignal },
) {
  return upload<ImportView>('/plans/imports', file, {
    query: { communeId: where.communeId, planId: where.planId },
    ...opts,
  });
}
