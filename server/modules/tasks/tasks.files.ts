/**
 * Evidence files (minh chứng) of a task: the platform's checks (server/platform/files.ts —
 * type by content, nothing hidden inside, size limit, checksum, safe name) with the tasks
 * module's own words and error codes (TASK_FILE_*). No database.
 */
import {
  checkUploadedFile,
  fileTooLarge as platformFileTooLarge,
  type CheckedFile,
  type FileKind,
} from '../../platform/files.ts';

export const EVIDENCE: FileKind = { code: 'TASK_FILE', noun: 'Tệp minh chứng', fallbackName: 'minh-chung' };

/** Checks an uploaded evidence file: not empty, within the limit, a safe type whose extension agrees. */
export const checkEvidenceFile = (fileName: string, bytes: Uint8Array, maxBytes: number): Promise<CheckedFile> =>
  checkUploadedFile(EVIDENCE, fileName, bytes, maxBytes);

export const fileTooLarge = (maxBytes: number) => platformFileTooLarge(EVIDENCE, maxBytes);
