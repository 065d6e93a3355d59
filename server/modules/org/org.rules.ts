/**
 * Pure rules of the organisation tree (cây tổ chức): which nodes an actor sees, the standard
 * units of a commune, unit names and codes.
 */
import type { Scope } from '../../platform/access.ts';
import type { OrgKind, UnitType } from '../../platform/platform.tables.ts';

export interface NodeRef {
  id: string;
  kind: OrgKind;
  provinceId: string | null;
  communeId: string | null;
}

/** Inside the actor's read scope: the node is in a subtree the actor was granted. */
export function isInScope(scope: Scope, node: NodeRef): boolean {
  if (scope.all) return true;
  if (node.provinceId && scope.provinceIds.includes(node.provinceId)) return true;
  if (node.communeId && scope.communeIds.includes(node.communeId)) return true;
  return !!node.id && scope.unitIds.includes(node.id);
}

/**
 * Visible: in scope, or an ancestor on the way to it (the nation, the province of a granted
 * commune) so the person can see where they are. Siblings outside scope stay hidden.
 */
export function isVisible(scope: Scope, node: NodeRef, ancestorProvinceIds: string[]): boolean {
  if (isInScope(scope, node)) return true;
  const hasAny = scope.provinceIds.length + scope.communeIds.length + scope.unitIds.length > 0;
  if (node.kind === 'nation') return hasAny;
  if (node.kind === 'province') return ancestorProvinceIds.includes(node.id);
  return false;
}

/**
 * The units every commune-level People's Committee has after the 2025 reform (Nghị định
 * 150/2025/NĐ-CP on specialised bodies of commune-level UBND; NĐ 118/2025 for the one-stop
 * centre). A ward (phường) has a Phòng Kinh tế, Hạ tầng và Đô thị instead of Phòng Kinh tế.
 */
export function standardUnits(adminLevel: string): { suffix: string; unitType: UnitType; name: string }[] {
  const isWard = /phường|đặc khu/i.test(adminLevel);
  const place = adminLevel.toLowerCase();
  return [
    { suffix: 'VP', unitType: 'office', name: 'Văn phòng HĐND và UBND' },
    { suffix: 'KT', unitType: 'economy', name: isWard ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế' },
    { suffix: 'VHXH', unitType: 'culture_society', name: 'Phòng Văn hóa - Xã hội' },
    { suffix: 'TTPVHCC', unitType: 'service_center', name: 'Trung tâm Phục vụ hành chính công' },
    { suffix: 'CA', unitType: 'police', name: `Công an ${place}` },
  ];
}

/** "Phòng Kinh tế" + "Xã Vĩnh Bảo" → "Phòng Kinh tế xã Vĩnh Bảo" (generic nouns lower-case, NĐ 30 Phụ lục II). */
export function unitFullName(unitName: string, communeFullName: string): string {
  const m = /^(Xã|Phường|Đặc khu)\s+(.*)$/u.exec(communeFullName);
  if (!m) return `${unitName} ${communeFullName}`;
  const generic = m[1].toLowerCase();
  // "Công an xã" + "Xã Tượng Lĩnh" → "Công an xã Tượng Lĩnh", not "Công an xã xã …".
  if (unitName.toLowerCase().endsWith(` ${generic}`)) return `${unitName} ${m[2]}`;
  return `${unitName} ${generic} ${m[2]}`;
}

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  office: 'Văn phòng',
  economy: 'Phòng Kinh tế',
  culture_society: 'Phòng Văn hóa - Xã hội',
  service_center: 'Trung tâm Phục vụ hành chính công',
  police: 'Công an',
  military: 'Quân sự',
  school: 'Trường học',
  health: 'Y tế',
  village: 'Thôn, xóm, tổ dân phố',
  digital_team: 'Tổ công nghệ số cộng đồng',
  party_mass: 'Mặt trận, đoàn thể',
  other: 'Khác',
};
