/**
 * A unit's report for a period (báo cáo của đơn vị): read with its pre-filled figures, saved
 * as a draft, submitted (saved and sent in one step from the page), returned or approved by
 * the standing office. The calendar of periods: reporting-calendar.service.ts.
 */
import { sql } from 'kysely';
import { type Actor, can, requireActor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { reading, together, type Answers } from '../../platform/db/reading.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findNode } from '../org/index.ts';
import { describeTarget, taskIdsOfPlan } from '../plans/index.ts';
import type { SaveSubmissionBody, SubmissionReceipt, SubmissionView } from './reporting.contract.ts';
import { getReadablePeriod, placeOf } from './reporting-calendar.service.ts';
import * as q from './reporting.queries.ts';
import { checkValue, isLate, isSelfReview } from './reporting.rules.ts';
import { platformValues, type KnownValue } from './platform-values.ts';
import { publish } from '../../platform/events.ts';
import { narrativeFromTasks } from './narrative.rules.ts';
import type { ReportedValue } from './reporting.tables.ts';
import { unitTasksForPeriod, type UnitTaskGroup } from './task-summary.ts';

// ——— A unit's submission ———

/** The unit a report is of: a unit of the period's commune. */
function unitOf(node: Awaited<ReturnType<typeof findNode>>, period: q.PeriodRow): ReportBasis['unit'] {
  if (!node || node.kind !== 'unit' || node.communeId !== period.communeId)
    throw notFound('ORG_UNIT_NOT_FOUND', 'đơn vị');
  return node;
}

function submissionActions(
  actor: Actor,
  period: q.PeriodRow,
  unitId: string,
  status: SubmissionView['status'],
  review: { submittedBy: string | null; separated: boolean },
): SubmissionView['allowedActions'] {
  const out: SubmissionView['allowedActions'] = [];
  if (
    can(actor, 'reports.submit', placeOf(period, unitId)) &&
    (status === 'none' || status === 'draft' || status === 'returned')
  )
    out.push('save', 'submit');
  if (
    can(actor, 'reports.review', placeOf(period)) &&
    status === 'submitted' &&
    !isSelfReview(review.submittedBy, actor.userId, review.separated)
  )
    out.push('return', 'approve');
  return out;
}

function requireSubmitter(actor: Actor, period: q.PeriodRow, unitId: string) {
  if (!can(actor, 'reports.submit', placeOf(period, unitId)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền nộp báo cáo của đơn vị này.');
}

/** What checking and writing a unit's report needs — and all a receipt tells. */
interface ReportBasis {
  unit: { id: string; fullName: string };
  sub: Awaited<ReturnType<typeof q.findSubmission>>;
  targets: { id: string; unit: string }[];
  previous: Map<string, number>;
  saved: ReportedValue[];
}

/** Everything a unit's report view is made of, read once per request. */
interface SubmissionParts extends ReportBasis {
  targets: Awaited<ReturnType<typeof q.unitTargets>>;
  tasks: Awaited<ReturnType<typeof q.unitTasks>>;
  known: Map<string, KnownValue>;
  narratives: {
    planTaskId: string | null;
    taskTitle: string;
    done: string | null;
    difficulties: string | null;
    proposals: string | null;
  }[];
  tracked: UnitTaskGroup[];
  history: Awaited<ReturnType<typeof q.eventsOf>>;
}

const isEditable = (status: SubmissionView['status']) =>
  status === 'none' || status === 'draft' || status === 'returned';

function unitPeriod(period: q.PeriodRow) {
  if (period.level !== 'unit')
    throw new AppError(
      'REPORTING_PERIOD_NOT_FOR_UNITS',
      'invalid',
      'Kỳ này là báo cáo của xã gửi tỉnh, không phải của các đơn vị.',
    );
  return period;
}

/** Reads what checking and writing a unit's report needs: the targets without their texts, no prefill sources, narratives or history. */
async function loadBasis(ctx: Ctx, period: q.PeriodRow, unitId: string): Promise<ReportBasis> {
  const [node, sub, targets, previous] = await together([
    findNode(ctx.db, unitId),
    q.findSubmission(ctx.db, period.id, unitId),
    q.unitTargetsToCheck(ctx.db, period.planId, unitId),
    q.previousApprovedValues(ctx.db, period, unitId),
  ]);
  const unit = unitOf(node, period);
  const saved = sub ? await q.savedValues(ctx.db, sub.id) : [];
  return { unit, sub, targets, previous, saved };
}

/** The readings a unit's report view is made of besides the unit and the submission: they need nothing from each other, so they go together. */
const reportReadings = (db: Db, period: q.PeriodRow, unitId: string, submissionId: string | null) =>
  [
    q.unitTargets(db, period.planId, unitId),
    q.unitTasks(db, period.planId, unitId),
    q.previousApprovedValues(db, period, unitId),
    submissionId ? q.savedValues(db, submissionId) : [],
    submissionId ? q.narrativesOf(db, submissionId) : [],
    submissionId ? q.eventsOf(db, { submissionId }) : [],
  ] as const;
type ReportContents = Answers<ReturnType<typeof reportReadings>>;

/**
 * A report's parts from what was read; while the unit can still edit it, also the platform's
 * own figures that pre-fill it and its tracked tasks' progress for rows without saved text.
 * A locked report shows what was sent; `prefill: false` — a submit, which locks what is saved — reads neither.
 */
async function completeParts(
  ctx: Ctx,
  period: q.PeriodRow,
  unit: ReportBasis['unit'],
  sub: ReportBasis['sub'],
  contents: ReportContents,
  prefill: boolean,
): Promise<SubmissionParts> {
  const [targets, tasks, previous, saved, narratives, history] = contents;
  const editable = isEditable(sub?.status ?? 'none') && prefill;
  const [known, tracked] = editable
    ? await Promise.all([platformValues(ctx, period), unitTasksForPeriod(ctx, period, unit.id)])
    : [new Map<string, KnownValue>(), []];
  return { unit, sub, targets, tasks, previous, known, saved, narratives, tracked, history };
}

/** Reads a unit's report for a period: the unit and its submission, then everything else in one go. */
async function loadSubmission(
  ctx: Ctx,
  period: q.PeriodRow,
  unitId: string,
  opts: { prefill?: boolean } = {},
): Promise<SubmissionParts> {
  const [node, sub] = await together([findNode(ctx.db, unitId), q.findSubmission(ctx.db, period.id, unitId)]);
  const unit = unitOf(node, period);
  return completeParts(
    ctx,
    period,
    unit,
    sub,
    await together(reportReadings(ctx.db, period, unitId, sub?.id ?? null)),
    opts.prefill !== false,
  );
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

/** The view of a unit's report from its parts (no I/O): saved values by target, else the platform's known figure. */
/** `separated`: REPORT_SEPARATION_OF_DUTIES — whoever sent a report does not review it. */
function presentSubmission(actor: Actor, period: q.PeriodRow, p: SubmissionParts, separated: boolean): SubmissionView {
  const sub = p.sub;
  const status = sub?.status ?? 'none';
  const savedOf = new Map(p.saved.map((v) => [v.targetId, v]));
  return {
    id: sub?.id ?? null,
    periodId: period.id,
    periodLabel: period.label,
    dueOn: period.dueOn,
    unitId: p.unit.id,
    unitName: p.unit.fullName,
    status,
    isLate: sub?.isLate ?? null,
    submittedAt: sub?.submittedAt ? new Date(sub.submittedAt).toISOString() : null,
    reviewComment: sub?.reviewComment ?? null,
    generalNote: sub?.generalNote ?? null,
    values: p.targets.map((t) => {
      const v = savedOf.get(t.id);
      const k = !v && t.indicatorCode ? p.known.get(t.indicatorCode) : undefined;
      return {
        targetId: t.id,
        groupName: t.groupName,
        text: t.text,
        targetText: describeTarget({ ...t, value: Number(t.value), valueMax: num(t.valueMax) }),
        unit: t.unit,
        hasFormula: !!(t.numeratorLabel && t.denominatorLabel),
        numeratorLabel: t.numeratorLabel,
        denominatorLabel: t.denominatorLabel,
        previousValue: p.previous.get(t.id) ?? null,
        value: num(v?.value ?? k?.value),
        numerator: num(v?.numerator ?? k?.numerator),
        denominator: num(v?.denominator ?? k?.denominator),
        note: v?.note ?? (k ? k.source : null),
        warning: v?.warning ?? null,
        prefilled: !!k,
      };
    }),
    narratives: narrativeRows(p.tasks, isEditable(status) ? p.tracked : [], p.narratives),
    history: p.history,
    allowedActions: submissionActions(actor, period, p.unit.id, status, {
      submittedBy: sub?.submittedBy ?? null,
      separated,
    }),
  };
}

export async function getSubmission(ctx: Ctx, periodId: string, unitId: string): Promise<SubmissionView> {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  return presentSubmission(
    actor,
    period,
    await loadSubmission(ctx, unitPeriod(period), unitId),
    ctx.config.reportSeparationOfDuties,
  );
}

/**
 * The narrative rows of a unit's report: the plan items it leads, then plan items and ad hoc
 * tasks it carries out as tracked tasks, then any saved row matching neither (nothing saved is
 * lost). A saved row shows what the person saved — even emptied — and is never written over;
 * a row never saved starts from the tracked tasks' progress (`prefilled`).
 */
function narrativeRows(
  planTasks: { id: string; title: string; groupName: string | null }[],
  tracked: UnitTaskGroup[],
  saved: {
    planTaskId: string | null;
    taskTitle: string;
    done: string | null;
    difficulties: string | null;
    proposals: string | null;
  }[],
): SubmissionView['narratives'] {
  // A row is the plan item it reports on; an ad hoc task (no plan item) is matched by its title.
  const key = (r: { planTaskId: string | null; taskTitle: string }) =>
    r.planTaskId ? `item:${r.planTaskId}` : `title:${r.taskTitle}`;
  const rows = new Map<string, { planTaskId: string | null; taskTitle: string; groupName: string | null }>();
  for (const t of planTasks)
    if (!rows.has(key({ planTaskId: t.id, taskTitle: t.title })))
      rows.set(key({ planTaskId: t.id, taskTitle: t.title }), {
        planTaskId: t.id,
        taskTitle: t.title,
        groupName: t.groupName,
      });
  const groups = new Map<string, UnitTaskGroup>();
  for (const g of tracked) {
    const k = key({ planTaskId: g.planTaskId, taskTitle: g.title });
    if (!groups.has(k)) groups.set(k, g);
    if (!rows.has(k)) rows.set(k, { planTaskId: g.planTaskId, taskTitle: g.title, groupName: g.groupName });
  }
  const savedOf = new Map<string, (typeof saved)[number]>();
  for (const n of saved) {
    const k = key(n);
    if (!savedOf.has(k)) savedOf.set(k, n);
    if (!rows.has(k)) rows.set(k, { planTaskId: n.planTaskId, taskTitle: n.taskTitle, groupName: null });
  }
  return [...rows.entries()].map(([k, r]) => {
    const n = savedOf.get(k);
    if (n) return { ...r, done: n.done, difficulties: n.difficulties, proposals: n.proposals, prefilled: false };
    const text = narrativeFromTasks(groups.get(k)?.tasks ?? []);
    return { ...r, done: text, difficulties: null, proposals: null, prefilled: text !== null };
  });
}

const lockedError = (status: SubmissionView['status']) =>
  new AppError(
    'REPORT_LOCKED',
    'conflict',
    status === 'approved' ? 'Báo cáo đã được duyệt và khóa.' : 'Báo cáo đã nộp, đang chờ duyệt.',
  );

/** Checks each value sent against its target (and the last approved value); throws every field error, writes nothing. */
function checkedValues(parts: ReportBasis, body: SaveSubmissionBody) {
  const targetOf = new Map(parts.targets.map((t) => [t.id, t]));
  const fields: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const values = body.values.map((v, i): ReportedValue | null => {
    const target = targetOf.get(v.targetId);
    if (!target) {
      fields.push({ path: `body.values.${i}.targetId`, message: 'Chỉ tiêu không thuộc đơn vị này' });
      return null;
    }
    // One value per target: the set is stored whole, so a second row for a target would be kept beside the first.
    if (seen.has(v.targetId)) {
      fields.push({ path: `body.values.${i}.targetId`, message: 'Chỉ tiêu này đã có giá trị ở dòng khác' });
      return null;
    }
    seen.add(v.targetId);
    // A field left out is empty, as is a note of only spaces (the body's schema has already trimmed it).
    const input = { value: v.value ?? null, numerator: v.numerator ?? null, denominator: v.denominator ?? null };
    const check = checkValue(input, target.unit, parts.previous.get(target.id) ?? null);
    for (const e of check.errors) fields.push({ path: `body.values.${i}.${e.field}`, message: e.message });
    return {
      targetId: v.targetId,
      value: check.value,
      numerator: input.numerator,
      denominator: input.denominator,
      note: v.note || null,
      warning: check.warning,
    };
  });
  if (fields.length) throw new AppError('REPORT_VALUES_INVALID', 'invalid', fields[0].message, { fields });
  return values.filter((v) => v !== null);
}

/**
 * A narrative names a task of the period's own plan, or none: another commune's task would put that
 * commune's headings into this commune's report (issue 22, finding 9). Out of scope answers 404.
 */
async function assertNarrativeTasks(ctx: Ctx, period: q.PeriodRow, body: SaveSubmissionBody | undefined) {
  const named = (body?.narratives ?? []).flatMap((n, i) => (n.planTaskId ? [{ id: n.planTaskId, i }] : []));
  if (!named.length) return;
  const found = await taskIdsOfPlan(
    ctx.db,
    period.planId,
    named.map((n) => n.id),
  );
  const bad = named.filter((n) => !found.has(n.id));
  if (bad.length)
    throw new AppError('PLAN_TASK_NOT_FOUND', 'not_found', 'Không tìm thấy nhiệm vụ của kế hoạch.', {
      fields: bad.map((n) => ({
        path: `body.narratives.${n.i}.planTaskId`,
        message: 'Không phải nhiệm vụ của kế hoạch kỳ báo cáo này',
      })),
    });
}

/** How a submit sends the report: when, by whom, and whether after the deadline. */
interface Sending {
  at: Date;
  by: string;
  late: boolean;
}

/**
 * Writes a unit's report (values, narratives, note) over what was saved — as a draft, or with
 * `sending` as the submitted report in the same statements; returns the parts it wrote. The
 * audit rows go with the write: "saved", and "submitted" when it is sent.
 */
async function writeReport(
  tx: Ctx,
  period: q.PeriodRow,
  parts: ReportBasis,
  body: SaveSubmissionBody,
  values: ReportedValue[],
  sending?: Sending,
) {
  const tenant = { provinceId: period.provinceId, communeId: period.communeId };
  const status = parts.sub?.status ?? 'none';
  const state = sending
    ? { status: 'submitted' as const, submittedAt: sending.at, submittedBy: sending.by, isLate: sending.late }
    : { status: status === 'returned' ? ('returned' as const) : ('draft' as const) };
  const sub = parts.sub
    ? // Only a draft or a returned report is written over: one sent or approved meanwhile is left as it is.
      await tx.db
        .updateTable('reportSubmissions')
        .set({ generalNote: body.generalNote, ...state, updatedAt: sql`now()` })
        .where('id', '=', parts.sub.id)
        .where('status', 'in', ['draft', 'returned'])
        .returningAll()
        .executeTakeFirst()
    : await tx.db
        .insertInto('reportSubmissions')
        .values({
          ...tenant,
          periodId: period.id,
          unitId: parts.unit.id,
          submittedAt: null,
          submittedBy: null,
          isLate: null,
          reviewComment: null,
          reviewedBy: null,
          reviewedAt: null,
          generalNote: body.generalNote,
          ...state,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  if (!sub) throw new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo vừa thay đổi trạng thái; hãy tải lại.');
  await q.writeValueSet(tx.db, { ...tenant, submissionId: sub.id }, values);
  if (parts.sub) await tx.db.deleteFrom('reportNarratives').where('submissionId', '=', sub.id).execute(); // a report just created has none
  // Every row sent is kept, an emptied one too: what the person cleared is not prefilled again.
  const narratives = body.narratives.map((n) => ({
    ...tenant,
    submissionId: sub.id,
    planTaskId: n.planTaskId,
    taskTitle: n.taskTitle,
    done: n.done,
    difficulties: n.difficulties,
    proposals: n.proposals,
  }));
  if (narratives.length) await tx.db.insertInto('reportNarratives').values(narratives).execute();
  const record = { recordType: 'report_submission', recordId: sub.id, ...tenant };
  await audit(tx, [
    {
      action: 'report.saved',
      summary: `Lưu báo cáo ${period.label} của ${parts.unit.fullName}: ${values.length} giá trị`,
      ...record,
    },
    ...(sending ? [submittedAudit(period, parts, sending, record)] : []),
  ]);
  return { sub, saved: values, narratives };
}

const submittedAudit = (
  period: q.PeriodRow,
  parts: ReportBasis,
  sending: Sending,
  record: { recordType: string; recordId: string; provinceId: string; communeId: string },
) => ({
  action: 'report.submitted',
  summary: `Nộp báo cáo ${period.label} của ${parts.unit.fullName}${sending.late ? ' (muộn)' : ''}`,
  ...record,
});

/**
 * How a save or submit answers: the report's whole view (the report page), or a receipt —
 * its state, how many values were stored and their warnings — for a client that asked
 * `Prefer: return=minimal`; the receipt skips reading and building the 300-row view.
 */
export type Answer = 'view' | 'receipt';

function receiptOf(
  period: q.PeriodRow,
  unitId: string,
  sub: NonNullable<ReportBasis['sub']>,
  values: ReportedValue[],
): SubmissionReceipt {
  return {
    id: sub.id,
    periodId: period.id,
    unitId,
    status: sub.status,
    isLate: sub.isLate ?? null,
    submittedAt: sub.submittedAt ? new Date(sub.submittedAt).toISOString() : null,
    valueCount: values.length,
    warnings: values.flatMap((v) => (v.warning ? [{ targetId: v.targetId, warning: v.warning }] : [])),
  };
}

/** Saves a unit's draft: reads the report once, checks every value against its target, writes, answers from what it wrote. */
export async function saveSubmission(
  ctx: Ctx,
  periodId: string,
  unitId: string,
  body: SaveSubmissionBody,
  answer: Answer = 'view',
): Promise<SubmissionView | SubmissionReceipt> {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const view = answer === 'view' ? await loadSubmission(ctx, unitPeriod(period), unitId) : null;
  const parts = view ?? (await loadBasis(ctx, unitPeriod(period), unitId));
  requireSubmitter(actor, period, unitId);
  const status = parts.sub?.status ?? 'none';
  if (!isEditable(status)) throw lockedError(status);
  await assertNarrativeTasks(ctx, period, body);
  const values = checkedValues(parts, body);
  // The answer is what was just written; saving adds no event and leaves the prefill sources as they were.
  return inTransaction(ctx, async (tx) => {
    const written = await writeReport(tx, period, parts, body, values);
    return view
      ? presentSubmission(actor, period, { ...view, ...written }, tx.config.reportSeparationOfDuties)
      : receiptOf(period, unitId, written.sub, written.saved);
  });
}

/**
 * Submits a unit's report: what is saved, or — with a body — these values, saved and sent in
 * the same statements. Every target needs a value or a note saying why not, in what is sent:
 * the platform's pre-filled figures and the tracked tasks' progress help fill the form, but a
 * locked report holds only what the unit saved, so they are not read here.
 */
export async function submitSubmission(
  ctx: Ctx,
  periodId: string,
  unitId: string,
  body?: SaveSubmissionBody,
  answer: Answer = 'view',
): Promise<SubmissionView | SubmissionReceipt> {
  const { actor, period } = await getReadablePeriod(ctx, periodId);
  const view = answer === 'view' ? await loadSubmission(ctx, unitPeriod(period), unitId, { prefill: false }) : null;
  const parts = view ?? (await loadBasis(ctx, unitPeriod(period), unitId));
  requireSubmitter(actor, period, unitId);
  const status = parts.sub?.status ?? 'none';
  if (!isEditable(status))
    throw body
      ? lockedError(status)
      : new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo này không thể nộp ở trạng thái hiện tại.');
  await assertNarrativeTasks(ctx, period, body);
  const values = body ? checkedValues(parts, body) : null;
  if (!values && !parts.sub)
    throw new AppError('REPORT_NOT_SAVED', 'invalid', 'Hãy nhập và lưu số liệu trước khi nộp.');
  const sentOf = new Map((values ?? parts.saved).map((v) => [v.targetId, v]));
  const missing = parts.targets
    .map((t, i) => ({ v: sentOf.get(t.id), i }))
    .filter(({ v }) => !v || (v.value === null && !v.note));
  if (missing.length) {
    // The same paths as a save's field errors (the form's rows are the targets in this order), so the form marks the same inputs.
    throw new AppError(
      'REPORT_VALUES_MISSING',
      'invalid',
      `Còn ${missing.length} chỉ tiêu chưa có số liệu hoặc ghi chú lý do.`,
      {
        fields: missing.map(({ i }) => ({
          path: `body.values.${i}.value`,
          message: 'Chưa có số liệu hoặc ghi chú lý do',
        })),
      },
    );
  }
  const at = new Date();
  const sending: Sending = { at, by: actor.userId, late: isLate(at, period.dueOn) };
  const comment = sending.late ? `Nộp muộn (hạn ${period.dueOn})` : null;
  return inTransaction(ctx, async (tx) => {
    let written: Awaited<ReturnType<typeof writeReport>> | null = null;
    let sub: NonNullable<ReportBasis['sub']>;
    if (body && values) {
      written = await writeReport(tx, period, parts, body, values, sending);
      sub = written.sub;
    } else {
      const sent = await tx.db
        .updateTable('reportSubmissions')
        .set({
          status: 'submitted',
          submittedAt: at,
          submittedBy: actor.userId,
          isLate: sending.late,
          updatedAt: sql`now()`,
        })
        .where('id', '=', parts.sub!.id)
        .where('status', 'in', ['draft', 'returned'])
        .returningAll()
        .executeTakeFirst();
      if (!sent) throw new AppError('REPORT_LOCKED', 'conflict', 'Báo cáo vừa thay đổi trạng thái; hãy tải lại.');
      sub = sent;
      await audit(
        tx,
        submittedAudit(period, parts, sending, {
          recordType: 'report_submission',
          recordId: sub.id,
          provinceId: period.provinceId,
          communeId: period.communeId,
        }),
      );
    }
    await tx.db
      .insertInto('reportEvents')
      .values({
        provinceId: period.provinceId,
        communeId: period.communeId,
        submissionId: sub.id,
        communeReportId: null,
        kind: 'submitted',
        actorId: actor.userId,
        comment,
        at,
      })
      .execute();
    publish(tx, {
      type: 'report.submitted',
      provinceId: period.provinceId,
      communeId: period.communeId,
      submissionId: sub.id,
      periodId: period.id,
      unitId,
      isLate: sending.late,
    });
    if (!view) return receiptOf(period, unitId, sub, written?.saved ?? parts.saved);
    // Sent, the report is locked: it shows what was sent, no pre-filled figures (as loadSubmission reads it);
    // its history is what it had and this event (written above with the same time).
    const history = [
      ...view.history,
      { kind: 'submitted' as const, at: at.toISOString(), actorName: actor.fullName, comment },
    ];
    return presentSubmission(
      actor,
      period,
      { ...view, ...(written ?? {}), sub, history },
      tx.config.reportSeparationOfDuties,
    );
  });
}

/** The standing office returns a submission with its comments, or approves it (approval locks it). */
export async function reviewSubmission(
  ctx: Ctx,
  submissionId: string,
  decision: 'return' | 'approve',
  comment: string | null,
) {
  const actor = requireActor(ctx);
  const found = await q.findSubmissionToReview(ctx.db, submissionId);
  if (!found || !can(actor, 'reports.read', placeOf(found.period))) throw notFound('REPORT_NOT_FOUND', 'báo cáo');
  const { period, unit } = found;
  if (!can(actor, 'reports.review', placeOf(period)))
    throw new AppError('FORBIDDEN', 'forbidden', 'Chỉ bộ phận thường trực của xã mới duyệt hoặc trả lại báo cáo.');
  // Separation of duties, as for tasks: whoever sent the report does not approve or return it.
  if (
    found.status === 'submitted' &&
    isSelfReview(found.submittedBy, actor.userId, ctx.config.reportSeparationOfDuties)
  )
    throw new AppError(
      'REPORT_SELF_REVIEW',
      'forbidden',
      'Người nộp báo cáo không tự duyệt hoặc trả lại báo cáo của mình; một cán bộ khác của bộ phận thường trực sẽ duyệt.',
    );
  if (found.status !== 'submitted')
    throw new AppError(
      'REPORT_NOT_SUBMITTED',
      'conflict',
      found.status === 'approved' ? 'Báo cáo đã được duyệt.' : 'Báo cáo chưa được nộp.',
    );
  const sub = { id: submissionId, provinceId: period.provinceId, communeId: period.communeId };
  return inTransaction(ctx, async (tx) => {
    // The decision, its event, its audit row and the report as it now stands (the answer, and
    // the values an approval publishes) go in one trip. Only a report still waiting is decided:
    // of two reviewers at the same moment, the second finds it decided.
    const approve = decision === 'approve';
    const [reviewed, , , ...contents] = await together([
      reading(
        tx.db,
        tx.db
          .updateTable('reportSubmissions')
          .set({
            status: approve ? 'approved' : 'returned',
            reviewComment: comment,
            reviewedBy: actor.userId,
            reviewedAt: new Date(),
            updatedAt: sql`now()`,
          })
          .where('id', '=', sub.id)
          .where('status', '=', 'submitted')
          .returningAll(),
        (rows) => rows.at(0),
      ),
      reading(
        tx.db,
        tx.db.insertInto('reportEvents').values({
          provinceId: sub.provinceId,
          communeId: sub.communeId,
          submissionId: sub.id,
          communeReportId: null,
          kind: approve ? 'approved' : 'returned',
          actorId: actor.userId,
          comment,
        }),
      ),
      audit(tx, {
        action: approve ? 'report.approved' : 'report.returned',
        recordType: 'report_submission',
        recordId: sub.id,
        summary: `${approve ? 'Duyệt' : 'Trả lại'} báo cáo ${period.label} của ${unit.fullName}${comment ? `: ${comment}` : ''}`,
        provinceId: sub.provinceId,
        communeId: sub.communeId,
      }),
      ...reportReadings(tx.db, period, unit.id, sub.id),
    ]);
    if (!reviewed)
      throw new AppError('REPORT_NOT_SUBMITTED', 'conflict', 'Báo cáo vừa được duyệt hoặc trả lại; hãy tải lại.');
    const parts = await completeParts(tx, period, unit, reviewed, contents, true);
    const decided = {
      provinceId: sub.provinceId,
      communeId: sub.communeId,
      submissionId: sub.id,
      periodId: period.id,
      unitId: unit.id,
    };
    // Only approved values count (Akvo RSR's rule): they become indicator values before the approval commits.
    if (approve)
      publish(tx, {
        type: 'report.approved',
        ...decided,
        periodCode: period.code,
        periodEnd: period.endOn,
        approvedBy: actor.userId,
        values: parts.saved
          .filter((v) => v.value !== null)
          .map((v) => ({
            targetId: v.targetId,
            value: Number(v.value),
            numerator: v.numerator === null ? null : Number(v.numerator),
            denominator: v.denominator === null ? null : Number(v.denominator),
          })),
      });
    else publish(tx, { type: 'report.returned', ...decided });
    return presentSubmission(actor, period, parts, tx.config.reportSeparationOfDuties);
  });
}
