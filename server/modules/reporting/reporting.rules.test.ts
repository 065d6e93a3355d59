import { describe, expect, it } from 'vitest';
import {
  attainment,
  checkValue,
  completeness,
  defaultReportingUnit,
  isLate,
  ruleLevel,
  targetStatus,
} from './reporting.rules.ts';

describe('ruleLevel', () => {
  it.each([
    [{ reporter: 'Các phòng, ban, ngành', recipient: 'Phòng Văn hóa - Xã hội' }, 'unit'],
    [{ reporter: 'Phòng Văn hóa - Xã hội', recipient: 'Sở Khoa học và Công nghệ' }, 'commune'],
    [{ reporter: 'UBND xã', recipient: 'UBND thành phố' }, 'commune'],
    [{ reporter: null, recipient: null }, 'unit'],
  ])('%j → %s', (rule, level) => expect(ruleLevel(rule)).toBe(level));
});

describe('defaultReportingUnit', () => {
  const units = [
    { id: 'vp', unitType: 'office' as const },
    { id: 'kt', unitType: 'economy' as const },
    { id: 'vh', unitType: 'culture_society' as const },
    { id: 'tt', unitType: 'service_center' as const },
  ];
  it.each([
    ['hồ sơ thủ tục hành chính được số hóa', 'tt'],
    ['doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'kt'],
    ['văn bản, hồ sơ công việc được ký số', 'vp'],
    ['người dân trưởng thành có kỹ năng số', 'vh'],
  ])('%s → %s', (text, id) => expect(defaultReportingUnit({ text, groupName: null }, units)).toBe(id));
});

describe('checkValue', () => {
  it('computes a rate from numerator and denominator', () => {
    expect(checkValue({ value: null, numerator: 45, denominator: 60 }, '%', null)).toEqual({
      errors: [],
      warning: null,
      value: 75,
    });
  });
  it.each([
    [{ value: 120, numerator: null, denominator: null }, '%', 'value'],
    [{ value: null, numerator: 70, denominator: 60 }, '%', 'numerator'],
    [{ value: null, numerator: 5, denominator: 0 }, '%', 'denominator'],
    [{ value: null, numerator: 5, denominator: null }, '%', 'denominator'],
    [{ value: -3, numerator: null, denominator: null }, 'count', 'value'],
  ])('%j (%s) → error on %s', (input, unit, field) => {
    expect(checkValue(input, unit, null).errors[0].field).toBe(field);
  });
  it('warns, without refusing, on a jump from the previous period', () => {
    const r = checkValue({ value: 90, numerator: null, denominator: null }, '%', 40);
    expect(r.errors).toEqual([]);
    expect(r.warning).toMatch(/thay đổi nhiều/);
    expect(checkValue({ value: 45, numerator: null, denominator: null }, '%', 40).warning).toBeNull();
  });
});

describe('attainment and status', () => {
  const t = { comparator: '>=' as const, value: 80, valueMax: null, year: 2027 };
  it('measures value against target, inverted for upper bounds', () => {
    expect(attainment(t, 60)).toBe(75);
    expect(attainment({ comparator: '<=', value: 5, valueMax: null, year: 2027 }, 10)).toBe(50);
    expect(attainment(t, null)).toBeNull();
  });
  it.each([
    [85, '2026-06-30', 'reached'],
    [60, '2026-06-30', 'on_track'], // 75 % of the target, 62 % of the time from 2026 to end-2027 spent
    [30, '2027-09-30', 'off_track'],
    [66, '2027-09-30', 'at_risk'], // 82.5 % of the target with 91 % of the time spent
    [null, '2026-06-30', 'no_data'],
  ])('value %s at %s → %s', (v, date, status) => {
    expect(targetStatus(t, v as number | null, { date, planStartYear: 2026 })).toBe(status);
  });
});

describe('timeliness', () => {
  it('is late only after the due date in Vietnam time', () => {
    expect(isLate(new Date('2026-03-17T16:30:00Z'), '2026-03-17')).toBe(false); // 23:30 on the 17th in Vietnam
    expect(isLate(new Date('2026-03-17T17:30:00Z'), '2026-03-17')).toBe(true); // 00:30 on the 18th
  });
  it('counts expected, submitted, on time, late and missing', () => {
    expect(
      completeness([
        { due: true, submitted: true, late: false },
        { due: true, submitted: true, late: true },
        { due: true, submitted: false, late: null },
        { due: false, submitted: false, late: null },
      ]),
    ).toEqual({ expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, completeness: 66.7, timeliness: 33.3 });
  });
});
