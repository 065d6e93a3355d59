import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  deadlineFor,
  formatPeriod,
  parsePeriod,
  periodsForRule,
  periodsOfYear,
  previousPeriod,
  type ReportingRule,
} from './reporting.periods.ts';

const invalid = (code: string) => expect.objectContaining({ code, kind: 'invalid' });

describe('parsePeriod', () => {
  it.each([
    // code, kind, label, start, end, closingStart, closingEnd
    ['2026-Q1', 'quarter', 'Quý I năm 2026', '2026-01-01', '2026-03-31', '2025-12-15', '2026-03-14'],
    ['2026-Q2', 'quarter', 'Quý II năm 2026', '2026-04-01', '2026-06-30', '2026-03-15', '2026-06-14'],
    ['2026-Q3', 'quarter', 'Quý III năm 2026', '2026-07-01', '2026-09-30', '2026-06-15', '2026-09-14'],
    ['2026-Q4', 'quarter', 'Quý IV năm 2026', '2026-10-01', '2026-12-31', '2026-09-15', '2026-12-14'],
    ['2026-H1', 'half-year', '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30', '2025-12-15', '2026-06-14'],
    ['2026-H2', 'half-year', '6 tháng cuối năm 2026', '2026-07-01', '2026-12-31', '2026-06-15', '2026-12-14'],
    ['2026-9M', 'nine-month', '9 tháng năm 2026', '2026-01-01', '2026-09-30', '2025-12-15', '2026-09-14'],
    ['2026', 'annual', 'Năm 2026', '2026-01-01', '2026-12-31', '2025-12-15', '2026-12-14'],
    ['2026-M01', 'month', 'Tháng 1 năm 2026', '2026-01-01', '2026-01-31', '2025-12-15', '2026-01-14'],
    ['2026-M02', 'month', 'Tháng 2 năm 2026', '2026-02-01', '2026-02-28', '2026-01-15', '2026-02-14'],
    ['2028-M02', 'month', 'Tháng 2 năm 2028', '2028-02-01', '2028-02-29', '2028-01-15', '2028-02-14'],
    ['2026-M03', 'month', 'Tháng 3 năm 2026', '2026-03-01', '2026-03-31', '2026-02-15', '2026-03-14'],
    ['2026-M04', 'month', 'Tháng 4 năm 2026', '2026-04-01', '2026-04-30', '2026-03-15', '2026-04-14'],
    ['2026-M05', 'month', 'Tháng 5 năm 2026', '2026-05-01', '2026-05-31', '2026-04-15', '2026-05-14'],
    ['2026-M06', 'month', 'Tháng 6 năm 2026', '2026-06-01', '2026-06-30', '2026-05-15', '2026-06-14'],
    ['2026-M07', 'month', 'Tháng 7 năm 2026', '2026-07-01', '2026-07-31', '2026-06-15', '2026-07-14'],
    ['2026-M08', 'month', 'Tháng 8 năm 2026', '2026-08-01', '2026-08-31', '2026-07-15', '2026-08-14'],
    ['2026-M09', 'month', 'Tháng 9 năm 2026', '2026-09-01', '2026-09-30', '2026-08-15', '2026-09-14'],
    ['2026-M10', 'month', 'Tháng 10 năm 2026', '2026-10-01', '2026-10-31', '2026-09-15', '2026-10-14'],
    ['2026-M11', 'month', 'Tháng 11 năm 2026', '2026-11-01', '2026-11-30', '2026-10-15', '2026-11-14'],
    ['2026-M12', 'month', 'Tháng 12 năm 2026', '2026-12-01', '2026-12-31', '2026-11-15', '2026-12-14'],
  ])('%s', (code, kind, label, start, end, closingStart, closingEnd) => {
    const p = parsePeriod(code);
    expect(p).toMatchObject({
      code,
      kind,
      label,
      start,
      end,
      closingStart,
      closingEnd,
      legalBasis: 'Nghị định 09/2019/NĐ-CP, Điều 12',
    });
    expect(formatPeriod(p)).toBe(code);
  });

  it.each([
    '2026-Q5',
    '2026-H3',
    'Q1-2026',
    '',
    '2026-Q0',
    '2026-M13',
    '2026-M00',
    '2026-M1',
    '2026-q1',
    '2026-9m',
    '26-Q1',
    '2026-',
    ' 2026-Q1',
    '2026-Q1 ',
    '2018',
    '2026-Y',
    '2026-H1-',
  ])('rejects %j with PERIOD_INVALID', (code) => {
    expect(() => parsePeriod(code)).toThrow(invalid('PERIOD_INVALID'));
  });

  it('explains the valid forms in Vietnamese', () => {
    expect(() => parsePeriod('2026-Q5')).toThrow(
      /Kỳ báo cáo "2026-Q5" không hợp lệ \(quý phải từ Q1 đến Q4\).*2026-H1/,
    );
    expect(() => parsePeriod(undefined as unknown as string)).toThrow(invalid('PERIOD_INVALID'));
  });
});

describe('periodsOfYear, currentPeriod, previousPeriod', () => {
  it('lists the 20 periods of a year by end date, shorter first', () => {
    const codes = periodsOfYear(2026).map((p) => p.code);
    expect(codes).toHaveLength(20);
    expect(codes.slice(0, 4)).toEqual(['2026-M01', '2026-M02', '2026-M03', '2026-Q1']);
    expect(codes.slice(-4)).toEqual(['2026-M12', '2026-Q4', '2026-H2', '2026']);
    expect(periodsOfYear(2026, ['quarter']).map((p) => p.code)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it.each([
    ['quarter', '2026-05-10', '2026-Q2'],
    ['quarter', '2026-03-31', '2026-Q1'],
    ['month', '2026-12-31', '2026-M12'],
    ['half-year', '2026-07-01', '2026-H2'],
    ['nine-month', '2026-09-30', '2026-9M'],
    ['annual', '2027-01-01', '2027'],
  ] as const)('currentPeriod(%s, %s) = %s', (kind, date, code) => {
    expect(currentPeriod(kind, date).code).toBe(code);
  });

  it('has no nine-month period after September', () => {
    expect(() => currentPeriod('nine-month', '2026-10-01')).toThrow(invalid('PERIOD_INVALID'));
  });

  it.each([
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-M01', '2025-M12'],
    ['2026-H1', '2025-H2'],
    ['2026-H2', '2026-H1'],
    ['2026-9M', '2025-9M'],
    ['2026', '2025'],
  ])('previousPeriod(%s) = %s', (code, previous) => {
    expect(previousPeriod(parsePeriod(code)).code).toBe(previous);
  });
});

const quarterly: ReportingRule = { cycle: 'quarterly', day: 18, month: null, deadline: 'trước ngày 18 tháng cuối quý' };
const halfYear: ReportingRule = { cycle: 'half-year', day: 18, month: 5, deadline: 'trước ngày 18/5' };
const annual: ReportingRule = { cycle: 'annual', day: 13, month: 12, deadline: 'trước ngày 13/12' };

describe('deadlineFor', () => {
  it.each([
    // "trước ngày 18" = by the end of the 17th
    ['quarterly Q1', quarterly, '2026-Q1', '2026-03-17', 'trước ngày 18/3/2026'],
    ['quarterly Q2', quarterly, '2026-Q2', '2026-06-17', 'trước ngày 18/6/2026'],
    ['quarterly Q3', quarterly, '2026-Q3', '2026-09-17', 'trước ngày 18/9/2026'],
    ['quarterly Q4', quarterly, '2026-Q4', '2026-12-17', 'trước ngày 18/12/2026'],
    ['half-year day 18 month 5', halfYear, '2026-H1', '2026-05-17', 'trước ngày 18/5/2026'],
    ['annual day 13 month 12', annual, '2026', '2026-12-12', 'trước ngày 13/12/2026'],
    [
      '"chậm nhất" includes the day',
      { cycle: 'annual', day: 15, month: 12, deadline: 'chậm nhất ngày 15/12' },
      '2026',
      '2026-12-15',
      'chậm nhất ngày 15/12/2026',
    ],
    [
      'no text is read as "trước"',
      { cycle: 'nine-month', day: 20, month: null, deadline: null },
      '2026-9M',
      '2026-09-19',
      'trước ngày 20/9/2026',
    ],
    [
      '"năm sau" moves to the next year',
      { cycle: 'annual', day: 15, month: 1, deadline: 'trước ngày 15/01 năm sau' },
      '2026',
      '2027-01-14',
      'trước ngày 15/1/2027',
    ],
    [
      'a month before the period starts is next year',
      { cycle: 'half-year', day: 10, month: 1, deadline: 'trước ngày 10/1' },
      '2026-H2',
      '2027-01-09',
      'trước ngày 10/1/2027',
    ],
    [
      'day 1 falls back into the previous month',
      { cycle: 'quarterly', day: 1, month: null, deadline: 'trước ngày 1 tháng cuối quý' },
      '2026-Q1',
      '2026-02-28',
      'trước ngày 1/3/2026',
    ],
    [
      'day 31 of a 30-day month is its last day',
      { cycle: 'quarterly', day: 31, month: null, deadline: 'trước ngày 31 tháng cuối quý' },
      '2026-Q2',
      '2026-06-30',
      'chậm nhất ngày 30/6/2026',
    ],
  ])('%s', (_name, rule, code, dueDate, deadlineText) => {
    expect(deadlineFor(rule as ReportingRule, parsePeriod(code))).toMatchObject({
      period: code,
      dueDate,
      deadlineText,
      ruleText: rule.deadline,
    });
  });

  it('keeps the named date and says it is excluded', () => {
    expect(deadlineFor(quarterly, parsePeriod('2026-Q1'))).toEqual({
      period: '2026-Q1',
      dueDate: '2026-03-17',
      namedDate: '2026-03-18',
      exclusive: true,
      deadlineText: 'trước ngày 18/3/2026',
      ruleText: 'trước ngày 18 tháng cuối quý',
    });
  });

  it.each([
    ['ad-hoc', { cycle: 'ad-hoc', day: null, month: null, deadline: 'khi có yêu cầu' }, '2026'],
    ['no day', { cycle: 'annual', day: null, month: null, deadline: null }, '2026'],
  ])('has no fixed deadline: %s', (_name, rule, code) => {
    expect(deadlineFor(rule as ReportingRule, parsePeriod(code))).toBeNull();
  });

  it.each([
    ['a quarterly rule for a half-year', quarterly, '2026-H1', 'REPORTING_RULE_MISMATCH'],
    ['a quarterly rule with a fixed month', { ...quarterly, month: 3 }, '2026-Q1', 'REPORTING_RULE_INVALID'],
    ['day 32', { ...annual, day: 32 }, '2026', 'REPORTING_RULE_INVALID'],
    ['month 13', { ...annual, month: 13 }, '2026', 'REPORTING_RULE_INVALID'],
  ])('rejects %s', (_name, rule, code, errorCode) => {
    expect(() => deadlineFor(rule as ReportingRule, parsePeriod(code))).toThrow(invalid(errorCode));
  });
});

describe('periodsForRule', () => {
  it.each([
    ['quarterly', quarterly, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
    ['half-year, month 5', halfYear, ['2026-H1']],
    ['half-year, no month', { cycle: 'half-year', day: 18, month: null }, ['2026-H1']],
    ['half-year, month 12', { cycle: 'half-year', day: 15, month: 12 }, ['2026-H2']],
    ['nine-month', { cycle: 'nine-month', day: 20, month: 9 }, ['2026-9M']],
    ['annual', annual, ['2026']],
    ['ad-hoc', { cycle: 'ad-hoc', day: null, month: null }, []],
  ])('%s', (_name, rule, codes) => {
    expect(periodsForRule(rule as ReportingRule, 2026).map((p) => p.code)).toEqual(codes);
  });

  it('gives each period of a rule its deadline', () => {
    const due = periodsForRule(quarterly, 2026).map((p) => deadlineFor(quarterly, p)?.dueDate);
    expect(due).toEqual(['2026-03-17', '2026-06-17', '2026-09-17', '2026-12-17']);
  });
});
