/**
 * Evidence files (minh chứng) of a task: the platform's checks (server/platform/files.ts —
 * type by content, size limit, checksum, safe name) with the tasks module's own words and
 * error codes (TASK_FILE_*). Pure, no I/O.
 */
import {
  checkUploadedFile,
  fileTooLarge as platformFileTooLarge,
  type CheckedFile,
  type FileKind,
} from '../../platform/files.ts';

export const EVIDENCE: FileKind = { code: 'TASK_FILE', noun: 'Tệp minh chứng' };

/** Checks an uploaded evidence file: not empty, within the limit, a safe type whose extension agrees. */
export const checkEvidenceFile = (fileName: string, bytes: Uint8Array, maxBytes: number): CheckedFile =>
  checkUploadedFile(EVIDENCE, fileName, bytes, maxBytes);

export const fileTooLarge = (maxBytes: number) => platformFileTooLarge(EVIDENCE, maxBytes);
