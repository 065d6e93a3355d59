import { isEmptyScope, requireActor, scopeOf } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** Vietnam has one time zone, UTC+7 and no daylight saving: a date filter means that day there. */
const startOfDayVn = (d: string) => new Date(`${d}T00:00:00+07:00`);
const endOfDayVn = (d: string) => new Date(new Date(`${d}T00:00:00+07:00`).getTime() + 86_400_000);

export async function listAudit(
  ctx: Ctx,
  f: {
    actorId?: string;
    recordType?: string;
    recordId?: string;
    action?: string;
    from?: string;
    to?: string;
    before?: number;
    limit: number;
  },
) {
  const actor = requireActor(ctx);
  const scope = scopeOf(actor, 'audit.read');
  if (isEmptyScope(scope)) throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền xem nhật ký.');
  let q = ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.provinceIds.length ? [eb('provinceId', 'in', scope.provinceIds)] : []),
        ...(scope.communeIds.length ? [eb('communeId', 'in', scope.communeIds)] : []),
        eb.val(false),
      ]),
    );
  }
  if (f.actorId) q = q.where('actorId', '=', f.actorId);
  if (f.recordType) q = q.where('recordType', '=', f.recordType);
  if (f.recordId) q = q.where('recordId', '=', f.recordId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('occurredAt', '>=', startOfDayVn(f.from));
  if (f.to) q = q.where('occurredAt', '<', endOfDayVn(f.to));
  if (f.before) q = q.where('id', '<', f.before);
  const rows = await q.execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      occurredAt: new Date(r.occurredAt).toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      recordType: r.recordType,
      recordId: r.recordId,
      summary: r.summary,
      changes: r.changes ?? null,
      ip: r.ip,
      requestId: r.requestId,
    })),
    next: rows.length > f.limit ? Number(page[page.length - 1].id) : null,
  };
}
