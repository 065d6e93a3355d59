/**
 * Demo tasks: on first start, each demo commune's saved plan gets its tracked tasks, so the
 * task pages are not empty. Everything goes through the same use cases the API calls
 * (tasks.plan.service for "giao từ kế hoạch", tasks.service for progress, evidence, submit,
 * verify, return), acting as the commune's demo people — so the log, the audit rows and the
 * notifications are exactly what a person's clicks would leave.
 *
 * Which plan items: those the plan itself gives a lead unit (cơ quan chủ trì). The others
 * wait for the plan officer to choose a lead unit on the "Giao từ kế hoạch" page.
 *
 * Deterministic: the items keep the plan's order, and the states below go to the first ones
 * (people of a unit first, so a unit officer sees each kind of work). Dates are relative to
 * the day of the first start.
 */
import type { Actor } from '../../platform/access.ts';
import type { Ctx } from '../../platform/context.ts';
import { listGrantsOfUser } from '../auth/index.ts';
import { addDays } from '../calendar/index.ts';
import { planMilestones, createFromPlan, previewFromPlan, act, todayOf, uploadEvidence } from '../tasks/index.ts';
import { DEMO_COMMUNES } from './demo.accounts.ts';

/** A one-page PDF (the evidence of a demo progress post); small, valid, with its own text. */
export function demoPdf(title: string): Uint8Array {
  const text = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[()\\]/g, ' ')
    .slice(0, 80);
  const stream = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

async function actorOf(ctx: Ctx, username: string): Promise<Actor | null> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'fullName'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!u) return null;
  return {
    userId: u.id,
    username: u.username,
    fullName: u.fullName,
    grants: await listGrantsOfUser(ctx.db, u.id),
    sessionId: null,
  };
}

type Scenario = 'progress' | 'submitted' | 'verified' | 'returned' | 'overdue' | 'at_risk';
/** The states the first items of each commune get, in order; the rest stay "assigned". */
const SCENARIOS: Scenario[] = ['progress', 'submitted', 'verified', 'returned', 'overdue', 'at_risk'];

/**
 * Seeds the tasks of every demo commune that has a plan and no task yet. One cheap query when
 * there is nothing to do (every later start). Each use case runs in its own transaction, as
 * over HTTP, so this runs after the demo transaction, not inside it.
 */
export async function seedDemoTasks(ctx: Ctx): Promise<number> {
  const communes = await ctx.db
    .selectFrom('orgUnits')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      DEMO_COMMUNES.map((c) => c.code),
    )
    .execute();
  if (!communes.length) return 0;
  const withTasks = new Set(
    (
      await ctx.db
        .selectFrom('tasks')
        .select('communeId')
        .distinct()
        .where(
          'communeId',
          'in',
          communes.map((c) => c.id),
        )
        .execute()
    ).map((r) => r.communeId),
  );
  let added = 0;
  for (const dc of DEMO_COMMUNES) {
    const commune = communes.find((c) => c.code === dc.code);
    if (!commune || withTasks.has(commune.id)) continue;
    added += await seedCommuneTasks(ctx, commune.id, dc.slug);
  }
  return added;
}

async function seedCommuneTasks(ctx: Ctx, communeId: string, slug: string): Promise<number> {
  const plan = await ctx.db
    .selectFrom('plans')
    .select('id')
    .where('communeId', '=', communeId)
    .where('archivedAt', 'is', null)
    .orderBy('createdAt')
    .executeTakeFirst();
  const [officer, leader] = await Promise.all([actorOf(ctx, `${slug}.vanhoa`), actorOf(ctx, `${slug}.chutich`)]);
  if (!plan || !officer || !leader) return 0;
  const as = (actor: Actor): Ctx => ({ ...ctx, actor });
  const today = todayOf(ctx);

  const draft = await previewFromPlan(as(officer), { planId: plan.id, milestones: 'yearly' });
  const picked = draft.items.filter((i) => i.leadUnitId && !i.alreadyTracked);
  if (!picked.length) return 0;
  // People of a unit first (stable), so the states below reach a unit officer's own list.
  const ordered = [...picked.filter((i) => i.assigneeId), ...picked.filter((i) => !i.assigneeId)];
  const items = ordered.map((i, n) => {
    const base = {
      planTaskId: i.planTaskId,
      title: i.title,
      groupName: i.groupName,
      leadUnitId: i.leadUnitId!,
      assigneeId: i.assigneeId ?? officer.userId,
      partnerUnitIds: i.partnerUnitIds,
      expectedProduct: i.expectedProduct,
      startDate: i.startDate,
      dueDate: i.dueDate,
      milestones: i.milestones,
      targetIds: [] as string[],
    };
    // Dates a plan officer would set for work that began earlier in the year.
    if (SCENARIOS[n] === 'overdue')
      return {
        ...base,
        startDate: addDays(today, -90),
        dueDate: addDays(today, -12),
        milestones: [{ title: 'Hoàn thành', dueDate: addDays(today, -12) }],
      };
    if (SCENARIOS[n] === 'at_risk') {
      const [startDate, dueDate] = [addDays(today, -120), addDays(today, 40)];
      return { ...base, startDate, dueDate, milestones: planMilestones(startDate, dueDate, 'quarterly') };
    }
    return base;
  });
  const created = await createFromPlan(as(officer), {
    planId: plan.id,
    approverId: draft.approverId ?? leader.userId,
    approvingAuthority: draft.approvingAuthority,
    items,
  });

  const ids = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'planTaskId'])
    .where('communeId', '=', communeId)
    .where('planId', '=', plan.id)
    .execute();
  const taskOf = new Map(ids.map((t) => [t.planTaskId, t.id]));
  const actors = new Map<string, Actor>([
    [officer.userId, officer],
    [leader.userId, leader],
  ]);
  for (const [n, scenario] of SCENARIOS.entries()) {
    const item = items[n];
    const id = item && taskOf.get(item.planTaskId);
    if (!id) break;
    const card = { id, title: item.title };
    let lead = actors.get(item.assigneeId);
    if (!lead) {
      const u = await ctx.db
        .selectFrom('users')
        .select('username')
        .where('id', '=', item.assigneeId)
        .executeTakeFirstOrThrow();
      lead = (await actorOf(ctx, u.username))!;
      actors.set(lead.userId, lead);
    }
    const work = as(lead);
    const progress = (percent: number, note: string) =>
      act(work, card.id, { kind: 'progress', body: { percent, note, fileIds: [] } });
    const evidence = (name: string, what: string) =>
      uploadEvidence(work, card.id, { fileName: name, bytes: demoPdf(`${what}: ${card.title}`) });
    switch (scenario) {
      case 'progress': {
        const file = await evidence('ke-hoach-chi-tiet.pdf', 'Ke hoach chi tiet');
        await act(work, card.id, {
          kind: 'progress',
          body: { percent: 60, note: 'Đã triển khai tại 2/3 thôn; kèm kế hoạch chi tiết.', fileIds: [file.id] },
        });
        await act(as(leader), card.id, {
          kind: 'comment',
          body: { text: `Đề nghị @${lead.username} gửi danh sách thôn còn lại trước cuối tháng.` },
        });
        break;
      }
      case 'submitted':
      case 'verified':
      case 'returned': {
        const file = await evidence('bao-cao-ket-qua.pdf', 'Bao cao ket qua');
        await act(work, card.id, {
          kind: 'submit',
          body: { note: 'Đã hoàn thành, gửi báo cáo kết quả kèm theo.', fileIds: [file.id] },
        });
        if (scenario === 'verified') await act(as(leader), card.id, { kind: 'verify', body: { note: 'Đạt yêu cầu.' } });
        if (scenario === 'returned')
          await act(as(leader), card.id, {
            kind: 'return',
            body: { reason: 'Báo cáo chưa có số liệu cụ thể theo từng thôn; đề nghị bổ sung.' },
          });
        break;
      }
      case 'overdue':
        await progress(40, 'Đang chờ kinh phí để triển khai phần còn lại.');
        break;
      case 'at_risk':
        await progress(15, 'Mới khảo sát hiện trạng.');
        break;
    }
  }
  return created.created;
}
