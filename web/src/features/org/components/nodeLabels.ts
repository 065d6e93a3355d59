import { orgKindLabel, unitTypeLabel, type OrgKindValue, type UnitTypeValue } from '../../../lib/labels.ts';
import type { Locale } from '../../../lib/i18n.tsx';

interface NodeLike {
  kind: OrgKindValue;
  unitType: UnitTypeValue | null;
  adminLevel: string | null;
}

/** "Xã", "Thành phố", "Trường học"… — the administrative level or the unit's type. */
export function nodeTypeLabel(n: NodeLike, locale: Locale): string {
  if (n.kind === 'unit') return unitTypeLabel(n.unitType, locale) || orgKindLabel('unit', locale);
  if (locale === 'vi' && n.adminLevel) return n.adminLevel;
  return orgKindLabel(n.kind, locale);
}
