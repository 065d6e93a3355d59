/**
 * Kept files in the `files` table (0003-tasks.sql explains why in the database): written in
 * the caller's transaction after the checks of stored-files.ts, read back only for their
 * owner in their commune.
 */
import type { Generated } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { CheckedFile } from './stored-files.ts';

/** What a file belongs to: the owner's id is checked on every download. */
export type FileOwnerType = 'task' | 'report_submission';

export interface FileTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  ownerType: FileOwnerType;
  ownerId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  content: Uint8Array;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export const StoredFileView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string().describe('Loại tệp nhận dạng theo nội dung'),
  byteSize: z.number().int(),
  sha256: z.string().describe('Mã băm SHA-256 (hex) để kiểm tra toàn vẹn'),
  createdAt: z.string(),
});
export type StoredFileView = z.infer<typeof StoredFileView>;

export interface FileOwner {
  provinceId: string;
  communeId: string;
  ownerType: FileOwnerType;
  ownerId: string;
}

/** Stores checked bytes for their owner (in the caller's transaction); returns the new file's view. */
export async function storeFile(
  db: Db,
  owner: FileOwner,
  checked: CheckedFile,
  bytes: Uint8Array,
  createdBy: string | null,
): Promise<StoredFileView> {
  const f = await db
    .insertInto('files')
    .values({ ...owner, ...checked, content: bytes, createdBy })
    .returning(['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'createdAt'])
    .executeTakeFirstOrThrow();
  return { ...f, createdAt: new Date(f.createdAt).toISOString() };
}

/** The file with its bytes, only if it belongs to this owner in this commune. */
export function findOwnedFile(db: Db, owner: Omit<FileOwner, 'provinceId'>, fileId: string) {
  return db
    .selectFrom('files')
    .select(['id', 'fileName', 'mediaType', 'byteSize', 'sha256', 'content'])
    .where('communeId', '=', owner.communeId)
    .where('ownerType', '=', owner.ownerType)
    .where('ownerId', '=', owner.ownerId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}
