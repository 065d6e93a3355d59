import { z } from 'zod';

export const OrgKind = z.enum(['nation', 'province', 'commune', 'unit']);
export const UnitType = z.enum([
  'office',
  'economy',
  'culture_society',
  'service_center',
  'police',
  'military',
  'school',
  'health',
  'village',
  'digital_team',
  'party_mass',
  'other',
]);
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Ngày không tồn tại');

export const OrgAction = z.enum(['add_unit', 'rename', 'close']);

export const OrgNode = z.object({
  id: z.string().uuid(),
  kind: OrgKind,
  unitType: UnitType.nullable(),
  code: z.string().describe('Mã đơn vị hành chính chính thức (QĐ 19/2025/QĐ-TTg) hoặc mã đơn vị trực thuộc'),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  adminLevel: z.string().nullable().describe('Tỉnh, Thành phố, Xã, Phường, Đặc khu'),
  parentId: z.string().uuid().nullable(),
  provinceId: z.string().uuid().nullable(),
  communeId: z.string().uuid().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type OrgNode = z.infer<typeof OrgNode>;

export const OrgNodeDetail = OrgNode.extend({
  ancestors: z.array(OrgNode).describe('Từ gốc (Việt Nam) đến cấp trên trực tiếp'),
  children: z.array(OrgNode.extend({ childCount: z.number().int() })),
  allowedActions: z.array(OrgAction).describe('Thao tác người dùng được phép trên nút này'),
});
export type OrgNodeDetail = z.infer<typeof OrgNodeDetail>;

export const ChildrenQuery = z.object({
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'Nhập từ khóa').max(100),
  kind: OrgKind.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchResult = z.object({
  items: z.array(OrgNode.extend({ path: z.array(z.string()).describe('Tên các cấp trên, từ tỉnh') })),
});

export const AddUnitBody = z.object({
  name: z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200),
  unitType: UnitType,
  openedOn: IsoDate.optional(),
});
export const RenameUnitBody = z.object({
  name: z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200),
  unitType: UnitType.optional(),
});
export const CloseUnitBody = z.object({ closedOn: IsoDate });
