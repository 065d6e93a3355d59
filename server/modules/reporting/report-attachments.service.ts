/**
 * Attachments of a unit's report submission (tài liệu kèm theo báo cáo): minutes, photos,
 * lists in Word or Excel that back the values and the narrative. The file checks, storage and
 * download are the platform's (server/platform/files.ts), shared with tasks' evidence.
 *
 * Who: anyone who may read the commune's reports sees and downloads them (the reviewers
 * included); the people who may submit for the unit add and remove them, and only while the
 * submission can still be edited (none yet, draft, returned). Adding the first file to a unit
 * that has saved nothing starts its draft.
 */
import { sql } from 'kysely';
import { can, type Actor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { checkUploadedFile, findOwnedFile, storeFile, type FileKind } from '../../platform/files.ts';
import { findNode } from '../org/index.ts';
import type { AttachmentList, AttachmentView } from './reporting.contract.ts';
import * as q from './reporting.queries.ts';
import { getReadablePeriod } from './reporting-calendar.service.ts';

export const ATTACHMENT: FileKind = { code: 'REPORT_FILE', noun: 'Tệp đính kèm', fallbackName: 'dinh-kem' };
/** A report carries its key evidence, not an archive: 20 files of up to EVIDENCE_MAX_BYTES each. */
export const MAX_ATTACHMENTS = 20;

const placeOf = (r: { provinceId: string; communeId: string }, unitId?: string) => ({
  provinceId: r.provinceId,
  communeId: r.communeId,
  orgUnitId: unitId ?? null,
});
const attachmentNotFound = () => notFound('REPORT_FILE_NOT_FOUND', 'tệp đính kèm');
type Status = 'none' | 'draft' | 'submitted' | 'returned' | 'approved';

/** The period, the unit and its submission (if any), when the actor may read the commune's reports. */
async function locate(ctx: Ctx, periodId: string, unitId: string) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  if (period.level !== 'unit')
    throw new AppError(
      'REPORTING_PERIOD_NOT_FOR_UNITS',
      'invalid',
      'Kỳ này là báo cáo của xã gửi tỉnh, không phải của các đơn vị.',
    );
  const unit = await findNode(ctx.db, unitId);
  if (!unit || unit.kind !== 'unit' || unit.communeId !== period.communeId)
    throw notFound('ORG_UNIT_NOT_FOUND', 'đơn vị');
  const sub = await q.findSubmission(ctx.db, periodId, unitId);
  return { actor, period, unit, sub, status: (sub?.status ?? 'none') as Status };
}

const mayChange = (actor: Actor, period: q.PeriodRow, unitId: string, status: Status) =>
  can(actor, 'reports.submit', placeOf(period, unitId)) &&
  (status === 'none' || status === 'draft' || status === 'returned');

/** Why the attachments cannot change now: 403 for people who may not submit, 409 for a locked report. */
function requireChangeable(actor: Actor, period: q.PeriodRow, unitId: string, status: Status) {
  if (!can(actor, 'reports.submit', placeOf(period, unitId)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền đính kèm tệp vào báo cáo của đơn vị này.');
  if (status === 'approved')
    throw new AppError(
      'REPORT_LOCKED',
      'conflict',
      'Báo cáo đã được duyệt và khóa; không thêm hoặc xóa tệp đính kèm được nữa.',
    );
  if (status === 'submitted')
    throw new AppError(
      'REPORT_LOCKED',
      'conflict',
      'Báo cáo đã nộp, đang chờ duyệt; không thêm hoặc xóa tệp đính kèm được nữa.',
    );
}

function listRows(ctx: Ctx, communeId: string, submissionId: string) {
  return ctx.db
    .selectFrom('reportAttachments as a')
    .innerJoin('files as f', 'f.id', 'a.fileId')
    .leftJoin('users as u', 'u.id', 'a.createdBy')
    .select([
      'a.id',
      'f.fileName',
      'f.mediaType',
      'f.byteSize',
      'f.sha256',
      'a.createdAt',
      'u.fullName as createdByName',
    ])
    .where('a.communeId', '=', communeId)
    .where('a.submissionId', '=', submissionId)
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .execute();
}

const toView = (r: Awaited<ReturnType<typeof listRows>>[number]): AttachmentView => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function listAttachments(ctx: Ctx, periodId: string, unitId: string): Promise<AttachmentList> {
  const { actor, period, sub, status } = await locate(ctx, periodId, unitId);
  const items = sub ? (await listRows(ctx, period.communeId, sub.id)).map(toView) : [];
  return {
    items,
    canChange: mayChange(actor, period, unitId, status),
    maxBytes: ctx.config.evidenceMaxBytes,
    maxCount: MAX_ATTACHMENTS,
  };
}

/** The checks that need no file: run before the upload is read, so a refused person sends no bytes in vain. */
export async function assertCanAttach(ctx: Ctx, periodId: string, unitId: string) {
  const { actor, period, status } = await locate(ctx, periodId, unitId);
  requireChangeable(actor, period, unitId, status);
}

export async function uploadAttachment(
  ctx: Ctx,
  periodId: string,
  unitId: string,
  file: { fileName: string; bytes: Uint8Array },
): Promise<AttachmentView> {
  const { actor, period, unit, sub, status } = await locate(ctx, periodId, unitId);
  requireChangeable(actor, period, unitId, status);
  const checked = await checkUploadedFile(ATTACHMENT, file.fileName, file.bytes, ctx.config.evidenceMaxBytes);
  const tenant = { provinceId: period.provinceId, communeId: period.communeId };
  return inTransaction(ctx, async (tx) => {
    let submissionId = sub?.id;
    if (!submissionId) {
      submissionId = (
        await tx.db
          .insertInto('reportSubmissions')
          .values({
            ...tenant,
            periodId,
            unitId,
            submittedAt: null,
            submittedBy: null,
            isLate: null,
            reviewComment: null,
            reviewedBy: null,
            reviewedAt: null,
            generalNote: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      // Still editable at this instant (a submit may have happened since the check above).
      const r = await tx.db
        .updateTable('reportSubmissions')
        .set({ updatedAt: sql`now()` })
        .where('id', '=', submissionId)
        .where('status', 'in', ['draft', 'returned'])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo vừa được nộp; không thêm tệp đính kèm được nữa.');
    }
    const count = await tx.db
      .selectFrom('reportAttachments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('submissionId', '=', submissionId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ATTACHMENTS)
      throw new AppError(
        'REPORT_FILES_TOO_MANY',
        'conflict',
        `Mỗi báo cáo đính kèm tối đa ${MAX_ATTACHMENTS} tệp; hãy xóa bớt tệp không cần thiết.`,
      );
    const f = await storeFile(
      tx.db,
      { ...tenant, ownerType: 'report_submission', ownerId: submissionId },
      checked,
      file.bytes,
      actor.userId,
    );
    const a = await tx.db
      .insertInto('reportAttachments')
      .values({ ...tenant, submissionId, fileId: f.id, createdBy: actor.userId })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'report.attachment_added',
      recordType: 'report_submission',
      recordId: submissionId,
      summary: `Đính kèm "${checked.fileName}" vào báo cáo ${period.label} của ${unit.fullName}`,
      changes: { attachmentId: a.id, fileId: f.id, ...checked },
      ...tenant,
    });
    return {
      id: a.id,
      fileName: f.fileName,
      mediaType: f.mediaType,
      byteSize: f.byteSize,
      sha256: f.sha256,
      createdAt: new Date(a.createdAt).toISOString(),
      createdByName: actor.fullName,
    };
  });
}

async function findAttachment(ctx: Ctx, communeId: string, submissionId: string | undefined, attachmentId: string) {
  if (!submissionId) return undefined;
  return ctx.db
    .selectFrom('reportAttachments')
    .selectAll()
    .where('communeId', '=', communeId)
    .where('submissionId', '=', submissionId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function downloadAttachment(ctx: Ctx, periodId: string, unitId: string, attachmentId: string) {
  const { period, sub } = await locate(ctx, periodId, unitId);
  const a = await findAttachment(ctx, period.communeId, sub?.id, attachmentId);
  const f = a
    ? await findOwnedFile(
        ctx.db,
        { communeId: period.communeId, ownerType: 'report_submission', ownerId: a.submissionId },
        a.fileId,
      )
    : undefined;
  if (!f) throw attachmentNotFound();
  return f;
}

export async function deleteAttachment(
  ctx: Ctx,
  periodId: string,
  unitId: string,
  attachmentId: string,
): Promise<AttachmentList> {
  const { actor, period, unit, sub, status } = await locate(ctx, periodId, unitId);
  const a = await findAttachment(ctx, period.communeId, sub?.id, attachmentId);
  if (!a) throw attachmentNotFound();
  requireChangeable(actor, period, unitId, status);
  await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('reportSubmissions')
      .set({ updatedAt: sql`now()` })
      .where('id', '=', a.submissionId)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo vừa được nộp; không xóa tệp đính kèm được nữa.');
    const f = await tx.db
      .deleteFrom('files')
      .where('id', '=', a.fileId)
      .where('ownerType', '=', 'report_submission')
      .returning(['fileName', 'sha256'])
      .executeTakeFirst();
    await audit(tx, {
      action: 'report.attachment_removed',
      recordType: 'report_submission',
      recordId: a.submissionId,
      summary: `Xóa tệp đính kèm "${f?.fileName ?? ''}" khỏi báo cáo ${period.label} của ${unit.fullName}`,
      changes: { attachmentId: a.id, fileId: a.fileId, sha256: f?.sha256 ?? null },
      provinceId: period.provinceId,
      communeId: period.communeId,
    });
  });
  return listAttachments(ctx, periodId, unitId);
}
