import { describe, expect, it } from 'vitest';
import type { Translate } from '../../lib/i18n.tsx';
import { vi } from '../../lib/messages/vi.ts';
import type { CommuneDashboard, TargetRow } from './api/dashboards.ts';
import { communeCsvRows } from './components/communeCsv.ts';
import { csvField, slug, toCsv } from './components/csv.ts';
import { sparklinePoints } from './components/Sparkline.tsx';
import { barPercent, canImport, fold, groupTargets, periodText, targetNumber, valueText } from './components/labels.ts';
import { recordsPath } from './api/dashboards.ts';

const t: Translate = (key, vars) =>
  vi[key].replace(/\{(\w+)\}/g, (m, n: string) => (vars && n in vars ? String(vars[n]) : m));

const row = (over: Partial<TargetRow>): TargetRow => ({
  targetId: '00000000-0000-4000-8000-000000000001',
  groupName: 'Giai đoạn 2026 - 2027:',
  text: 'hồ sơ được số hóa',
  targetText: '≥ 95 %',
  comparator: '>=',
  targetValue: 95,
  targetValueMax: null,
  unit: '%',
  deadlineYear: 2027,
  indicatorId: null,
  latest: { value: 45.5, periodCode: '2026-Q2', source: 'report', attainment: 47.9 },
  status: 'on_track',
  periods: 0,
  recent: [],
  forecast: null,
  ...over,
});

describe('dashboard texts', () => {
  it('names periods the Vietnamese way', () => {
    expect(periodText('2026-Q1', t)).toBe('Quý I/2026');
    expect(periodText('2026-Q4', t)).toBe('Quý IV/2026');
    expect(periodText('2026-H1', t)).toBe('6 tháng đầu năm 2026');
    expect(periodText('2026-9M', t)).toBe('9 tháng năm 2026');
    expect(periodText('2026', t)).toBe('Năm 2026');
    expect(periodText('khác', t)).toBe('khác');
  });

  it('writes values with a decimal comma and reads the target number from its text', () => {
    expect(valueText(45.5, '%', 'vi')).toBe('45,5 %');
    expect(valueText(1234, 'count', 'vi')).toBe('1.234');
    expect(valueText(null, '%', 'vi')).toBe('—');
    expect(targetNumber('≥ 95 %')).toBe(95);
    expect(targetNumber('50–55 %')).toBe(50);
    expect(targetNumber('99,5 %')).toBe(99.5);
    expect(targetNumber('1.000')).toBe(1000);
    expect(targetNumber('đủ')).toBeNull();
    expect(barPercent(130)).toBe(100);
    expect(barPercent(null)).toBe(0);
    expect(fold('Dịch vụ công ĐIỆN TỬ')).toBe('dich vu cong dien tu');
  });

  it('groups targets by the plan group, in the order the plan first names them', () => {
    const groups = groupTargets([
      row({ groupName: 'A:' }),
      row({ groupName: 'B' }),
      row({ groupName: 'A' }),
      row({ groupName: null }),
    ]);
    expect(groups.map((g) => [g.name, g.rows.length])).toEqual([
      ['A', 2],
      ['B', 1],
      [null, 1],
    ]);
  });
});

describe('CSV export', () => {
  it('quotes every field, doubles quotes and defuses formulas', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField(null)).toBe('""');
    expect(slug('Xã Phú Thịnh')).toBe('xa-phu-thinh');
  });

  it('starts with a UTF-8 byte-order mark and has one row per target', () => {
    const data = {
      communeName: 'Xã Phú Thịnh',
      targets: [row({}), row({ latest: null, status: 'no_data' })],
    } as CommuneDashboard;
    const text = toCsv(communeCsvRows(data, t, 'vi'));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '"Nhóm","Chỉ tiêu","Mục tiêu","Năm phải đạt","Đơn vị tính","Giá trị mới nhất","Kỳ","Nguồn","Mức đạt (%)","Tình trạng","Dự báo đến hạn"',
    );
    expect(lines[1]).toBe(
      '"Giai đoạn 2026 - 2027","hồ sơ được số hóa","≥ 95 %","2027","%","45,5","Quý II/2026","Báo cáo đơn vị đã duyệt","47,9","Đúng tiến độ",""',
    );
    expect(lines[2]).toContain('"Chưa có số liệu"');
  });
});

describe('provenance and import', () => {
  it('leads from a stored records query to the page that shows the records', () => {
    const id = '00000000-0000-4000-8000-000000000009';
    expect(recordsPath(`/api/v1/tasks?communeId=${id}&timing=overdue`)).toBe(`/tasks/overdue?communeId=${id}`);
    expect(recordsPath(`/api/v1/tasks?communeId=${id}&timing=done`)).toBe(`/tasks/board?communeId=${id}`);
    expect(recordsPath(`/api/v1/tasks/stats?communeId=${id}`)).toBe(`/tasks/board?communeId=${id}`);
    expect(recordsPath(`/api/v1/reporting/completeness?communeId=${id}&year=2026`)).toBe('/reports');
    expect(recordsPath(`/api/v1/dashboards/imports/${id}`)).toBe(`/dashboard/imports/${id}`);
    expect(recordsPath(null)).toBeNull();
    expect(recordsPath('https://example.com/x')).toBeNull();
  });

  it('names monthly periods and offers the import only to those the server lets import', () => {
    expect(periodText('2026-M03', t)).toBe('Tháng 3/2026');
    const g = (role: string, orgKind: string) =>
      ({ grants: [{ id: '', role, orgUnitId: '', orgUnitCode: '', orgUnitName: '', orgKind }] }) as never;
    expect(canImport(g('plan_officer', 'commune'))).toBe(true);
    expect(canImport(g('commune_leader', 'commune'))).toBe(true);
    expect(canImport(g('province_officer', 'province'))).toBe(true);
    expect(canImport(g('unit_officer', 'unit'))).toBe(false);
    expect(canImport(g('province_admin', 'province'))).toBe(false);
  });
});

describe('sparkline', () => {
  it('draws the last periods from 0 to 100 for a rate, needs two points', () => {
    expect(sparklinePoints([{ value: 0 }, { value: 50 }, { value: 100 }], 96, 24, '%')).toBe('2,22 48,12 94,2');
    expect(sparklinePoints([{ value: 5 }, { value: 10 }], 96, 24, 'count')).toBe('2,12 94,2');
    expect(sparklinePoints([{ value: -10 }, { value: 10 }], 96, 24, 'count')).toBe('2,22 94,2');
    expect(sparklinePoints([{ value: 0 }, { value: 0 }], 96, 24, 'count')).toBe('2,22 94,22');
    expect(sparklinePoints([{ value: 40 }], 96, 24, '%')).toBeNull();
  });
});
