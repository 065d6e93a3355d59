import { describe, expect, it } from 'vitest';
import { findCounts, findMeasures, findYears, isNegated, parseViNumber, phaseYear } from '../numbers.ts';

describe('parseViNumber — Vietnamese decimal comma and thousands', () => {
  it.each([
    ['3,5', 3.5],
    ['97.8', 97.8],
    ['1.000', 1000],
    ['18.025', 18025],
    ['01', 1],
    ['0,5', 0.5],
  ])('%s → %d', (s, n) => expect(parseViNumber(s)).toBe(n));
});

describe('findMeasures — percentages, ranges, speeds and comparators', () => {
  const one = (s: string) => {
    const m = findMeasures(s);
    expect(m).toHaveLength(1);
    return m[0];
  };
  it('reads the decimal comma', () => expect(one('Chi ngân sách đạt trên 3,5% tổng chi').value).toBe(3.5));
  it.each([
    ['Kinh tế số chiếm 50–55% GRDP', 50, 55],
    ['Quy mô kinh tế số đạt 45-50% GRDP', 45, 50],
    ['từ 80% đến 90% dân số', 80, 90],
    ['đạt 45% - 50% GRDP', 45, 50],
  ])('range in "%s"', (s, lo, hi) => {
    const m = one(s);
    expect([m.comparator, m.value, m.valueMax]).toEqual(['range', lo, hi]);
  });
  it.each([
    ['Trên 70% người dân trưởng thành', '>'],
    ['đạt tối thiểu 35% GRDP', '>='],
    ['ít nhất 60% hộ kinh doanh', '>='],
    ['≥ 95% cơ sở giáo dục', '>='],
    ['≥95% cơ sở giáo dục', '>='],
    ['tỷ lệ hồ sơ trễ hạn không quá 5%', '<='],
    ['tỷ lệ hồ sơ trễ hạn tối đa 2%', '<='],
    ['tỷ lệ hồ sơ trễ hạn dưới 3%', '<'],
    ['không dưới 90% hồ sơ', '>='],
    ['tối thiểu trên 75% học sinh', '>'],
    ['đạt 100% hồ sơ', '='],
    ['đạt khoảng 40% GRDP', '='],
    ['đạt từ 80% trở lên', '>='],
  ])('comparator of "%s" is %s', (s, cmp) => expect(one(s).comparator).toBe(cmp));
  it('"từ … trở lên" is part of the comparator span, not of the text around it', () => {
    const s = 'Tỷ lệ hồ sơ đạt từ 80% trở lên.';
    const m = one(s);
    expect(s.slice(m.start, m.end)).toBe('từ 80% trở lên');
  });
  it.each([
    ['tốc độ tối thiểu 40 Mbit/s', 40, 'Mbit/s'],
    ['truy cập băng rộng với tốc độ trên 1Gb/s', 1, 'Gbit/s'],
    ['tốc độ trên 01 Gbps/s', 1, 'Gbit/s'],
    ['không dưới 100 Mbps', 100, 'Mbit/s'],
  ])('speed in "%s"', (s, v, unit) => {
    const m = one(s);
    expect([m.value, m.unit]).toEqual([v, unit]);
  });
  it('ignores identifiers that look like numbers', () => {
    expect(findMeasures('mạng 5G, Nghị quyết 57-NQ/TW, Chợ 4.0, IPv6')).toEqual([]);
  });
  it('a shortfall is not a target', () => expect(isNegated('Tỷ lệ chữ ký số còn thấp chưa đạt ')).toBe(true));
});

describe('findCounts — counted things, only after a verb of quantity or at the start of an item', () => {
  const values = (s: string, atStart = false) => findCounts(s, atStart).map((m) => [m.value, m.unit, m.comparator]);
  it('"ít nhất 02 lớp" is a count with ≥', () =>
    expect(values('Tổ chức ít nhất 02 lớp tập huấn')).toEqual([[2, 'count', '>=']]));
  it('"hiện có 03 nhà mạng"', () => expect(values('Trên địa bàn xã hiện có 03 nhà mạng')).toEqual([[3, 'count', '=']]));
  it('"19/19 thôn" at the start of an item', () =>
    expect(values('19/19 thôn đã thành lập Tổ công nghệ số', true)).toEqual([[19, 'count', '=']]));
  it('a rate keeps its unit as written', () => {
    expect(values('phát sinh ít nhất 10 hồ sơ/năm')).toEqual([[10, 'hồ sơ/năm', '>=']]);
    expect(values('(Tối thiểu 1 lần/2 năm cho hệ thống cấp độ 1, 2)')).toEqual([[1, 'lần/2 năm', '>=']]);
  });
  it.each([
    'triển khai theo mô hình 4 lớp',
    'trợ lý ảo thuộc 03 nhóm',
    'giấy tờ chỉ cung cấp 1 lần',
    'dân số trên 18 025 người sau 1 năm',
    'phương châm 6 rõ, Đề án 06 của tỉnh',
    'xây dựng năm 2026 và Ngày Chuyển đổi số 10/10, tuyên truyền',
  ])('no count in "%s"', (s) => expect(values(s)).toEqual([]));
});

describe('years — deadlines and phases, never dates', () => {
  const years = (s: string) => findYears(s).map((y) => [y.from, y.year]);
  it.each([
    ['Đến năm 2027:', [[null, 2027]]],
    ['giai đoạn 2026–2030', [[2026, 2030]]],
    ['giai đoạn 2025 -2030', [[2025, 2030]]],
    ['Từ năm 2026 đến năm 2030', [[2026, 2030]]],
    [
      '≥ 85% hồ sơ trực tuyến (2030), 100% (2040)',
      [
        [null, 2030],
        [null, 2040],
      ],
    ],
    ['tỷ lệ phủ sóng đạt 100% vào 2045', [[null, 2045]]],
    ['Nghị quyết số 57-NQ/TW ngày 22/12/2024', []],
    ['ngày 25 tháng 7 năm 2025', []],
  ])('%s', (s, expected) => expect(years(s)).toEqual(expected));
  it.each([
    ['Giai đoạn 2026 - 2027:', 2027],
    ['Đến năm 2030', 2030],
    ['Năm 2026:', 2026],
    ['Phát triển hạ tầng số của xã giai đoạn 2026 - 2030 bảo đảm đồng bộ, toàn diện, hiện đại, an toàn', null],
  ])('phase line "%s" → %s', (s, y) => expect(phaseYear(s)).toBe(y));
});
