/**
 * The ids a plan's content names — a target's catalogue indicator, a task's lead unit — are
 * looked up inside the plan's own place before anything is written (issue 22, finding 9: a plan
 * task led by another commune's unit, a target linked to another province's own indicator).
 * Out of scope answers 404, as if the record did not exist, with the field that named it.
 */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { linkableIndicatorIds } from '../indicators/index.ts';
import { unitIdsOfCommune } from '../org/index.ts';

export interface PlanPlace {
  provinceId: string;
  communeId: string;
}

/** The ids named, each with the field path that named it (body.targets.3.indicatorId …). */
export interface NamedIds {
  indicators: { id: string; path: string }[];
  units: { id: string; path: string }[];
}

export function namedInContent(
  content: {
    targets?: { indicatorId?: string | null }[];
    tasks?: { leadUnitId?: string | null }[];
  },
  prefix = 'body',
): NamedIds {
  return {
    indicators: (content.targets ?? []).flatMap((t, i) =>
      t.indicatorId ? [{ id: t.indicatorId, path: `${prefix}.targets.${i}.indicatorId` }] : [],
    ),
    units: (content.tasks ?? []).flatMap((t, i) =>
      t.leadUnitId ? [{ id: t.leadUnitId, path: `${prefix}.tasks.${i}.leadUnitId` }] : [],
    ),
  };
}

export async function assertPlanReferences(db: Db, place: PlanPlace, named: NamedIds): Promise<void> {
  const [indicators, units] = await Promise.all([
    linkableIndicatorIds(
      db,
      place.provinceId,
      named.indicators.map((n) => n.id),
    ),
    unitIdsOfCommune(
      db,
      place.communeId,
      named.units.map((n) => n.id),
    ),
  ]);
  const badIndicator = named.indicators.filter((n) => !indicators.has(n.id));
  if (badIndicator.length)
    throw new AppError('INDICATOR_NOT_FOUND', 'not_found', 'Không tìm thấy chỉ tiêu trong danh mục.', {
      fields: badIndicator.map((n) => ({ path: n.path, message: 'Không có trong danh mục dùng được ở xã này' })),
    });
  const badUnit = named.units.filter((n) => !units.has(n.id));
  if (badUnit.length)
    throw new AppError('ORG_UNIT_NOT_FOUND', 'not_found', 'Không tìm thấy đơn vị chủ trì trong xã.', {
      fields: badUnit.map((n) => ({ path: n.path, message: 'Không phải đơn vị của xã' })),
    });
}
