/**
 * Compiles the commune's report for a period from the stored data (approved unit
 * submissions, the plan's targets, tasks) into the plain CommuneReportDocument that the
 * .docx and .xlsx writers lay out.
 */
import type { Ctx } from '../../platform/context.ts';
import { describeTarget } from '../plans/index.ts';
import type { CommuneReportDocument, ReportTaskSummary } from './document/report-document.types.ts';
import { attainment, completeness, targetStatus, vietnamDate } from './reporting.rules.ts';
import * as q from './reporting.queries.ts';
import type { ReportedValue } from './reporting.tables.ts';

/** The periods whose unit submissions feed a commune report: the unit-level ones of the same plan and code. */
export async function feedingPeriods(ctx: Ctx, period: q.PeriodRow) {
  return ctx.db
    .selectFrom('reportingPeriods')
    .selectAll()
    .where('planId', '=', period.planId)
    .where('code', '=', period.code)
    .where('level', '=', 'unit')
    .execute();
}

export async function compileCommuneReport(
  ctx: Ctx,
  period: q.PeriodRow,
  report: {
    number: string | null;
    difficulties: string | null;
    proposals: string | null;
    signer: { name: string; jobTitle: string | null } | null;
    date: string;
  },
  taskSummary: (
    ctx: Ctx,
    communeId: string,
    planId: string,
  ) => Promise<{ summary: ReportTaskSummary; overdue: CommuneReportDocument['overdueTasks'] }>,
): Promise<CommuneReportDocument> {
  const commune = await ctx.db
    .selectFrom('orgUnits')
    .selectAll()
    .where('id', '=', period.communeId)
    .executeTakeFirstOrThrow();
  const province = await ctx.db
    .selectFrom('orgUnits')
    .selectAll()
    .where('id', '=', period.provinceId)
    .executeTakeFirstOrThrow();
  const plan = await ctx.db.selectFrom('plans').selectAll().where('id', '=', period.planId).executeTakeFirstOrThrow();
  const feeding = await feedingPeriods(ctx, period);
  const feedIds = feeding.length ? feeding.map((p) => p.id) : [period.id];
  const approved = await ctx.db
    .selectFrom('reportSubmissions')
    .selectAll()
    .where('periodId', 'in', feedIds)
    .where('status', '=', 'approved')
    .execute();
  // Each target is reported by one unit; its value is the one in that unit's approved set.
  const valueOf = new Map<string, ReportedValue>();
  for (const set of (
    await q.valueSets(
      ctx.db,
      approved.map((s) => s.id),
    )
  ).values())
    for (const v of set) valueOf.set(v.targetId, v);
  const narratives = approved.length
    ? await ctx.db
        .selectFrom('reportNarratives as n')
        .leftJoin('planTasks as t', 't.id', 'n.planTaskId')
        .select(['n.taskTitle', 'n.done', 'n.difficulties', 'n.proposals', 't.groupName'])
        .where(
          'n.submissionId',
          'in',
          approved.map((s) => s.id),
        )
        .execute()
    : [];
  const targets = await ctx.db
    .selectFrom('planTargets as t')
    .leftJoin('orgUnits as u', 'u.id', 't.reportingUnitId')
    .select([
      't.id',
      't.groupName',
      't.text',
      't.comparator',
      't.value',
      't.valueMax',
      't.unit',
      't.year',
      'u.name as unitName',
    ])
    .where('t.planId', '=', plan.id)
    .where('t.kind', '=', 'target')
    .orderBy('t.sortOrder')
    .execute();

  const groups: CommuneReportDocument['groups'] = [];
  const groupOf = (name: string) => {
    let g = groups.find((x) => x.name === name);
    if (!g) groups.push((g = { name, narrative: [], targets: [] }));
    return g;
  };
  for (const t of targets) {
    const target = {
      comparator: t.comparator,
      value: Number(t.value),
      valueMax: t.valueMax === null ? null : Number(t.valueMax),
      year: t.year,
    };
    const v = valueOf.get(t.id);
    const value = v?.value === null || v?.value === undefined ? null : Number(v.value);
    groupOf(t.groupName ?? 'Chỉ tiêu chung').targets.push({
      groupName: t.groupName,
      text: t.text,
      targetText: describeTarget({ ...target, unit: t.unit, text: '', year: null }).trim(),
      deadlineYear: t.year,
      value,
      unit: t.unit,
      attainment: attainment(target, value),
      status: targetStatus(target, value, { date: period.endOn, planStartYear: plan.periodFrom }),
      source: value === null ? null : t.unitName,
    });
  }
  for (const n of narratives)
    if (n.done)
      groupOf(n.groupName ?? 'Nhiệm vụ chung').narrative.push(`${n.taskTitle.replace(/[.;:]+$/, '')}: ${n.done}`);

  const attached = approved.length
    ? await ctx.db
        .selectFrom('reportAttachments as a')
        .innerJoin('files as f', 'f.id', 'a.fileId')
        .innerJoin('reportSubmissions as s', 's.id', 'a.submissionId')
        .innerJoin('orgUnits as u', 'u.id', 's.unitId')
        .select(['u.id as unitId', 'u.name as unitName', 'f.fileName'])
        .where('a.communeId', '=', period.communeId)
        .where(
          'a.submissionId',
          'in',
          approved.map((s) => s.id),
        )
        .orderBy('u.sortKey')
        .orderBy('a.createdAt')
        .execute()
    : [];
  const subs = await q.submissionsOfPeriods(ctx.db, feedIds);
  const units = await q.expectedUnits(ctx.db, plan.id);
  const tasks = await taskSummary(ctx, commune.id, plan.id);
  const lines = (text: string | null) =>
    (text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const fromUnits = (key: 'difficulties' | 'proposals') =>
    narratives.map((n) => n[key]).filter((x): x is string => !!x);
  const title = report.signer?.jobTitle ?? 'Chủ tịch';
  const isDeputy = /phó/i.test(title);
  const communeUpper = commune.fullName.toUpperCase();
  return {
    parentBody: `UBND ${province.fullName.toUpperCase()}`,
    issuer: `ỦY BAN NHÂN DÂN ${communeUpper}`,
    number: report.number ?? '…/BC-UBND',
    place: commune.name,
    date: report.date,
    summary: `Kết quả thực hiện ${plan.title} — ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)}`,
    recipientLine: period.recipient ? `Kính gửi: ${period.recipient.replace(/[.;]+$/, '')}.` : null,
    periodLabel: period.label,
    planTitle: plan.title,
    intro: [
      `Thực hiện ${plan.title}${plan.number ? ` (số ${plan.number})` : ''}, Ủy ban nhân dân ${commune.fullName.replace(/^Xã/u, 'xã')} báo cáo kết quả thực hiện ${period.label.charAt(0).toLowerCase()}${period.label.slice(1)} (số liệu tính từ ngày ${vnDate(period.closingStart)} đến ngày ${vnDate(period.closingEnd)}) như sau:`,
    ],
    groups,
    tasks: tasks.summary,
    overdueTasks: tasks.overdue,
    difficulties: [...lines(report.difficulties), ...fromUnits('difficulties')],
    proposals: [...lines(report.proposals), ...fromUnits('proposals')],
    completeness: units.map((u) => {
      const mine = subs.filter((s) => s.unitId === u.id);
      const c = completeness(
        feeding.map((p) => {
          const s = mine.find((x) => x.periodId === p.id);
          return {
            due: true,
            submitted: !!s && (s.status === 'submitted' || s.status === 'approved'),
            late: s?.isLate ?? null,
          };
        }),
      );
      return {
        unitName: u.name,
        expected: c.expected,
        submitted: c.submitted,
        onTime: c.onTime,
        late: c.late,
        missing: c.missing,
      };
    }),
    attachments: [...new Set(attached.map((a) => a.unitId))].map((id) => {
      const mine = attached.filter((a) => a.unitId === id);
      return { unitName: mine[0].unitName, files: mine.map((a) => a.fileName) };
    }),
    signature: isDeputy
      ? { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: report.signer?.name ?? null }
      : { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: report.signer?.name ?? null },
    recipients: [
      ...(period.recipient ? [period.recipient.replace(/[.;]+$/, '')] : []),
      'Thường trực Đảng ủy xã',
      'Chủ tịch, các Phó Chủ tịch UBND xã',
      'Lưu: VT, VHXH',
    ],
  };
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const todayVietnam = () => vietnamDate(new Date());
