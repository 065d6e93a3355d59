/**
 * Errors of the plan-import pipeline: stable codes (the web shows its own text per code) and a
 * Vietnamese message naming the problem for the CLI and API users; and the limits a plan file
 * must stay within.
 */
import { AppError } from '../../../platform/errors.ts';
import type { FileKind } from '../../../platform/files.ts';

/** An uploaded plan (tệp kế hoạch): PLAN_FILE_* codes. */
export const PLAN_FILE: FileKind = { code: 'PLAN_FILE', noun: 'Tệp kế hoạch', fallbackName: 'ke-hoach' };

/** Largest plan file accepted: 20 MB. Real plans are well under 1 MB; scans may be a few MB. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Largest XML part of a .docx (word/document.xml is the big one): 8 MB. The longest real plan
 * we know (135,000 characters, /work/shared/corpus) is about 0.3 MB of document.xml as the docx
 * library writes it and 1–3 MB as Word writes it; 8 MB leaves room for heavy formatting. The
 * old guard (64 MB) let a 225 KB file inflating to 63 MB through, which mammoth parsed for
 * 93–145 s (issue 22 item 5).
 */
export const MAX_DOCX_XML_BYTES = 8 * 1024 * 1024;
/** All parts of a .docx together (pictures included: mammoth does not read them). */
export const MAX_DOCX_TOTAL_BYTES = 48 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 2_000;

/**
 * Longest text read from a plan file, in characters: seven times the longest real plan of the
 * corpus (about 135,000 characters). The plan parser runs on the main thread in about 0.6 s
 * per million characters; a 20 MB text file would have held it for ten seconds.
 */
export const MAX_PLAN_TEXT_CHARS = 1_000_000;

export type PlanFileErrorCode =
  | 'PLAN_FILE_EMPTY'
  | 'PLAN_FILE_UNSUPPORTED'
  | 'PLAN_FILE_CORRUPT'
  | 'PLAN_FILE_NO_TEXT'
  | 'PLAN_FILE_LEGACY_ENCODING'
  | 'PLAN_FILE_TOO_LARGE'
  | 'PLAN_FILE_TOO_COMPLEX'
  | 'PLAN_NOT_A_PLAN';

export function planFileError(
  code: PlanFileErrorCode,
  message: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return new AppError(code, 'invalid', message, { details, cause });
}
