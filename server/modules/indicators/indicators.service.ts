import { sql } from 'kysely';
import { type Actor, can, hasRole, requireActor, scopeOf } from '../../platform/access.ts';
import { audit, diff } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { foldVietnamese } from '../../platform/text.ts';
import { findNode } from '../org/index.ts';
import { canEditIndicator, mergeAddsAliases, mergeRefusal, newEntryProvince } from './indicators.policy.ts';
import * as q from './indicators.queries.ts';

const indicatorNotFound = () => notFound('INDICATOR_NOT_FOUND', 'chỉ tiêu trong danh mục');

function requireRead(actor: Actor) {
  const s = scopeOf(actor, 'catalogue.read');
  if (!s.all && !s.provinceIds.length && !s.communeIds.length)
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền xem danh mục chỉ tiêu.');
}

const cannotEdit = () =>
  new AppError(
    'FORBIDDEN',
    'forbidden',
    'Danh mục dùng chung chỉ cấp quốc gia biên tập; chỉ tiêu riêng của tỉnh do cán bộ của tỉnh đó biên tập.',
  );

/** An entry as the actor sees it: with whether they may edit it (indicators.policy.ts). */
const viewFor = (actor: Actor, row: q.CatalogueEntryRow) => ({ ...row, editable: canEditIndicator(actor, row) });

export async function listIndicators(ctx: Ctx, f: { q?: string; domain?: string; includeMerged: boolean }) {
  const actor = requireActor(ctx);
  requireRead(actor);
  const rows = await q.listIndicators(ctx.db, {
    folded: f.q ? foldVietnamese(f.q) : undefined,
    domain: f.domain,
    includeMerged: f.includeMerged,
  });
  return { items: rows.map((r) => viewFor(actor, r)) };
}

export async function getIndicator(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  requireRead(actor);
  const i = await q.findIndicator(ctx.db, id);
  if (!i) throw indicatorNotFound();
  return viewFor(actor, i);
}

type IndicatorInput = {
  code: string;
  name: string;
  unit: string;
  domain: 'digital_government' | 'digital_economy' | 'digital_society' | 'infrastructure' | 'other';
  description?: string | null;
  numerator?: string | null;
  denominator?: string | null;
  source?: string | null;
  aliases: string[];
};

export async function createIndicator(ctx: Ctx, body: IndicatorInput) {
  const actor = requireActor(ctx);
  // A province officer's new entry belongs to their province; the national level's is shared.
  const { may, provinceId } = newEntryProvince(actor);
  if (!may)
    throw new AppError(
      'FORBIDDEN',
      'forbidden',
      'Chỉ cán bộ cấp tỉnh hoặc quản trị hệ thống mới biên tập danh mục chỉ tiêu.',
    );
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('indicators').select('id').where('code', '=', body.code).executeTakeFirst();
    if (taken)
      throw new AppError('INDICATOR_CODE_TAKEN', 'conflict', `Mã ${body.code} đã có trong danh mục.`, {
        fields: [{ path: 'body.code', message: 'Mã đã có' }],
      });
    const row = await tx.db
      .insertInto('indicators')
      .values({
        ...body,
        description: body.description ?? null,
        numerator: body.numerator ?? null,
        denominator: body.denominator ?? null,
        source: body.source ?? null,
        aliases: JSON.stringify(body.aliases),
        provinceId,
        mergedIntoId: null,
        createdBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'indicator.created',
      recordType: 'indicator',
      recordId: row.id,
      summary: `Thêm chỉ tiêu ${body.code} "${body.name}" vào danh mục`,
      changes: body,
      provinceId,
    });
    return viewFor(actor, (await q.findIndicator(tx.db, row.id))!);
  });
}

export async function updateIndicator(ctx: Ctx, id: string, body: Partial<Omit<IndicatorInput, 'code'>>) {
  const actor = requireActor(ctx);
  const current = await q.findIndicator(ctx.db, id);
  if (!current) throw indicatorNotFound();
  if (!canEditIndicator(actor, current)) throw cannotEdit();
  return inTransaction(ctx, async (tx) => {
    const { aliases, ...rest } = body;
    await tx.db
      .updateTable('indicators')
      .set({ ...rest, ...(aliases ? { aliases: JSON.stringify(aliases) } : {}), updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'indicator.updated',
      recordType: 'indicator',
      recordId: id,
      summary: `Sửa chỉ tiêu ${current.code} trong danh mục`,
      changes: diff(current as unknown as Record<string, unknown>, body),
      provinceId: current.provinceId,
    });
    return viewFor(actor, (await q.findIndicator(tx.db, id))!);
  });
}

/** Merges a duplicate into the kept indicator: links move, the duplicate's name becomes an alias. */
export async function mergeIndicator(ctx: Ctx, id: string, intoId: string) {
  const actor = requireActor(ctx);
  if (id === intoId) throw new AppError('INDICATOR_MERGE_SELF', 'invalid', 'Không thể gộp một chỉ tiêu vào chính nó.');
  const [from, into] = await Promise.all([q.findIndicator(ctx.db, id), q.findIndicator(ctx.db, intoId)]);
  if (!from || !into) throw indicatorNotFound();
  const refusal = mergeRefusal(actor, from, into);
  if (refusal === 'FORBIDDEN') throw cannotEdit();
  if (refusal === 'NARROWER')
    throw new AppError(
      'INDICATOR_MERGE_NARROWER',
      'invalid',
      'Chỉ gộp được vào chỉ tiêu dùng chung hoặc chỉ tiêu riêng của cùng tỉnh: các xã khác không dùng được chỉ tiêu riêng của một tỉnh.',
    );
  if (from.mergedIntoId || into.mergedIntoId)
    throw new AppError('INDICATOR_ALREADY_MERGED', 'conflict', 'Chỉ tiêu đã được gộp trước đó.');
  if (from.unit !== into.unit)
    throw new AppError(
      'INDICATOR_UNIT_MISMATCH',
      'invalid',
      `Không gộp được: đơn vị khác nhau (${from.unit} và ${into.unit}).`,
    );
  return inTransaction(ctx, async (tx) => {
    const moved = await tx.db
      .updateTable('planTargets')
      .set({ indicatorId: into.id })
      .where('indicatorId', '=', from.id)
      .executeTakeFirst();
    // The kept entry learns the duplicate's names, unless it is one the actor may not edit (a shared one).
    if (mergeAddsAliases(actor, into)) {
      const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])];
      await tx.db
        .updateTable('indicators')
        .set({ aliases: JSON.stringify(aliases), updatedAt: sql`now()` })
        .where('id', '=', into.id)
        .execute();
    }
    await tx.db
      .updateTable('indicators')
      .set({ mergedIntoId: into.id, updatedAt: sql`now()` })
      .where('id', '=', from.id)
      .execute();
    await audit(tx, {
      action: 'indicator.merged',
      recordType: 'indicator',
      recordId: from.id,
      summary: `Gộp chỉ tiêu ${from.code} vào ${into.code} (${Number(moved.numUpdatedRows)} liên kết chuyển sang)`,
      changes: { mergedInto: into.id },
      provinceId: from.provinceId,
    });
    return viewFor(actor, (await q.findIndicator(tx.db, into.id))!);
  });
}

// ——— Criteria sets (a province's assessment of its communes) ———

export async function listCriteriaSets(ctx: Ctx, provinceId?: string) {
  const actor = requireActor(ctx);
  requireRead(actor);
  const scope = scopeOf(actor, 'catalogue.read');
  let query = ctx.db
    .selectFrom('criteriaSets as s')
    .select(['s.id', 's.provinceId', 's.name', 's.year', 's.legalBasis'])
    .select((eb) => [
      eb
        .selectFrom('criteria as c')
        .select(sql<number>`coalesce(sum(c.max_points), 0)`.as('m'))
        .whereRef('c.setId', '=', 's.id')
        .as('maxPoints'),
      eb
        .selectFrom('criteria as c')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('c.setId', '=', 's.id')
        .as('criterionCount'),
    ])
    .orderBy('s.createdAt', 'desc');
  if (provinceId) query = query.where('s.provinceId', '=', provinceId);
  const rows = await query.execute();
  const provincesSeen = new Set([
    ...scope.provinceIds,
    ...actor.grants.map((g) => g.provinceId).filter((p): p is string => !!p),
  ]);
  return {
    items: rows
      .filter((r) => scope.all || provincesSeen.has(r.provinceId))
      .map((r) => ({ ...r, maxPoints: Number(r.maxPoints ?? 0), criterionCount: Number(r.criterionCount ?? 0) })),
  };
}

export async function getCriteriaSet(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const set = await ctx.db.selectFrom('criteriaSets').selectAll().where('id', '=', id).executeTakeFirst();
  const inScope = set && (scopeOf(actor, 'org.read').all || actor.grants.some((g) => g.provinceId === set.provinceId));
  if (!set || !inScope) throw notFound('CRITERIA_SET_NOT_FOUND', 'bộ tiêu chí');
  requireRead(actor);
  const criteria = await ctx.db
    .selectFrom('criteria')
    .selectAll()
    .where('setId', '=', id)
    .orderBy('sortOrder')
    .execute();
  return {
    id: set.id,
    provinceId: set.provinceId,
    name: set.name,
    year: set.year,
    legalBasis: set.legalBasis,
    maxPoints: criteria.reduce((n, c) => n + Number(c.maxPoints), 0),
    criteria: criteria.map((c) => ({
      id: c.id,
      groupName: c.groupName,
      code: c.code,
      name: c.name,
      maxPoints: Number(c.maxPoints),
      scoring: c.scoring as never,
      evidence: c.evidence,
      indicatorId: c.indicatorId,
    })),
  };
}

export async function createCriteriaSet(
  ctx: Ctx,
  body: {
    provinceId: string;
    name: string;
    year?: number | null;
    legalBasis?: string | null;
    criteria: {
      groupName: string;
      code: string;
      name: string;
      maxPoints: number;
      scoring: unknown;
      evidence?: string | null;
      indicatorId?: string | null;
    }[];
  },
) {
  const actor = requireActor(ctx);
  const province = await findNode(ctx.db, body.provinceId);
  const seesProvince =
    !!province && (scopeOf(actor, 'org.read').all || actor.grants.some((g) => g.provinceId === province.id));
  if (!province || province.kind !== 'province' || !seesProvince) throw notFound('ORG_UNIT_NOT_FOUND', 'tỉnh');
  if (
    !can(actor, 'catalogue.manage', { provinceId: province.id, communeId: null }) ||
    (!hasRole(actor, 'system_admin') && !actor.grants.some((g) => g.provinceId === province.id))
  ) {
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ cán bộ của tỉnh này mới tạo bộ tiêu chí của tỉnh.');
  }
  // A criterion links to a shared indicator or the province's own, never another province's (finding 9).
  const named = body.criteria.flatMap((c, i) => (c.indicatorId ? [{ id: c.indicatorId, i }] : []));
  const linkable = await q.linkableIndicatorIds(
    ctx.db,
    province.id,
    named.map((n) => n.id),
  );
  const foreign = named.filter((n) => !linkable.has(n.id));
  if (foreign.length)
    throw new AppError('INDICATOR_NOT_FOUND', 'not_found', 'Không tìm thấy chỉ tiêu trong danh mục.', {
      fields: foreign.map((n) => ({
        path: `body.criteria.${n.i}.indicatorId`,
        message: 'Không có trong danh mục của tỉnh',
      })),
    });
  const codes = body.criteria.map((c) => c.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('CRITERION_CODE_DUPLICATE', 'invalid', `Mã tiêu chí ${dup} bị trùng.`);
  return inTransaction(ctx, async (tx) => {
    const set = await tx.db
      .insertInto('criteriaSets')
      .values({
        provinceId: province.id,
        name: body.name,
        year: body.year ?? null,
        legalBasis: body.legalBasis ?? null,
        createdBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('criteria')
      .values(
        body.criteria.map((c, i) => ({
          setId: set.id,
          provinceId: province.id,
          groupName: c.groupName,
          code: c.code,
          name: c.name,
          maxPoints: c.maxPoints,
          scoring: JSON.stringify(c.scoring),
          evidence: c.evidence ?? null,
          indicatorId: c.indicatorId ?? null,
          sortOrder: i,
        })),
      )
      .execute();
    await audit(tx, {
      action: 'criteria_set.created',
      recordType: 'criteria_set',
      recordId: set.id,
      summary: `Tạo bộ tiêu chí "${body.name}" (${body.criteria.length} tiêu chí) của ${province.fullName}`,
      provinceId: province.id,
    });
    return getCriteriaSet(tx, set.id);
  });
}
