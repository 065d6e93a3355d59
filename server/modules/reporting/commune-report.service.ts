import { sql } from 'kysely';
import { type Actor, can, requireActor, scopeOf } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events.ts';
import { findNode } from '../org/index.ts';
import type { CommuneReportDocument } from './document/report-document.types.ts';
import { compileCommuneReport, feedingPeriods, todayVietnam } from './commune-report.compile.ts';
import { parsePeriod } from './reporting.periods.ts';
import * as q from './reporting.queries.ts';
import { completeness, isLate } from './reporting.rules.ts';
import { getReadablePeriod } from './reporting-calendar.service.ts';
import { taskSummaryForReport } from './task-summary.ts';

type Status = 'none' | 'draft' | 'signed' | 'sent' | 'received';
const placeOf = (r: { provinceId: string; communeId: string }) => ({
  provinceId: r.provinceId,
  communeId: r.communeId,
});

function actions(actor: Actor, period: q.PeriodRow, status: Status) {
  const out: ('edit' | 'sign' | 'send' | 'receive' | 'download')[] = ['download'];
  if ((status === 'none' || status === 'draft') && can(actor, 'reports.review', placeOf(period))) out.push('edit');
  if ((status === 'none' || status === 'draft') && can(actor, 'reports.sign', placeOf(period))) out.push('sign');
  if (
    status === 'signed' &&
    (can(actor, 'reports.sign', placeOf(period)) || can(actor, 'reports.review', placeOf(period)))
  )
    out.push('send');
  if (status === 'sent' && can(actor, 'reports.receive', placeOf(period))) out.push('receive');
  return out;
}

async function row(ctx: Ctx, periodId: string) {
  return ctx.db.selectFrom('communeReports').selectAll().where('periodId', '=', periodId).executeTakeFirst();
}

/** The commune report of a period: the frozen document once signed, else compiled afresh. */
export async function getCommuneReport(ctx: Ctx, periodId: string) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const r = await row(ctx, periodId);
  const status: Status = r?.status ?? 'none';
  const signer = r?.signedBy
    ? await ctx.db.selectFrom('users').select(['fullName', 'jobTitle']).where('id', '=', r.signedBy).executeTakeFirst()
    : undefined;
  const document =
    (r?.document as CommuneReportDocument | null) ??
    (await compileCommuneReport(
      ctx,
      period,
      {
        number: r?.number ?? null,
        difficulties: r?.difficulties ?? null,
        proposals: r?.proposals ?? null,
        signer: null,
        date: todayVietnam(),
      },
      taskSummaryForReport,
    ));
  const commune = (await findNode(ctx.db, period.communeId))!;
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: r?.id ?? null,
    periodId,
    communeId: period.communeId,
    communeName: commune.fullName,
    periodCode: period.code,
    periodLabel: period.label,
    dueOn: period.dueOn,
    status,
    number: r?.number ?? null,
    difficulties: r?.difficulties ?? null,
    proposals: r?.proposals ?? null,
    isLate: r?.isLate ?? null,
    signedByName: signer?.fullName ?? null,
    signedAt: iso(r?.signedAt),
    sentAt: iso(r?.sentAt),
    receivedAt: iso(r?.receivedAt),
    document,
    history: r ? await q.eventsOf(ctx.db, { communeReportId: r.id }) : [],
    allowedActions: actions(actor, period, status),
  };
}

async function ensureRow(tx: Ctx, period: q.PeriodRow) {
  const existing = await row(tx, period.id);
  if (existing) return existing;
  return tx.db
    .insertInto('communeReports')
    .values({
      provinceId: period.provinceId,
      communeId: period.communeId,
      periodId: period.id,
      number: null,
      difficulties: null,
      proposals: null,
      document: null,
      signedBy: null,
      signedAt: null,
      sentAt: null,
      isLate: null,
      receivedBy: null,
      receivedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCommuneReport(
  ctx: Ctx,
  periodId: string,
  body: { number?: string | null; difficulties?: string | null; proposals?: string | null },
) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const current = await row(ctx, periodId);
  if (!actions(actor, period, current?.status ?? 'none').includes('edit')) {
    if (current && current.status !== 'draft')
      throw new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo đã ký, không sửa được nữa.');
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ bộ phận thường trực của xã mới soạn báo cáo của xã.');
  }
  await inTransaction(ctx, async (tx) => {
    const r = await ensureRow(tx, period);
    await tx.db
      .updateTable('communeReports')
      .set({ ...body, updatedAt: sql`now()` })
      .where('id', '=', r.id)
      .execute();
    await audit(tx, {
      action: 'commune_report.updated',
      recordType: 'commune_report',
      recordId: r.id,
      summary: `Soạn báo cáo ${period.label} của xã`,
      changes: body,
      ...placeOf(period),
    });
    publish(tx, {
      type: 'commune-report.changed',
      provinceId: period.provinceId,
      communeId: period.communeId,
      communeReportId: r.id,
      periodId,
      kind: 'updated',
    });
  });
  return getCommuneReport(ctx, periodId);
}

/** The leader signs: the document is compiled one last time and frozen with the signer. */
export async function signCommuneReport(ctx: Ctx, periodId: string) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const current = await row(ctx, periodId);
  if (!actions(actor, period, current?.status ?? 'none').includes('sign')) {
    if (current && current.status !== 'draft')
      throw new AppError('REPORT_ALREADY_SIGNED', 'conflict', 'Báo cáo đã được ký.');
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã mới ký báo cáo.');
  }
  if (!current?.number)
    throw new AppError('REPORT_NUMBER_REQUIRED', 'invalid', 'Báo cáo cần số văn bản (ví dụ 05/BC-UBND) trước khi ký.', {
      fields: [{ path: 'body.number', message: 'Chưa có số văn bản' }],
    });
  const signer = await ctx.db
    .selectFrom('users')
    .select(['fullName', 'jobTitle'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const document = await compileCommuneReport(
    ctx,
    period,
    {
      number: current.number,
      difficulties: current.difficulties,
      proposals: current.proposals,
      signer: { name: signer.fullName, jobTitle: signer.jobTitle },
      date: todayVietnam(),
    },
    taskSummaryForReport,
  );
  await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('communeReports')
      .set({
        status: 'signed',
        document: JSON.stringify(document),
        signedBy: actor.userId,
        signedAt: new Date(),
        updatedAt: sql`now()`,
      })
      .where('id', '=', current.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('REPORT_ALREADY_SIGNED', 'conflict', 'Báo cáo đã được ký.');
    await tx.db
      .insertInto('reportEvents')
      .values({
        provinceId: period.provinceId,
        communeId: period.communeId,
        submissionId: null,
        communeReportId: current.id,
        kind: 'signed',
        actorId: actor.userId,
        comment: null,
      })
      .execute();
    await audit(tx, {
      action: 'commune_report.signed',
      recordType: 'commune_report',
      recordId: current.id,
      summary: `${signer.fullName} ký báo cáo ${current.number} — ${period.label}`,
      ...placeOf(period),
    });
    publish(tx, {
      type: 'commune-report.changed',
      provinceId: period.provinceId,
      communeId: period.communeId,
      communeReportId: current.id,
      periodId,
      kind: 'signed',
    });
  });
  return getCommuneReport(ctx, periodId);
}

export async function sendCommuneReport(ctx: Ctx, periodId: string) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const current = await row(ctx, periodId);
  if (!current || !actions(actor, period, current.status).includes('send')) {
    throw current?.status === 'sent' || current?.status === 'received'
      ? new AppError('REPORT_ALREADY_SENT', 'conflict', 'Báo cáo đã gửi.')
      : new AppError('REPORT_NOT_SIGNED', 'conflict', 'Báo cáo phải được lãnh đạo ký trước khi gửi lên tỉnh.');
  }
  const now = new Date();
  const late = isLate(now, period.dueOn);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('communeReports')
      .set({ status: 'sent', sentAt: now, isLate: late, updatedAt: sql`now()` })
      .where('id', '=', current.id)
      .execute();
    await tx.db
      .insertInto('reportEvents')
      .values({
        provinceId: period.provinceId,
        communeId: period.communeId,
        submissionId: null,
        communeReportId: current.id,
        kind: 'sent',
        actorId: actor.userId,
        comment: late ? `Gửi muộn (hạn ${period.dueOn})` : null,
      })
      .execute();
    await audit(tx, {
      action: 'commune_report.sent',
      recordType: 'commune_report',
      recordId: current.id,
      summary: `Gửi báo cáo ${current.number} — ${period.label} lên tỉnh${late ? ' (muộn)' : ''}`,
      ...placeOf(period),
    });
    publish(tx, {
      type: 'commune-report.changed',
      provinceId: period.provinceId,
      communeId: period.communeId,
      communeReportId: current.id,
      periodId,
      kind: 'sent',
    });
  });
  return getCommuneReport(ctx, periodId);
}

export async function receiveCommuneReport(ctx: Ctx, periodId: string) {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const current = await row(ctx, periodId);
  if (!current || current.status !== 'sent')
    throw new AppError('REPORT_NOT_SENT', 'conflict', 'Báo cáo chưa được gửi lên tỉnh.');
  if (!actions(actor, period, current.status).includes('receive'))
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ cán bộ cấp tỉnh mới xác nhận đã nhận báo cáo.');
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('communeReports')
      .set({ status: 'received', receivedAt: new Date(), receivedBy: actor.userId, updatedAt: sql`now()` })
      .where('id', '=', current.id)
      .execute();
    await tx.db
      .insertInto('reportEvents')
      .values({
        provinceId: period.provinceId,
        communeId: period.communeId,
        submissionId: null,
        communeReportId: current.id,
        kind: 'received',
        actorId: actor.userId,
        comment: null,
      })
      .execute();
    await audit(tx, {
      action: 'commune_report.received',
      recordType: 'commune_report',
      recordId: current.id,
      summary: `Tỉnh đã nhận báo cáo ${current.number} — ${period.label}`,
      ...placeOf(period),
    });
    publish(tx, {
      type: 'commune-report.changed',
      provinceId: period.provinceId,
      communeId: period.communeId,
      communeReportId: current.id,
      periodId,
      kind: 'received',
    });
  });
  return getCommuneReport(ctx, periodId);
}

/** The report as an official .docx (NĐ 30/2020) or as .xlsx. */
export async function communeReportFile(ctx: Ctx, periodId: string, format: 'docx' | 'xlsx') {
  const view = await getCommuneReport(ctx, periodId);
  const doc = view.document as CommuneReportDocument;
  const bytes =
    format === 'docx'
      ? await (await import('./document/report-docx.ts')).renderReportDocx(doc)
      : await (await import('./document/report-xlsx.ts')).renderReportXlsx(doc);
  const name = `bao-cao-${view.periodCode}-${view.communeName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()}.${format}`;
  return { bytes, name };
}

/** Province officers: every commune of the province for one period code, with its report's state. */
export async function provinceReports(ctx: Ctx, provinceId: string, periodCode: string) {
  const actor = requireActor(ctx);
  parsePeriod(periodCode);
  if (
    !can(actor, 'reports.read', { provinceId, communeId: null }) ||
    (!scopeOf(actor, 'reports.read').all && !scopeOf(actor, 'reports.read').provinceIds.includes(provinceId))
  )
    throw notFound('ORG_UNIT_NOT_FOUND', 'tỉnh');
  const rows = await ctx.db
    .selectFrom('plans as pl')
    .innerJoin('orgUnits as c', 'c.id', 'pl.communeId')
    .leftJoin('reportingPeriods as p', (j) => j.onRef('p.planId', '=', 'pl.id').on('p.code', '=', periodCode))
    .leftJoin('communeReports as r', 'r.periodId', 'p.id')
    .select([
      'c.id as communeId',
      'c.code as communeCode',
      'c.fullName as communeName',
      'c.sortKey',
      'p.id as periodId',
      'p.level',
      'p.dueOn',
      'r.id as reportId',
      'r.status',
      'r.sentAt',
      'r.isLate',
      'r.receivedAt',
    ])
    .where('pl.provinceId', '=', provinceId)
    .where('pl.archivedAt', 'is', null)
    .orderBy('c.sortKey')
    .execute();
  // One line per commune: prefer its commune-level period, else the one carrying the report.
  const byCommune = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const prev = byCommune.get(r.communeId);
    if (
      !prev ||
      (!prev.reportId && r.reportId) ||
      (prev.level !== 'commune' && r.level === 'commune' && !prev.reportId)
    )
      byCommune.set(r.communeId, r);
  }
  return {
    period: periodCode,
    items: [...byCommune.values()].map((r) => ({
      communeId: r.communeId,
      communeCode: r.communeCode,
      communeName: r.communeName,
      periodId: r.periodId,
      reportId: r.reportId,
      status: (r.status ?? 'none') as Status,
      dueOn: r.dueOn,
      sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
      isLate: r.isLate,
      receivedAt: r.receivedAt ? new Date(r.receivedAt).toISOString() : null,
    })),
  };
}

/** Completeness and timeliness per unit of a commune, or per commune of a province, for periods due by `asOf`. */
export async function completenessFigures(
  ctx: Ctx,
  f: { communeId?: string; provinceId?: string; year: number; asOf?: string },
) {
  const actor = requireActor(ctx);
  const asOf = f.asOf ?? todayVietnam();
  const place = f.communeId ? await findNode(ctx.db, f.communeId) : await findNode(ctx.db, f.provinceId!);
  if (!place || !can(actor, 'reports.read', { provinceId: place.provinceId, communeId: f.communeId ? place.id : null }))
    throw notFound('ORG_UNIT_NOT_FOUND', f.communeId ? 'xã' : 'tỉnh');
  let pq = ctx.db
    .selectFrom('reportingPeriods')
    .selectAll()
    .where('level', '=', 'unit')
    .where('startOn', '>=', `${f.year}-01-01`)
    .where('startOn', '<=', `${f.year}-12-31`)
    .where('dueOn', '<=', asOf);
  pq = f.communeId ? pq.where('communeId', '=', f.communeId) : pq.where('provinceId', '=', f.provinceId!);
  const periods = await pq.execute();
  const subs = await q.submissionsOfPeriods(
    ctx.db,
    periods.map((p) => p.id),
  );
  const cells: { key: string; name: string; due: boolean; submitted: boolean; late: boolean | null }[] = [];
  const names = new Map<string, string>();
  for (const planId of new Set(periods.map((p) => p.planId))) {
    const units = await q.expectedUnits(ctx.db, planId);
    for (const p of periods.filter((x) => x.planId === planId)) {
      for (const u of units) {
        const s = subs.find((x) => x.periodId === p.id && x.unitId === u.id);
        const key = f.communeId ? u.id : p.communeId;
        names.set(u.id, u.name);
        cells.push({
          key,
          name: u.name,
          due: true,
          submitted: !!s && (s.status === 'submitted' || s.status === 'approved'),
          late: s?.isLate ?? null,
        });
      }
    }
  }
  if (!f.communeId) {
    const communes = await ctx.db
      .selectFrom('orgUnits')
      .select(['id', 'fullName'])
      .where('id', 'in', [...new Set(cells.map((c) => c.key)), '00000000-0000-0000-0000-000000000000'])
      .execute();
    for (const c of communes) names.set(c.id, c.fullName);
  }
  const keys = [...new Set(cells.map((c) => c.key))];
  return {
    total: completeness(cells),
    rows: keys.map((k) => ({
      id: k,
      name: names.get(k) ?? k,
      kind: (f.communeId ? 'unit' : 'commune') as 'unit' | 'commune',
      ...completeness(cells.filter((c) => c.key === k)),
    })),
  };
}

export { feedingPeriods };
