/**
 * Behaviours a user would notice on the five seed plans (copies in fixtures/seeds — plans of the
 * communes, public administrative documents). Not the full answer keys: a few facts per plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../extract-plan.ts';
import { PlanExtraction } from '../plan-import.contract.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8');
const SEEDS = [
  '000_5274bd1c5e2a68aa',
  '001_8e7a6f653935364e',
  '002_6e5ee923b4ec1700',
  '003_b9839b5ed5c8a031',
  '004_b1c9f0e4ea3f87bd',
];

describe('every seed', () => {
  it.each(SEEDS)('%s: valid against the contract, lines point at the source, under 300 ms', (name) => {
    const text = seed(name);
    // CPU time, best of three: the test machine is shared (wall time varies with its load), and the
    // first run also compiles the regular expressions.
    let ms = Infinity;
    let plan = extractPlan(text);
    for (let k = 0; k < 3; k++) {
      const t0 = process.cpuUsage();
      plan = extractPlan(text);
      const used = process.cpuUsage(t0);
      ms = Math.min(ms, (used.user + used.system) / 1000);
    }
    expect(PlanExtraction.safeParse(plan).success).toBe(true);
    expect(ms).toBeLessThan(300);
    const lines = text.split('\n');
    for (const i of plan.indicators)
      expect(lines[i.line - 1]).toMatch(new RegExp(String(i.value).replace('.', '[.,]')));
    for (const t of plan.tasks) expect(lines[t.line - 1].trim().length).toBeGreaterThan(0);
  });
});

describe('Vĩnh Thuận (000): targets of the plan period, duties of each unit', () => {
  const plan = extractPlan(seed(SEEDS[0]));
  it('header', () => {
    expect(plan).toMatchObject({
      commune: 'Vĩnh Thuận',
      period: { from: 2025, to: 2030 },
      signer: { name: 'Nguyễn Thanh Trung', title: 'Phó Chủ tịch' },
    });
    // "Vĩnh Thuận" is a commune of Hải Phòng and of An Giang; the plan names neither province.
    expect(plan.communeCode).toBeNull();
  });
  it('"Trên 70%" is a target with ">" for 2030', () => {
    expect(plan.indicators.find((i) => i.value === 70)).toMatchObject({
      comparator: '>',
      year: 2030,
      kind: 'target',
      line: 70,
    });
  });
  it('the yearly report goes in before 3 December', () => {
    expect(plan.reporting).toContainEqual(expect.objectContaining({ cycle: 'annual', day: 3, month: 12 }));
  });
});

describe('Phú Thịnh (001): phases, task table, reporting calendar', () => {
  const plan = extractPlan(seed(SEEDS[1]));
  it('the phase "Giai đoạn 2026 - 2027" gives its targets the year 2027', () => {
    expect(plan.indicators.find((i) => i.line === 39)).toMatchObject({ value: 95, year: 2027 });
    expect(plan.indicators.find((i) => i.line === 43)).toMatchObject({ value: 99, year: 2030 });
  });
  it('resolves the commune code because the plan names its province (Thái Nguyên)', () =>
    expect(plan.communeCode).toBe('05800'));
  it('rows of the task table have their lead, partners and years', () => {
    expect(plan.tasks.find((t) => t.line === 411)).toMatchObject({
      lead: 'Phòng Kinh tế',
      partners: ['Các cơ quan, đơn vị liên quan'],
      from: 2026,
      to: 2030,
    });
  });
  it('units report before the 18th, the standing office before the 20th', () => {
    const days = plan.reporting.map((r) => [r.cycle, r.day, r.month]);
    expect(days).toEqual(
      expect.arrayContaining([
        ['quarterly', 18, null],
        ['half-year', 18, 5],
        ['annual', 13, 12],
        ['quarterly', 20, null],
        ['half-year', 20, 5],
        ['annual', 15, 12],
      ]),
    );
  });
});

describe('Vĩnh Bảo (002): a target table with "≥"', () => {
  const plan = extractPlan(seed(SEEDS[2]));
  it('reads the table row and the speed inside its name', () => {
    const row26 = plan.indicators.filter((i) => i.line === 26).map((i) => [i.comparator, i.value, i.unit, i.year]);
    expect(row26).toEqual(
      expect.arrayContaining([
        ['>=', 60, '%', 2026],
        ['>', 1, 'Gbit/s', 2026],
      ]),
    );
  });
  it('names no reporting rule, because it has none', () => expect(plan.reporting).toEqual([]));
});

describe('Tượng Lĩnh (003): an assessment of 2025 before the 2026 plan', () => {
  const plan = extractPlan(seed(SEEDS[3]));
  it('past results are baselines of 2025, new targets are targets of 2026', () => {
    expect(plan.indicators.find((i) => i.line === 42)).toMatchObject({
      kind: 'baseline',
      year: 2025,
      value: 97.8,
      comparator: '>',
    });
    expect(plan.indicators.find((i) => i.line === 251)).toMatchObject({ kind: 'target', year: 2026, value: 85 });
  });
  it('no task comes from the assessment of 2025', () => expect(plan.tasks.every((t) => t.line >= 309)).toBe(true));
  it('speeds in Mbit/s with the shared comparator', () => {
    expect(plan.indicators.filter((i) => i.unit === 'Mbit/s').map((i) => [i.comparator, i.value])).toEqual([
      ['>=', 40],
      ['>=', 100],
    ]);
  });
});

describe('Phú Thái (004): a PDF export with wrapped lines and a flattened table', () => {
  const plan = extractPlan(seed(SEEDS[4]));
  it('the range "45-50% GRDP" by 2035 and "50–55% GRDP" by 2040', () => {
    expect(plan.indicators.find((i) => i.line === 136)).toMatchObject({
      comparator: 'range',
      value: 45,
      valueMax: 50,
      year: 2035,
    });
    expect(plan.indicators.find((i) => i.line === 151)).toMatchObject({
      comparator: 'range',
      value: 50,
      valueMax: 55,
      year: 2040,
    });
  });
  it('the decimal comma "trên 3,5%"', () => {
    expect(plan.indicators.find((i) => i.line === 159)).toMatchObject({ comparator: '>', value: 3.5, year: 2045 });
  });
  it('rebuilds the rows of the flattened task table', () => {
    const rows = plan.tasks.filter((t) => t.line >= 650).map((t) => [t.line, t.lead]);
    expect(rows).toEqual([
      [668, 'Phòng Kinh tế'],
      [716, 'Trung tâm Phục vụ hành chính công'],
      [767, 'Văn phòng HĐND và UBND'],
      [813, 'Phòng Văn hóa – Xã hội'],
      [869, 'Trung tâm Văn hóa, Thể thao và Truyền thông'],
      [927, 'Phòng Kinh tế'],
      [978, 'Công an xã'],
      [1025, 'Các trường MN, TH, THCS; Trạm y tế'],
      [1077, 'Các thôn, Ban công tác Mặt trận thôn'],
    ]);
  });
  it('reports quarterly, 6-monthly, 9-monthly and yearly to the Party committee', () => {
    expect(plan.reporting.map((r) => r.cycle)).toEqual(['quarterly', 'half-year', 'nine-month', 'annual']);
  });
});
