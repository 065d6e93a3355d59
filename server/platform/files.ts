/**
 * Files, for every module (docs/ARCHITECTURE.md "files"): one way in, one way out.
 *
 * - files/uploads.ts — `readUpload`: the single file of a multipart request, after the person
 *   is known, within the limit, with the module's own codes (`FileKind`).
 * - files/content-type.ts — what bytes are, by content (file-type), and what hides in them.
 * - files/zip.ts — the one ZIP reader (yauzl): entries and real sizes, zip bombs refused
 *   before anything parses the archive.
 * - files/stored-files.ts — the checks for files kept and served back (evidence,
 *   attachments); files/storage.ts — the `files` table.
 * - files/file-names.ts — the one safe-file-name rule.
 * - files/downloads.ts — the one download-header writer, for stored and generated files.
 */
export * from './files/content-type.ts';
export * from './files/downloads.ts';
export * from './files/file-names.ts';
export * from './files/storage.ts';
export * from './files/stored-files.ts';
export * from './files/uploads.ts';
export * from './files/zip.ts';
