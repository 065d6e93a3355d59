import { sql } from 'kysely';
import {
  type Actor,
  can,
  type Place,
  requireActor,
  ROLE_LABELS,
  roleGrantKinds,
  scopeOf,
} from '../../platform/access.ts';
import { audit, diff } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashPassword, temporaryPassword } from '../../platform/passwords.ts';
import type { Role } from '../../platform/platform.tables.ts';
import { listGrantsOfUser, revokeSessionsOfUser, unlockSignIns, sessionsChanged } from '../auth/index.ts';
import { findNode } from '../org/index.ts';
import type { UserView } from './users.contract.ts';
import { accountRefusal, grantRefusal, type AccountRefusal, type ManagedAccount } from './users.policy.ts';
import * as q from './users.queries.ts';

const userNotFound = () => notFound('USER_NOT_FOUND', 'người dùng');
const placeOf = (u: { provinceId: string | null; communeId: string | null; orgUnitId: string }): Place => ({
  provinceId: u.provinceId,
  communeId: u.communeId,
  orgUnitId: u.orgUnitId,
});

/** The account as the one rule of users.policy.ts sees it. */
const managedAccount = (u: q.UserRow): ManagedAccount => ({
  id: u.id,
  home: { orgUnitId: u.orgUnitId, provinceId: u.provinceId, communeId: u.communeId },
  grants: u.grants.map((g) => ({
    role: g.role as Role,
    orgUnitId: g.orgUnitId,
    provinceId: g.provinceId,
    communeId: g.communeId,
  })),
});

function toView(_ctx: Ctx, actor: Actor, u: q.UserRow): UserView {
  const grants = u.grants;
  const manage = accountRefusal(actor, managedAccount(u)) === null;
  const locked = !!u.isLocked;
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    isDisabled: u.isDisabled,
    isLocked: locked,
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt ? new Date(u.lastSignInAt).toISOString() : null,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as Role,
      orgUnitId: g.orgUnitId,
      orgUnitCode: g.orgUnitCode,
      orgUnitName: g.orgUnitName,
      orgKind: g.orgKind as UserView['grants'][number]['orgKind'],
    })),
    allowedActions: manage
      ? [
          'edit',
          u.isDisabled ? 'enable' : 'disable',
          'reset_password',
          ...(locked ? (['unlock'] as const) : []),
          'grant',
          'revoke_grant',
        ]
      : [],
  };
}

async function getReadableUser(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const u = await q.findUser(ctx.db, id);
  if (!u || (u.id !== actor.userId && !can(actor, 'users.read', placeOf(u)))) throw userNotFound();
  return { actor, u };
}

const accountRefused: Record<AccountRefusal, () => AppError> = {
  SELF: () =>
    new AppError(
      'CANNOT_MANAGE_SELF',
      'forbidden',
      'Không tự thay đổi quyền hoặc trạng thái tài khoản của chính mình; dùng trang Cá nhân.',
    ),
  OUT_OF_SCOPE: () => new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền quản lý người dùng này.'),
  TOO_HIGH: () =>
    new AppError(
      'FORBIDDEN',
      'forbidden',
      'Người dùng này có vai trò hoặc phạm vi vượt quá quyền của bạn; chỉ cấp trên mới quản lý được tài khoản này.',
    ),
};

/** An account the actor may change: readable, and allowed by the one rule (users.policy.ts). */
async function getManageableUser(ctx: Ctx, id: string) {
  const { actor, u } = await getReadableUser(ctx, id);
  const refusal = accountRefusal(actor, managedAccount(u));
  if (refusal) throw accountRefused[refusal]();
  return { actor, u };
}

export async function getUser(ctx: Ctx, id: string) {
  const { actor, u } = await getReadableUser(ctx, id);
  return toView(ctx, actor, u);
}

export async function listUsers(ctx: Ctx, f: { orgUnitId?: string; q?: string; after?: string; limit: number }) {
  const actor = requireActor(ctx);
  const scope = scopeOf(actor, 'users.read');
  let underPath: string | undefined;
  if (f.orgUnitId) {
    const node = await findNode(ctx.db, f.orgUnitId);
    if (!node) throw notFound('ORG_UNIT_NOT_FOUND', 'đơn vị');
    underPath = node.path;
  }
  const rows = await q.listUsers(ctx.db, scope, { underPath, q: f.q, after: f.after, limit: f.limit });
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((u) => toView(ctx, actor, u)),
    next: rows.length > f.limit ? page[page.length - 1].username : null,
  };
}

/** A grant the actor may hand out (users.policy.ts), on the right kind of node. */
async function checkGrant(ctx: Ctx, actor: Actor, role: Role, orgUnitId: string) {
  const node = await findNode(ctx.db, orgUnitId);
  const refusal = node
    ? grantRefusal(actor, role, { orgUnitId: node.id, provinceId: node.provinceId, communeId: node.communeId })
    : 'OUT_OF_SCOPE';
  if (refusal === 'OUT_OF_SCOPE' || !node) {
    throw new AppError(
      'GRANT_OUT_OF_SCOPE',
      'forbidden',
      'Không thể giao vai trò ở nơi nằm ngoài phạm vi quản lý của bạn.',
    );
  }
  if (!roleGrantKinds[role].includes(node.kind)) {
    throw new AppError(
      'GRANT_WRONG_LEVEL',
      'invalid',
      `Vai trò ${ROLE_LABELS[role]} không giao được ở ${node.fullName}.`,
      { fields: [{ path: 'body.role', message: 'Vai trò không hợp với cấp đơn vị' }] },
    );
  }
  if (refusal === 'TOO_HIGH')
    throw new AppError(
      'GRANT_TOO_HIGH',
      'forbidden',
      `Bạn không giao được vai trò ${ROLE_LABELS[role]}: vai trò này có quyền mà bạn không có.`,
    );
  return node;
}

export async function createUser(
  ctx: Ctx,
  body: {
    username: string;
    fullName: string;
    email?: string;
    phone?: string;
    orgUnitId: string;
    grants: { role: Role; orgUnitId: string }[];
  },
) {
  const actor = requireActor(ctx);
  const home = await findNode(ctx.db, body.orgUnitId);
  const place = home && { provinceId: home.provinceId, communeId: home.communeId, orgUnitId: home.id };
  // A unit the actor cannot see answers as if it did not exist; one they see but do not manage, 403.
  if (!home || !can(actor, 'org.read', place!)) throw notFound('ORG_UNIT_NOT_FOUND', 'đơn vị');
  if (!can(actor, 'users.manage', place!))
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền tạo người dùng ở đơn vị này.');
  const grantNodes: { role: Role; orgUnitId: string; node: Awaited<ReturnType<typeof checkGrant>> }[] = [];
  for (const g of body.grants) grantNodes.push({ ...g, node: await checkGrant(ctx, actor, g.role, g.orgUnitId) });
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
    if (taken)
      throw new AppError('USERNAME_TAKEN', 'conflict', `Tên đăng nhập "${body.username}" đã có người dùng.`, {
        fields: [{ path: 'body.username', message: 'Đã có người dùng' }],
      });
    const user = await tx.db
      .insertInto('users')
      .values({
        username: body.username,
        fullName: body.fullName,
        email: body.email ?? null,
        phone: body.phone ?? null,
        passwordHash: hash,
        mustChangePassword: true,
        orgUnitId: home.id,
        provinceId: home.provinceId,
        communeId: home.communeId,
        passwordChangedAt: null,
        oidcIssuer: null,
        oidcSubject: null,
        lastSignInAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const g of grantNodes) {
      await tx.db
        .insertInto('roleGrants')
        .values({
          userId: user.id,
          role: g.role,
          orgUnitId: g.node.id,
          provinceId: g.node.provinceId,
          communeId: g.node.communeId,
          grantedBy: actor.userId,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await audit(tx, {
      action: 'user.created',
      recordType: 'user',
      recordId: user.id,
      summary: `Tạo người dùng ${body.username} (${body.fullName}) với vai trò ${body.grants.map((g) => ROLE_LABELS[g.role]).join(', ')}`,
      changes: { username: body.username, grants: body.grants },
      provinceId: home.provinceId,
      communeId: home.communeId,
    });
    return { user: await toView(tx, actor, (await q.findUser(tx.db, user.id))!), temporaryPassword: password };
  });
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  body: { fullName?: string; email?: string | null; phone?: string | null; isDisabled?: boolean },
) {
  const { actor, u } = await getManageableUser(ctx, id);
  const view = await inTransaction(ctx, async (tx) => {
    const changes = diff(u as unknown as Record<string, unknown>, body);
    await tx.db
      .updateTable('users')
      .set({ ...body, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    if (body.isDisabled) await revokeSessionsOfUser(tx.db, id);
    const what =
      body.isDisabled === true ? 'Vô hiệu hóa' : body.isDisabled === false ? 'Kích hoạt lại' : 'Sửa thông tin';
    await audit(tx, {
      action: body.isDisabled === undefined ? 'user.updated' : body.isDisabled ? 'user.disabled' : 'user.enabled',
      recordType: 'user',
      recordId: id,
      summary: `${what} người dùng ${u.username}`,
      changes,
      provinceId: u.provinceId,
      communeId: u.communeId,
    });
    return toView(tx, actor, (await q.findUser(tx.db, id))!);
  });
  // Every server process drops what it cached of the person's sessions before this answers.
  await sessionsChanged(ctx, { userId: id });
  return view;
}

export async function resetPassword(ctx: Ctx, id: string) {
  const { u } = await getManageableUser(ctx, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ passwordHash: hash, mustChangePassword: true, updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await unlockSignIns(tx.db, id);
    await revokeSessionsOfUser(tx.db, id);
    await audit(tx, {
      action: 'user.password_reset',
      recordType: 'user',
      recordId: id,
      summary: `Cấp lại mật khẩu tạm cho ${u.username}`,
      provinceId: u.provinceId,
      communeId: u.communeId,
    });
  });
  await sessionsChanged(ctx, { userId: id });
  return { temporaryPassword: password };
}

export async function unlockUser(ctx: Ctx, id: string) {
  const { actor, u } = await getManageableUser(ctx, id);
  return inTransaction(ctx, async (tx) => {
    await unlockSignIns(tx.db, id);
    await tx.db
      .updateTable('users')
      .set({ updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'user.unlocked',
      recordType: 'user',
      recordId: id,
      summary: `Mở khóa tài khoản ${u.username}`,
      provinceId: u.provinceId,
      communeId: u.communeId,
    });
    return toView(tx, actor, (await q.findUser(tx.db, id))!);
  });
}

export async function addGrant(ctx: Ctx, id: string, body: { role: Role; orgUnitId: string }) {
  const { actor, u } = await getManageableUser(ctx, id);
  const node = await checkGrant(ctx, actor, body.role, body.orgUnitId);
  const view = await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .insertInto('roleGrants')
      .values({
        userId: id,
        role: body.role,
        orgUnitId: node.id,
        provinceId: node.provinceId,
        communeId: node.communeId,
        grantedBy: actor.userId,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new AppError('GRANT_EXISTS', 'conflict', 'Người dùng đã có vai trò này ở đơn vị này.');
    await audit(tx, {
      action: 'user.grant_added',
      recordType: 'user',
      recordId: id,
      summary: `Giao vai trò ${ROLE_LABELS[body.role]} tại ${node.fullName} cho ${u.username}`,
      changes: body,
      provinceId: u.provinceId,
      communeId: u.communeId,
    });
    return toView(tx, actor, (await q.findUser(tx.db, id))!);
  });
  await sessionsChanged(ctx, { userId: id });
  return view;
}

export async function removeGrant(ctx: Ctx, id: string, grantId: string) {
  const { actor, u } = await getManageableUser(ctx, id);
  const grant = (await listGrantsOfUser(ctx.db, id)).find((g) => g.id === grantId);
  if (!grant) throw notFound('GRANT_NOT_FOUND', 'vai trò');
  await checkGrant(ctx, actor, grant.role, grant.orgUnitId);
  const view = await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('roleGrants').where('id', '=', grantId).execute();
    await audit(tx, {
      action: 'user.grant_removed',
      recordType: 'user',
      recordId: id,
      summary: `Thu hồi vai trò ${ROLE_LABELS[grant.role]} tại ${grant.orgUnitName} của ${u.username}`,
      changes: { role: grant.role, orgUnitId: grant.orgUnitId },
      provinceId: u.provinceId,
      communeId: u.communeId,
    });
    return toView(tx, actor, (await q.findUser(tx.db, id))!);
  });
  // The person's live sessions lose the role in every server process before this answers.
  await sessionsChanged(ctx, { userId: id });
  return view;
}
