/**
 * The demo communes and people loaded on first start (DEMO=1, the default). Everything here
 * is demonstration data: the accounts share one published password and are marked for
 * change; turn it off with DEMO=0 for real use.
 *
 * The five communes are those whose real plans are the project's requirements. Vĩnh Thuận's
 * plan names no province; of the two communes of that name after the 2025 reform we use the
 * one in Hải Phòng (code 11842), beside Vĩnh Bảo.
 */
import type { Role } from '../../platform/platform.tables.ts';

export const DEMO_PASSWORD = 'XaSo@Demo2026';

/**
 * Demo people's e-mail addresses, so reminders and notices show up in the mail outbox. The
 * domain is under `.example`, reserved by RFC 2606 and never delivered: with SMTP_URL unset
 * the mails stay in the outbox, and even with a mail server set none reaches a real person.
 */
export const demoEmail = (username: string) => `${username}@demo.xaso.example`;

export interface DemoCommune {
  code: string;
  slug: string;
}
export const DEMO_COMMUNES: DemoCommune[] = [
  { code: '11824', slug: 'vinhbao' },
  { code: '11842', slug: 'vinhthuan' },
  { code: '10750', slug: 'phuthai' },
  { code: '05800', slug: 'phuthinh' },
  { code: '16363', slug: 'tuonglinh' },
];

/** Extra units of a demo commune beyond the standard ones every commune has. */
export const DEMO_EXTRA_UNITS: {
  suffix: string;
  unitType: 'military' | 'health' | 'school' | 'village' | 'digital_team' | 'party_mass';
  name: string;
}[] = [
  { suffix: 'QS', unitType: 'military', name: 'Ban Chỉ huy quân sự' },
  { suffix: 'TYT', unitType: 'health', name: 'Trạm Y tế' },
  { suffix: 'MN', unitType: 'school', name: 'Trường Mầm non' },
  { suffix: 'TH', unitType: 'school', name: 'Trường Tiểu học' },
  { suffix: 'THCS', unitType: 'school', name: 'Trường Trung học cơ sở' },
  { suffix: 'MTTQ', unitType: 'party_mass', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
  { suffix: 'T1', unitType: 'village', name: 'Thôn 1' },
  { suffix: 'T2', unitType: 'village', name: 'Thôn 2' },
  { suffix: 'T3', unitType: 'village', name: 'Thôn 3' },
  { suffix: 'CNS', unitType: 'digital_team', name: 'Tổ công nghệ số cộng đồng' },
];

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Where the role is granted (and the person works): an official code or `<commune>-<unit suffix>`. */
  orgUnitCode: string;
  /** Home unit when it differs from the grant (a leader works in the office). */
  homeCode?: string;
  /** Post (chức vụ); decides the signature block of official documents. */
  jobTitle?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'system_admin', orgUnitCode: 'VN' },
  { username: 'haiphong.quantri', fullName: 'Đỗ Minh Quân', role: 'province_admin', orgUnitCode: '31' },
  { username: 'haiphong.sokhcn', fullName: 'Trần Thu Hà', role: 'province_officer', orgUnitCode: '31' },
  { username: 'thainguyen.sokhcn', fullName: 'Hoàng Văn Thái', role: 'province_officer', orgUnitCode: '19' },
  { username: 'thanhhoa.sokhcn', fullName: 'Lê Thị Thanh', role: 'province_officer', orgUnitCode: '38' },
  {
    username: 'vinhbao.quantri',
    fullName: 'Phạm Quốc Bảo',
    role: 'commune_admin',
    orgUnitCode: '11824',
    homeCode: '11824-VP',
  },
  {
    username: 'vinhbao.chutich',
    fullName: 'Nguyễn Văn Hùng',
    role: 'commune_leader',
    orgUnitCode: '11824',
    homeCode: '11824-VP',
    jobTitle: 'Chủ tịch',
  },
  {
    username: 'vinhbao.vanhoa',
    fullName: 'Vũ Thị Lan',
    role: 'plan_officer',
    orgUnitCode: '11824',
    homeCode: '11824-VHXH',
  },
  { username: 'vinhbao.kinhte', fullName: 'Bùi Đức Anh', role: 'unit_officer', orgUnitCode: '11824-KT' },
  { username: 'vinhbao.motcua', fullName: 'Đặng Thị Hoa', role: 'one_stop_officer', orgUnitCode: '11824-TTPVHCC' },
  { username: 'vinhbao.congdan', fullName: 'Ngô Văn Dân', role: 'citizen', orgUnitCode: '11824' },
  {
    username: 'vinhthuan.chutich',
    fullName: 'Nguyễn Thanh Trung',
    role: 'commune_leader',
    orgUnitCode: '11842',
    homeCode: '11842-VP',
    jobTitle: 'Phó Chủ tịch',
  },
  {
    username: 'vinhthuan.vanhoa',
    fullName: 'Phạm Thị Mai',
    role: 'plan_officer',
    orgUnitCode: '11842',
    homeCode: '11842-VHXH',
  },
  {
    username: 'phuthai.chutich',
    fullName: 'Lương Văn Thái',
    role: 'commune_leader',
    orgUnitCode: '10750',
    homeCode: '10750-VP',
    jobTitle: 'Chủ tịch',
  },
  {
    username: 'phuthai.vanhoa',
    fullName: 'Trịnh Thị Thu',
    role: 'plan_officer',
    orgUnitCode: '10750',
    homeCode: '10750-VHXH',
  },
  {
    username: 'phuthinh.chutich',
    fullName: 'Dương Văn Thịnh',
    role: 'commune_leader',
    orgUnitCode: '05800',
    homeCode: '05800-VP',
    jobTitle: 'Chủ tịch',
  },
  {
    username: 'phuthinh.vanhoa',
    fullName: 'Ma Thị Huyền',
    role: 'plan_officer',
    orgUnitCode: '05800',
    homeCode: '05800-VHXH',
  },
  {
    username: 'tuonglinh.chutich',
    fullName: 'Lê Văn Lĩnh',
    role: 'commune_leader',
    orgUnitCode: '16363',
    homeCode: '16363-VP',
    jobTitle: 'Chủ tịch',
  },
  {
    username: 'tuonglinh.vanhoa',
    fullName: 'Mai Thị Tượng',
    role: 'plan_officer',
    orgUnitCode: '16363',
    homeCode: '16363-VHXH',
  },
];
