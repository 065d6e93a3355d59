import { sql } from 'kysely';
import { type Actor, can, requireActor, scopeOf } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { foldVietnamese, vietnameseSortKey } from '../../platform/text.ts';
import type { OrgNode, OrgNodeDetail } from './org.contract.ts';
import * as q from './org.queries.ts';
import { isInScope, isVisible, unitFullName } from './org.rules.ts';

const nodeNotFound = () => notFound('ORG_UNIT_NOT_FOUND', 'đơn vị');

function readView(actor: Actor) {
  const scope = scopeOf(actor, 'org.read');
  const ancestorProvinceIds = actor.grants.map((g) => g.provinceId).filter((x): x is string => !!x);
  return {
    scope,
    visible: (n: Pick<OrgNode, 'id' | 'kind' | 'provinceId' | 'communeId'>) => isVisible(scope, n, ancestorProvinceIds),
  };
}

function allowedActions(actor: Actor, node: OrgNode): OrgNodeDetail['allowedActions'] {
  const manage = can(actor, 'org.units.manage', {
    provinceId: node.provinceId,
    communeId: node.communeId,
    orgUnitId: node.id,
  });
  if (!manage) return [];
  if (node.kind === 'commune') return ['add_unit'];
  if (node.kind === 'unit' && !node.closedOn) return ['rename', 'close'];
  return [];
}

/** A node the actor may see (else 404, as if it did not exist). */
async function getVisibleNode(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const node = await q.findNode(ctx.db, id);
  if (!node || !readView(actor).visible(node)) throw nodeNotFound();
  return { actor, node };
}

export async function getNodeDetail(
  ctx: Ctx,
  id: string,
  opts: { includeClosed?: boolean } = {},
): Promise<OrgNodeDetail> {
  const { actor, node } = await getVisibleNode(ctx, id);
  const { visible } = readView(actor);
  const [ancestors, children] = await Promise.all([
    q.listAncestors(ctx.db, node.path),
    q.listChildren(ctx.db, node.id, !!opts.includeClosed),
  ]);
  const { path: _path, ...view } = node;
  const { scope } = readView(actor);
  // A node seen only as the way to the actor's own communes counts only those communes.
  const countVisible = (c: (typeof children)[number]) => {
    if (isInScope(scope, c)) return c.childCount;
    if (c.kind === 'province')
      return new Set(actor.grants.filter((g) => g.provinceId === c.id && g.communeId).map((g) => g.communeId)).size;
    return 0;
  };
  return {
    ...view,
    ancestors,
    children: children.filter(visible).map((c) => ({ ...c, childCount: countVisible(c) })),
    allowedActions: allowedActions(actor, node),
  };
}

export async function getRoot(ctx: Ctx, opts: { includeClosed?: boolean } = {}) {
  const root = await q.findNodeByCode(ctx.db, 'VN');
  if (!root) throw nodeNotFound();
  return getNodeDetail(ctx, root.id, opts);
}

export async function getNodeByCode(ctx: Ctx, code: string) {
  const node = await q.findNodeByCode(ctx.db, code);
  if (!node) throw nodeNotFound();
  return getNodeDetail(ctx, node.id);
}

export async function searchOrg(ctx: Ctx, query: { q: string; kind?: string; limit: number }) {
  const actor = requireActor(ctx);
  const scope = scopeOf(actor, 'org.read');
  const rows = await q.searchNodes(ctx.db, foldVietnamese(query.q), scope, query.kind, query.limit);
  const codes = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean).slice(1, -1)))];
  const names = await q.listNamesByCodes(ctx.db, codes);
  return {
    items: rows.map(({ path, ...n }) => ({
      ...n,
      path: path
        .split('/')
        .filter(Boolean)
        .slice(1, -1)
        .map((c) => names.get(c) ?? c),
    })),
  };
}

function requireManage(actor: Actor, node: OrgNode) {
  if (!can(actor, 'org.units.manage', { provinceId: node.provinceId, communeId: node.communeId, orgUnitId: node.id })) {
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền quản lý đơn vị này.');
  }
}

export async function addUnit(
  ctx: Ctx,
  communeId: string,
  body: { name: string; unitType: OrgNode['unitType'] & string; openedOn?: string },
) {
  const { actor, node: commune } = await getVisibleNode(ctx, communeId);
  if (commune.kind !== 'commune')
    throw new AppError('ORG_NOT_A_COMMUNE', 'invalid', 'Chỉ thêm được đơn vị trực thuộc một xã, phường hoặc đặc khu.');
  requireManage(actor, commune);
  if (commune.closedOn) throw new AppError('ORG_UNIT_CLOSED', 'conflict', 'Xã này đã ngừng hoạt động.');
  return inTransaction(ctx, async (tx) => {
    const siblings = await q.listChildren(tx.db, commune.id, false);
    if (siblings.some((s) => foldVietnamese(s.name) === foldVietnamese(body.name))) {
      throw new AppError('ORG_UNIT_NAME_TAKEN', 'conflict', `Xã đã có đơn vị tên "${body.name}".`, {
        fields: [{ path: 'body.name', message: 'Tên đã được dùng' }],
      });
    }
    const code = await q.nextUnitCode(tx.db, commune.code);
    const row = await tx.db
      .insertInto('orgUnits')
      .values({
        parentId: commune.id,
        kind: 'unit',
        unitType: body.unitType,
        code,
        name: body.name,
        fullName: unitFullName(body.name, commune.fullName),
        nameEn: null,
        adminLevel: null,
        provinceId: commune.provinceId,
        communeId: commune.id,
        path: `${commune.path}${code}/`,
        sortKey: vietnameseSortKey(body.name),
        openedOn: body.openedOn ?? null,
        closedOn: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'org.unit_added',
      recordType: 'org_unit',
      recordId: row.id,
      summary: `Thêm đơn vị "${body.name}" vào ${commune.fullName}`,
      changes: body,
      provinceId: commune.provinceId,
      communeId: commune.id,
    });
    return getNodeDetail(tx, row.id);
  });
}

async function getManageableUnit(ctx: Ctx, id: string) {
  const { actor, node } = await getVisibleNode(ctx, id);
  if (node.kind !== 'unit')
    throw new AppError(
      'ORG_NOT_A_UNIT',
      'invalid',
      'Chỉ đổi tên hoặc đóng được đơn vị trực thuộc xã; tỉnh và xã theo quyết định của Nhà nước.',
    );
  requireManage(actor, node);
  if (node.closedOn) throw new AppError('ORG_UNIT_CLOSED', 'conflict', 'Đơn vị đã đóng.');
  return node;
}

export async function renameUnit(
  ctx: Ctx,
  id: string,
  body: { name: string; unitType?: OrgNode['unitType'] & string },
) {
  const node = await getManageableUnit(ctx, id);
  const commune = (await q.findNode(ctx.db, node.communeId!))!;
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('orgUnits')
      .set({
        name: body.name,
        fullName: unitFullName(body.name, commune.fullName),
        sortKey: vietnameseSortKey(body.name),
        ...(body.unitType ? { unitType: body.unitType } : {}),
        updatedAt: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'org.unit_renamed',
      recordType: 'org_unit',
      recordId: id,
      summary: `Đổi tên đơn vị "${node.name}" thành "${body.name}"`,
      changes: {
        name: [node.name, body.name],
        ...(body.unitType && body.unitType !== node.unitType ? { unitType: [node.unitType, body.unitType] } : {}),
      },
      provinceId: node.provinceId,
      communeId: node.communeId,
    });
    return getNodeDetail(tx, id);
  });
}

export async function closeUnit(ctx: Ctx, id: string, body: { closedOn: string }) {
  const node = await getManageableUnit(ctx, id);
  if (node.openedOn && body.closedOn < node.openedOn) {
    throw new AppError('ORG_CLOSE_BEFORE_OPEN', 'invalid', `Ngày đóng phải sau ngày thành lập (${node.openedOn}).`, {
      fields: [{ path: 'body.closedOn', message: 'Ngày đóng trước ngày thành lập' }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('orgUnits')
      .set({ closedOn: body.closedOn, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'org.unit_closed',
      recordType: 'org_unit',
      recordId: id,
      summary: `Đóng đơn vị "${node.name}" từ ngày ${body.closedOn}`,
      changes: { closedOn: [null, body.closedOn] },
      provinceId: node.provinceId,
      communeId: node.communeId,
    });
    return getNodeDetail(tx, id, { includeClosed: true });
  });
}

/** For other modules: the node if it is inside the actor's read scope. */
export async function findNodeInScope(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const node = await q.findNode(ctx.db, id);
  return node && isInScope(scopeOf(actor, 'org.read'), node) ? node : undefined;
}
