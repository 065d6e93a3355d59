/**
 * Errors of the plan-import pipeline: stable codes (the web shows its own text per code) and a
 * Vietnamese message naming the problem for the CLI and API users.
 */
import { AppError } from '../../../platform/errors.ts';

/** Largest plan file accepted: 20 MB. Real plans are well under 1 MB; scans may be a few MB. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** Largest uncompressed XML part of a .docx: a 20 MB plan never needs more; beyond is a zip bomb. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

export type PlanFileErrorCode =
  | 'PLAN_FILE_EMPTY'
  | 'PLAN_FILE_UNSUPPORTED'
  | 'PLAN_FILE_CORRUPT'
  | 'PLAN_FILE_NO_TEXT'
  | 'PLAN_FILE_LEGACY_ENCODING'
  | 'PLAN_FILE_TOO_LARGE'
  | 'PLAN_NOT_A_PLAN';

export function planFileError(
  code: PlanFileErrorCode,
  message: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return new AppError(code, 'invalid', message, { details, cause });
}
