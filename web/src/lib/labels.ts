import type { z } from 'zod';
import type { RoleSchema } from '../../../server/modules/auth/auth.contract.ts';
import type { OrgKind, UnitType } from '../../../server/modules/org/org.contract.ts';
import type { Locale } from './i18n.tsx';

export type Role = z.infer<typeof RoleSchema>;
export type UnitTypeValue = z.infer<typeof UnitType>;
export type OrgKindValue = z.infer<typeof OrgKind>;

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const roleLabels: Labels<Role> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  province_admin: { vi: 'Quản trị cấp tỉnh', en: 'Province administrator' },
  province_officer: { vi: 'Cán bộ Sở (cấp tỉnh)', en: 'Province department officer' },
  commune_admin: { vi: 'Quản trị cấp xã', en: 'Commune administrator' },
  commune_leader: { vi: 'Lãnh đạo UBND xã', en: 'Commune leader' },
  plan_officer: { vi: 'Cán bộ phụ trách chuyển đổi số', en: 'Digital-transformation officer' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  one_stop_officer: { vi: 'Cán bộ một cửa', en: 'One-stop desk officer' },
  citizen: { vi: 'Người dân', en: 'Citizen' },
};
export const ROLES = Object.keys(roleLabels) as Role[];

/** The kind of node each role is granted on (mirrors the server's policy; the server decides). */
export const roleGrantKinds: Record<Role, OrgKindValue[]> = {
  system_admin: ['nation'],
  province_admin: ['province'],
  province_officer: ['province'],
  commune_admin: ['commune'],
  commune_leader: ['commune'],
  plan_officer: ['commune'],
  unit_officer: ['unit'],
  one_stop_officer: ['unit', 'commune'],
  citizen: ['commune'],
};

export const unitTypeLabels: Labels<UnitTypeValue> = {
  office: { vi: 'Văn phòng', en: 'Office' },
  economy: { vi: 'Phòng Kinh tế', en: 'Economy' },
  culture_society: { vi: 'Văn hóa - Xã hội', en: 'Culture and society' },
  service_center: { vi: 'Trung tâm phục vụ hành chính công', en: 'Public service centre' },
  police: { vi: 'Công an', en: 'Police' },
  military: { vi: 'Quân sự', en: 'Military' },
  school: { vi: 'Trường học', en: 'School' },
  health: { vi: 'Y tế', en: 'Health' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
  digital_team: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital team' },
  party_mass: { vi: 'Mặt trận, đoàn thể', en: 'Front and mass organisations' },
  other: { vi: 'Khác', en: 'Other' },
};
export const UNIT_TYPES = Object.keys(unitTypeLabels) as UnitTypeValue[];

export const orgKindLabels: Labels<OrgKindValue> = {
  nation: { vi: 'Quốc gia', en: 'Nation' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  commune: { vi: 'Xã, phường', en: 'Commune' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
};

export const roleLabel = (r: Role, l: Locale) => roleLabels[r]?.[l] ?? r;
export const unitTypeLabel = (u: UnitTypeValue | null, l: Locale) => (u ? (unitTypeLabels[u]?.[l] ?? u) : '');
export const orgKindLabel = (k: OrgKindValue, l: Locale) => orgKindLabels[k]?.[l] ?? k;
