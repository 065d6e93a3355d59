import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { contentFromExtraction, enrich, saveContentAsPlan } from '../plans/index.ts';
import { generateCalendarUnscoped } from '../reporting/index.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { vietnameseSortKey } from '../../platform/text.ts';
import { buildOrgRows, readAdminUnits, REFORM_DATE, unitFullName } from '../org/index.ts';
import { DEMO_ACCOUNTS, DEMO_COMMUNES, DEMO_EXTRA_UNITS, DEMO_PASSWORD, demoEmail } from './demo.accounts.ts';
import { seedDemoTasks } from './demo.tasks.ts';
import { projectPath } from '../../platform/project-paths.ts';

/**
 * Loads the demo communes' extra units and demo people, their plans, and then the plans'
 * tracked tasks (demo.tasks.ts). Idempotent: anything already there (by code or username, a
 * commune that has tasks) is left as it is, so `xaso seed-demo` can run again safely.
 */
export async function seedDemo(
  ctx: Ctx,
): Promise<{ unitsAdded: number; usersAdded: number; plansAdded: number; tasksAdded: number }> {
  const r = await seedDemoPeopleAndPlans(ctx);
  // After the transaction above: the task use cases open their own transactions.
  const tasksAdded = await seedDemoTasks(ctx);
  // E-mail addresses only now, so the demo's made-up history fills the in-app notices but
  // queues no mail; reminders from here on reach the outbox like any other.
  if (r.usersAdded || tasksAdded) {
    for (const a of DEMO_ACCOUNTS)
      await ctx.db
        .updateTable('users')
        .set({ email: demoEmail(a.username) })
        .where('username', '=', a.username)
        .where('email', 'is', null)
        .execute();
  }
  return { ...r, tasksAdded };
}

async function seedDemoPeopleAndPlans(
  ctx: Ctx,
): Promise<{ unitsAdded: number; usersAdded: number; plansAdded: number }> {
  let unitsAdded = 0;
  let usersAdded = 0;
  let plansAdded = 0;
  // Already complete (every later start): one cheap look instead of a write transaction.
  const present = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'username',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .executeTakeFirstOrThrow();
  const unitCodes = DEMO_COMMUNES.flatMap((c) => DEMO_EXTRA_UNITS.map((u) => `${c.code}-${u.suffix}`));
  const units = await ctx.db
    .selectFrom('orgUnits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('code', 'in', unitCodes)
    .executeTakeFirstOrThrow();
  const plans = await ctx.db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(present.n) === DEMO_ACCOUNTS.length && Number(units.n) === unitCodes.length && Number(plans.n) > 0)
    return { unitsAdded, usersAdded, plansAdded: 0 };
  // Through inTransaction, as a use case: the plans it saves publish their events (platform/events.ts).
  await inTransaction(ctx, async (tx) => {
    const trx = tx.db;
    for (const dc of DEMO_COMMUNES) {
      const commune = await trx
        .selectFrom('orgUnits')
        .selectAll()
        .where('code', '=', dc.code)
        .executeTakeFirstOrThrow();
      for (const [i, u] of DEMO_EXTRA_UNITS.entries()) {
        const code = `${dc.code}-${u.suffix}`;
        const r = await trx
          .insertInto('orgUnits')
          .values({
            parentId: commune.id,
            kind: 'unit',
            unitType: u.unitType,
            code,
            name: u.name,
            fullName: unitFullName(u.name, commune.fullName),
            nameEn: null,
            adminLevel: null,
            provinceId: commune.provinceId,
            communeId: commune.id,
            path: `${commune.path}${code}/`,
            sortKey: `${String.fromCharCode(0x30 + i)}${vietnameseSortKey(u.name)}`,
            openedOn: REFORM_DATE,
            closedOn: null,
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .executeTakeFirst();
        unitsAdded += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
    }
    const existing = new Set((await trx.selectFrom('users').select('username').execute()).map((u) => u.username));
    const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username));
    // One hash serves every demo account: they share the published demo password anyway.
    const hash = missing.length ? await hashPassword(DEMO_PASSWORD) : '';
    for (const a of missing) {
      const grantNode = await trx
        .selectFrom('orgUnits')
        .selectAll()
        .where('code', '=', a.orgUnitCode)
        .executeTakeFirstOrThrow();
      const home = a.homeCode
        ? await trx.selectFrom('orgUnits').selectAll().where('code', '=', a.homeCode).executeTakeFirstOrThrow()
        : grantNode;
      const user = await trx
        .insertInto('users')
        .values({
          username: a.username,
          fullName: a.fullName,
          email: null,
          phone: null,
          passwordHash: hash,
          mustChangePassword: true,
          orgUnitId: home.id,
          provinceId: home.provinceId,
          communeId: home.communeId,
          passwordChangedAt: null,
          oidcIssuer: null,
          oidcSubject: null,
          lastSignInAt: null,
          jobTitle: a.jobTitle ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('roleGrants')
        .values({
          userId: user.id,
          role: a.role,
          orgUnitId: grantNode.id,
          provinceId: grantNode.provinceId,
          communeId: grantNode.communeId,
          grantedBy: null,
        })
        .execute();
      usersAdded++;
    }
    plansAdded = await seedDemoPlans(tx);
    if (unitsAdded || usersAdded || plansAdded) {
      await audit(tx, {
        action: 'demo.seeded',
        recordType: 'system',
        summary: `Nạp dữ liệu mẫu: ${unitsAdded} đơn vị, ${usersAdded} người dùng, ${plansAdded} kế hoạch`,
      });
    }
  });
  return { unitsAdded, usersAdded, plansAdded };
}

/** The demo accounts with their unit names, read from the shipped data (no database needed). */
export function describeDemoAccounts() {
  const rows = buildOrgRows(readAdminUnits());
  const names = new Map(rows.map((r) => [r.code, r.fullName]));
  for (const dc of DEMO_COMMUNES) {
    const commune = names.get(dc.code)!;
    for (const u of DEMO_EXTRA_UNITS) names.set(`${dc.code}-${u.suffix}`, unitFullName(u.name, commune));
  }
  return DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    role: a.role,
    orgUnitCode: a.orgUnitCode,
    orgUnitName: names.get(a.orgUnitCode) ?? a.orgUnitCode,
  }));
}

const plansDir = projectPath('server/modules/demo/plans');

/** Each demo commune's real plan, read by the importer and saved like an upload (once). */
async function seedDemoPlans(tx: Ctx): Promise<number> {
  let added = 0;
  for (const dc of DEMO_COMMUNES) {
    const commune = await tx.db
      .selectFrom('orgUnits')
      .selectAll()
      .where('code', '=', dc.code)
      .executeTakeFirstOrThrow();
    const has = await tx.db.selectFrom('plans').select('id').where('communeId', '=', commune.id).executeTakeFirst();
    const file = path.join(plansDir, `${dc.slug}.txt`);
    if (has || !fs.existsSync(file)) continue;
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { importPlanDocument } = await import('../plans/index.ts');
    const { document, plan } = await importPlanDocument(bytes, `${dc.slug}.txt`);
    const content = contentFromExtraction(plan);
    await enrich(tx, commune.id, content);
    const officer = await tx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', `${dc.slug}.vanhoa`)
      .executeTakeFirst();
    const planId = await saveContentAsPlan(tx, {
      commune,
      planId: null,
      content,
      source: {
        fileName: `${dc.slug}.txt`,
        format: document.format,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        text: document.text,
      },
      note: 'Dữ liệu mẫu: nhập từ văn bản kế hoạch của xã',
      actorId: officer?.id ?? null,
    });
    // The reporting calendar of the current year, from the plan's own rules.
    await generateCalendarUnscoped(
      tx,
      { id: planId, provinceId: commune.provinceId!, communeId: commune.id },
      new Date().getFullYear(),
    );
    added++;
  }
  return added;
}
