import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type Actor, can, requireActor, scopeOf } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/files.ts';
import { listCatalogueForMatching } from '../indicators/index.ts';
import { publish } from '../../platform/events.ts';
import { findNode } from '../org/index.ts';
import { indicatorsIn } from './import/indicators.ts';
import type { PlanContentInput } from './plans.contract.ts';
import { contentFromExtraction } from './plans.content.ts';
import * as q from './plans.queries.ts';
import { assertPlanReferences, namedInContent } from './plans.references.ts';
import {
  diffPlans,
  matchUnit,
  suggestIndicator,
  summariseDiff,
  type PlanContent,
  type PlanDiff,
} from './plans.rules.ts';

const importNotFound = () => notFound('PLAN_IMPORT_NOT_FOUND', 'bản nhập kế hoạch');

/** A file name as people see it (the platform's one rule: no folders, no control characters). */
const safeName = (name: string) => safeFileName(name, 'ke-hoach');

export async function requireManageCommune(
  ctx: Ctx,
  communeId: string,
): Promise<{ actor: Actor; commune: NonNullable<Awaited<ReturnType<typeof findNode>>> }> {
  const actor = requireActor(ctx);
  const commune = await findNode(ctx.db, communeId);
  const place = commune && { provinceId: commune.provinceId, communeId: commune.communeId };
  if (!commune || commune.kind !== 'commune' || !can(actor, 'plans.read', place!))
    throw notFound('ORG_UNIT_NOT_FOUND', 'xã');
  if (!can(actor, 'plans.manage', place!))
    throw new AppError('FORBIDDEN', 'forbidden', 'Bạn không có quyền quản lý kế hoạch của xã này.');
  return { actor, commune };
}

/** Adds what a person would otherwise look up: the catalogue indicator and the lead unit. */
export async function enrich(ctx: Ctx, communeId: string, content: PlanContent) {
  const [catalogue, units] = await Promise.all([
    listCatalogueForMatching(ctx.db),
    q.listCommuneUnits(ctx.db, communeId),
  ]);
  const names = new Map(catalogue.map((c) => [c.id, c.name]));
  const suggestions = content.targets.map((t) => {
    const s = suggestIndicator(t, catalogue);
    return s ? { ...s, indicatorName: names.get(s.indicatorId)! } : null;
  });
  content.targets.forEach((t, i) => {
    if (suggestions[i]) Object.assign(t, { indicatorId: suggestions[i]!.indicatorId, indicatorLink: 'suggested' });
  });
  for (const t of content.tasks) t.leadUnitId = matchUnit(t.leadText, units);
  return suggestions;
}

function toView(row: q.ImportRow) {
  const stored = row.extraction as { content: PlanContent; suggestions: unknown[] };
  return {
    id: row.id,
    communeId: row.communeId,
    communeName: row.communeName,
    planId: row.planId,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    warnings: (row.warnings as string[]) ?? [],
    status: row.status,
    lines: row.sourceText.split('\n'),
    extraction: stored.content,
    suggestions: stored.suggestions as never,
    review: row.review ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Reads an uploaded document into a draft for review. Writes only the draft. */
export async function startImport(
  ctx: Ctx,
  input: { communeId: string; planId?: string; fileName: string; bytes: Uint8Array },
) {
  const { actor, commune } = await requireManageCommune(ctx, input.communeId);
  if (input.planId) {
    const plan = await q.findPlan(ctx.db, input.planId);
    if (!plan || plan.communeId !== commune.id) throw notFound('PLAN_NOT_FOUND', 'kế hoạch');
  }
  // The document readers (mammoth, pdf.js) load on first use, not at every server start.
  const { importPlanDocument } = await import('./import/import-plan-document.ts');
  const { document, plan: extraction } = await importPlanDocument(input.bytes, input.fileName);
  const content = contentFromExtraction(extraction);
  const suggestions = await enrich(ctx, commune.id, content);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('planImports')
      .values({
        provinceId: commune.provinceId!,
        communeId: commune.id,
        planId: input.planId ?? null,
        fileName: safeName(input.fileName),
        format: document.format,
        sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
        byteSize: input.bytes.byteLength,
        encoding: document.encoding ?? null,
        warnings: JSON.stringify(document.warnings),
        sourceText: document.text,
        extraction: JSON.stringify({ content, suggestions }),
        review: null,
        committedVersion: null,
        createdBy: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'plan_import.started',
      recordType: 'plan_import',
      recordId: row.id,
      summary: `Tải lên "${safeName(input.fileName)}": đọc được ${content.targets.length} chỉ tiêu, ${content.tasks.length} nhiệm vụ, ${content.reporting.length} quy định báo cáo`,
      provinceId: commune.provinceId,
      communeId: commune.id,
    });
    return toView((await q.findImport(tx.db, row.id))!);
  });
}

async function getDraft(ctx: Ctx, id: string, mustBeDraft = true) {
  const row = await q.findImport(ctx.db, id);
  if (!row) throw importNotFound();
  await requireManageCommune(ctx, row.communeId).catch((e: AppError) => {
    throw e.kind === 'forbidden' ? e : importNotFound();
  });
  if (mustBeDraft && row.status !== 'draft')
    throw new AppError(
      'PLAN_IMPORT_CLOSED',
      'conflict',
      row.status === 'committed' ? 'Bản nhập này đã được lưu thành kế hoạch.' : 'Bản nhập này đã bị hủy.',
    );
  return row;
}

export async function getImport(ctx: Ctx, id: string) {
  return toView(await getDraft(ctx, id, false));
}

/** The draft's commune as a plan's place: what its content may name (plans.references.ts). */
const placeOfDraft = (row: q.ImportRow) => ({ provinceId: row.provinceId, communeId: row.communeId });

export async function saveReview(ctx: Ctx, id: string, review: PlanContentInput) {
  const row = await getDraft(ctx, id);
  await assertPlanReferences(ctx.db, placeOfDraft(row), namedInContent(review));
  await ctx.db
    .updateTable('planImports')
    .set({ review: JSON.stringify(review), updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
  return getImport(ctx, id);
}

export async function discardImport(ctx: Ctx, id: string) {
  const row = await getDraft(ctx, id);
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('planImports')
      .set({ status: 'discarded', updatedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'plan_import.discarded',
      recordType: 'plan_import',
      recordId: id,
      summary: `Hủy bản nhập "${row.fileName}"`,
      provinceId: row.provinceId,
      communeId: row.communeId,
    });
    return toView((await q.findImport(tx.db, id))!);
  });
}

/** What saving the reviewed content would change in the current plan (for a re-import). */
export async function previewChanges(ctx: Ctx, id: string, content: PlanContentInput): Promise<PlanDiff | null> {
  const row = await getDraft(ctx, id);
  if (!row.planId) return null;
  const plan = await q.findPlan(ctx.db, row.planId);
  if (!plan) throw notFound('PLAN_NOT_FOUND', 'kế hoạch');
  return diffPlans(await q.loadContent(ctx.db, plan), content);
}

/**
 * Saves content as a plan: a new plan (version 1), or a new version of an existing plan
 * whose items are updated in place where they match. Used by the review screen and by the
 * demo data, so the demo plans go through exactly what a person's upload goes through.
 */
export async function saveContentAsPlan(
  tx: Ctx,
  input: {
    commune: { id: string; provinceId: string | null; fullName: string };
    planId: string | null;
    content: PlanContent;
    source: { fileName: string; format: string; sha256: string; text: string } | null;
    note: string | null;
    actorId: string | null;
  },
): Promise<string> {
  const { commune, content } = input;
  const h = content.header;
  if (input.planId) {
    const plan = (await q.findPlan(tx.db, input.planId))!;
    const diff = diffPlans(await q.loadContent(tx.db, plan), content);
    await q.writeItems(tx.db, plan, content, diff);
    if (content.targets.some((t) => t.indicatorId))
      publish(tx, {
        type: 'plan.targets-linked',
        provinceId: plan.provinceId,
        communeId: plan.communeId,
        planId: plan.id,
      }); // targets linked to computed indicators get their values now
    const versionNo = plan.currentVersion + 1;
    await tx.db
      .updateTable('plans')
      .set({ ...h, currentVersion: versionNo, updatedAt: sql`now()` })
      .where('id', '=', plan.id)
      .execute();
    await tx.db
      .insertInto('planVersions')
      .values({
        planId: plan.id,
        provinceId: plan.provinceId,
        communeId: plan.communeId,
        versionNo,
        sourceFileName: input.source?.fileName ?? null,
        sourceFormat: input.source?.format ?? null,
        sourceSha256: input.source?.sha256 ?? null,
        sourceText: input.source?.text ?? null,
        snapshot: JSON.stringify(content),
        changes: JSON.stringify({ ...stripPairs(diff), summary: summariseDiff(diff) }),
        note: input.note,
        createdBy: input.actorId,
      })
      .execute();
    await audit(tx, {
      action: 'plan.version_created',
      recordType: 'plan',
      recordId: plan.id,
      summary: `Kế hoạch "${h.title}" phiên bản ${versionNo}: ${summariseDiff(diff)}`,
      provinceId: plan.provinceId,
      communeId: plan.communeId,
    });
    return plan.id;
  }
  const plan = await tx.db
    .insertInto('plans')
    .values({
      provinceId: commune.provinceId!,
      communeId: commune.id,
      ...h,
      createdBy: input.actorId,
      archivedAt: null,
    })
    .returning(['id', 'provinceId', 'communeId'])
    .executeTakeFirstOrThrow();
  await q.writeItems(tx.db, plan, content);
  if (content.targets.some((t) => t.indicatorId))
    publish(tx, {
      type: 'plan.targets-linked',
      provinceId: plan.provinceId,
      communeId: plan.communeId,
      planId: plan.id,
    });
  await tx.db
    .insertInto('planVersions')
    .values({
      planId: plan.id,
      provinceId: plan.provinceId,
      communeId: plan.communeId,
      versionNo: 1,
      sourceFileName: input.source?.fileName ?? null,
      sourceFormat: input.source?.format ?? null,
      sourceSha256: input.source?.sha256 ?? null,
      sourceText: input.source?.text ?? null,
      snapshot: JSON.stringify(content),
      changes: null,
      note: input.note,
      createdBy: input.actorId,
    })
    .execute();
  await audit(tx, {
    action: 'plan.created',
    recordType: 'plan',
    recordId: plan.id,
    summary: `Tạo kế hoạch "${h.title}" của ${commune.fullName}: ${content.targets.length} chỉ tiêu, ${content.tasks.length} nhiệm vụ`,
    provinceId: plan.provinceId,
    communeId: plan.communeId,
  });
  return plan.id;
}

export const stripPairs = (d: PlanDiff) => ({
  header: d.header,
  targets: { ...d.targets, pairs: undefined },
  tasks: { ...d.tasks, pairs: undefined },
  reporting: { ...d.reporting, pairs: undefined },
});

export async function commitImport(ctx: Ctx, id: string, body: PlanContentInput & { note: string | null }) {
  const row = await getDraft(ctx, id);
  await assertPlanReferences(ctx.db, placeOfDraft(row), namedInContent(body));
  const actor = requireActor(ctx);
  const commune = (await findNode(ctx.db, row.communeId))!;
  const { note, ...content } = body;
  return inTransaction(ctx, async (tx) => {
    const planId = await saveContentAsPlan(tx, {
      commune,
      planId: row.planId,
      content,
      source: { fileName: row.fileName, format: row.format, sha256: row.sha256, text: row.sourceText },
      note,
      actorId: actor.userId,
    });
    const plan = (await q.findPlan(tx.db, planId))!;
    await tx.db
      .updateTable('planImports')
      .set({
        status: 'committed',
        planId,
        committedVersion: plan.currentVersion,
        review: JSON.stringify(content),
        updatedAt: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    return planId;
  });
}

/** Open drafts (being reviewed) in the communes where the actor manages plans, newest first. */
export async function listDrafts(ctx: Ctx) {
  const actor = requireActor(ctx);
  const scope = scopeOf(actor, 'plans.manage');
  let query = ctx.db
    .selectFrom('planImports as m')
    .innerJoin('orgUnits as c', 'c.id', 'm.communeId')
    .leftJoin('users as u', 'u.id', 'm.createdBy')
    .select([
      'm.id',
      'm.communeId',
      'c.fullName as communeName',
      'm.planId',
      'm.fileName',
      'm.createdAt',
      'm.updatedAt',
      'u.fullName as createdByName',
    ])
    .where('m.status', '=', 'draft')
    .orderBy('m.updatedAt', 'desc')
    .limit(50);
  if (!scope.all) {
    query = query.where((eb) =>
      eb.or([
        ...(scope.provinceIds.length ? [eb('m.provinceId', 'in', scope.provinceIds)] : []),
        ...(scope.communeIds.length ? [eb('m.communeId', 'in', scope.communeIds)] : []),
        eb.val(false),
      ]),
    );
  }
  const rows = await query.execute();
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
  };
}

/** Catalogue suggestions for targets found in a selected passage, as for the whole document. */
export async function suggestForTargets(ctx: Ctx, targets: { text: string; unit: string }[]) {
  const catalogue = await listCatalogueForMatching(ctx.db);
  const names = new Map(catalogue.map((c) => [c.id, c.name]));
  return targets.map((t) => {
    const s = suggestIndicator(t, catalogue);
    return s ? { ...s, indicatorName: names.get(s.indicatorId)! } : null;
  });
}

/** Items found in a passage the person selected on the source text ("add a missing item"). */
export function parsePassage(body: {
  text: string;
  firstLine: number;
  kind: 'target' | 'task';
  groupName: string | null;
  year: number | null;
}) {
  const lineAt = (offset: number) => body.firstLine + (body.text.slice(0, offset).match(/\n/g)?.length ?? 0);
  if (body.kind === 'target') {
    const found = indicatorsIn(
      { text: body.text, lineAt, listItem: true, baseline: false, year: body.year, group: body.groupName },
      { target: body.year, baseline: null },
    );
    return {
      targets: contentFromExtraction({
        title: '',
        commune: null,
        period: { from: null, to: null },
        indicators: found,
        tasks: [],
        reporting: [],
      }).targets,
      tasks: [],
    };
  }
  const tasks = body.text
    .split('\n')
    .map((l, i) => ({
      title: l.replace(/^\s*(?:[-+•*–]|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*/u, '').trim(),
      line: body.firstLine + i,
    }))
    .filter((t) => t.title.length > 3)
    .map((t) => ({
      groupName: body.groupName,
      title: t.title,
      leadText: null,
      partners: [],
      fromYear: null,
      toYear: body.year,
      expected: null,
      sourceLine: t.line,
    }));
  return { targets: [], tasks };
}
