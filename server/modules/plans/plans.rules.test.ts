import { describe, expect, it } from 'vitest';
import {
  diffPlans,
  isEmptyDiff,
  matchUnit,
  similarity,
  suggestIndicator,
  summariseDiff,
  type PlanContent,
} from './plans.rules.ts';

const header = {
  title: 'Kế hoạch chuyển đổi số',
  number: '12/KH-UBND',
  issuedOn: '2026-01-10',
  periodFrom: 2026,
  periodTo: 2030,
  signerName: 'Nguyễn Văn A',
  signerTitle: 'Chủ tịch',
};
const target = (text: string, value: number, extra: object = {}) => ({
  groupName: 'Chính quyền số',
  text,
  kind: 'target' as const,
  comparator: '>=' as const,
  value,
  valueMax: null,
  unit: '%',
  year: 2030,
  sourceLine: 1,
  ...extra,
});
const task = (title: string, extra: object = {}) => ({
  groupName: '1. Hạ tầng số',
  title,
  leadText: 'Phòng Kinh tế',
  partners: [],
  fromYear: 2026,
  toYear: 2030,
  expected: null,
  sourceLine: 2,
  ...extra,
});

describe('similarity and catalogue suggestions', () => {
  const catalogue = [
    { id: 'dvc', name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình', unit: '%', aliases: [] },
    {
      id: 'sohoa',
      name: 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa',
      unit: '%',
      aliases: ['hồ sơ, kết quả thủ tục hành chính được số hóa'],
    },
    { id: 'speed', name: 'Tốc độ tải xuống trung bình', unit: 'Mbit/s', aliases: [] },
  ];
  it('ignores accents, case and filler words', () => {
    expect(similarity('Tỷ lệ DỊCH VỤ CÔNG trực tuyến', 'dich vu cong truc tuyen')).toBe(1);
  });
  it('suggests the indicator with the same unit and the most words in common', () => {
    expect(
      suggestIndicator({ text: 'hồ sơ, kết quả thủ tục hành chính được số hoá', unit: '%' }, catalogue)?.indicatorId,
    ).toBe('sohoa');
    expect(
      suggestIndicator({ text: 'dịch vụ công trực tuyến toàn trình', unit: 'phần trăm' }, catalogue)?.indicatorId,
    ).toBe('dvc');
    expect(suggestIndicator({ text: 'tốc độ tải xuống trung bình mạng 5G', unit: '%' }, catalogue)).toBeNull();
    expect(suggestIndicator({ text: 'số lớp học bình dân học vụ số', unit: 'count' }, catalogue)).toBeNull();
  });
});

describe('diffPlans', () => {
  const before: PlanContent = {
    header,
    targets: [
      target('dịch vụ công trực tuyến toàn trình', 90),
      target('hồ sơ được số hóa', 80),
      target('người dân có VNeID', 70),
    ],
    tasks: [task('Xây dựng kho dữ liệu dùng chung của xã'), task('Tuyên truyền về chuyển đổi số')],
    reporting: [
      {
        cycle: 'quarterly',
        reporter: 'Các phòng',
        recipient: 'Phòng Văn hóa - Xã hội',
        deadlineText: 'trước ngày 18 tháng cuối quý',
        day: 18,
        month: null,
      },
    ],
  };
  it('finds nothing between a plan and itself', () => {
    expect(isEmptyDiff(diffPlans(before, before))).toBe(true);
  });
  it('reports added, removed and changed items, pairing reworded ones', () => {
    const after: PlanContent = {
      header: { ...header, number: '15/KH-UBND' },
      targets: [
        target('dịch vụ công trực tuyến toàn trình', 100),
        target('người dân có VNeID', 70),
        target('doanh nghiệp dùng hóa đơn điện tử', 90),
      ],
      tasks: [
        task('Xây dựng kho dữ liệu dùng chung của xã', { toYear: 2028 }),
        task('Tuyên truyền rộng rãi về chuyển đổi số'),
        task('Lắp camera an ninh'),
      ],
      reporting: [
        {
          cycle: 'quarterly',
          reporter: 'Các phòng',
          recipient: 'Phòng Văn hóa - Xã hội',
          deadlineText: 'trước ngày 15 tháng cuối quý',
          day: 15,
          month: null,
        },
      ],
    };
    const d = diffPlans(before, after);
    expect(d.header).toEqual([{ field: 'number', before: '12/KH-UBND', after: '15/KH-UBND' }]);
    expect(d.targets.added.map((t) => t.text)).toEqual(['doanh nghiệp dùng hóa đơn điện tử']);
    expect(d.targets.removed.map((t) => t.text)).toEqual(['hồ sơ được số hóa']);
    expect(d.targets.changed).toEqual([expect.objectContaining({ fields: ['value'] })]);
    expect(d.targets.unchanged).toBe(1);
    expect(d.tasks.changed.map((c) => c.fields)).toEqual([['toYear'], ['title']]);
    expect(d.tasks.added.map((t) => t.title)).toEqual(['Lắp camera an ninh']);
    expect(d.reporting.changed[0].fields).toEqual(['deadlineText', 'day']);
    expect(summariseDiff(d)).toBe('chỉ tiêu: +1 −1 ~1; nhiệm vụ: +1 −0 ~2; chế độ báo cáo: +0 −0 ~1');
  });
});

describe('matchUnit', () => {
  const units = [
    { id: 'vhxh', name: 'Phòng Văn hóa - Xã hội' },
    { id: 'kt', name: 'Phòng Kinh tế' },
    { id: 'ca', name: 'Công an xã' },
    { id: 'tt', name: 'Trung tâm Phục vụ hành chính công' },
  ];
  it.each([
    ['Phòng Văn hóa – Xã hội', 'vhxh'],
    ['phòng kinh tế', 'kt'],
    ['Công an xã', 'ca'],
    ['Trung tâm phục vụ hành chính công xã', 'tt'],
    ['Các phòng, ban, ngành', null],
    [null, null],
  ])('%s → %s', (text, id) => {
    expect(matchUnit(text, units)).toBe(id);
  });
});
