import { describe, expect, it } from 'vitest';
import {
  checkRows,
  mapHeader,
  parseCsv,
  parseViNumber,
  readPeriod,
  type Cell,
  type ImportFacts,
} from './imports.rules.ts';

describe('reading a value file', () => {
  it('reads CSV with the delimiter Excel used, quotes, doubled quotes and line breaks in quotes', () => {
    expect(parseCsv('\uFEFFMã xã;Kỳ;Giá trị\r\n05800;2026-Q1;3,5\r\n')).toEqual([
      ['Mã xã', 'Kỳ', 'Giá trị'],
      ['05800', '2026-Q1', '3,5'],
    ]);
    expect(parseCsv('a,b,c\n1,"3,5","nói ""có""\ndòng hai"')).toEqual([
      ['a', 'b', 'c'],
      ['1', '3,5', 'nói "có"\ndòng hai'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it.each<[Cell, number | null | 'invalid']>([
    ['3,5', 3.5],
    ['85 %', 85],
    ['85%', 85],
    ['1.234,5', 1234.5],
    ['1.500', 1500],
    ['3.5', 3.5],
    ['0', 0],
    [' ', null],
    [null, null],
    [42.25, 42.25],
    ['ba mươi', 'invalid'],
    ['3,5,1', 'invalid'],
    ['12abc', 'invalid'],
    [Number.NaN, 'invalid'],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseViNumber(raw)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['2026-Q1', '2026-Q1'],
    ['2026q3', '2026-Q3'],
    ['Q2/2026', '2026-Q2'],
    ['Quý IV/2026', '2026-Q4'],
    ['quý 1 năm 2026', '2026-Q1'],
    ['Quý III - 2026', '2026-Q3'],
    ['2026-H1', '2026-H1'],
    ['6 tháng đầu năm 2026', '2026-H1'],
    ['6 tháng cuối năm 2026', '2026-H2'],
    ['9 tháng năm 2026', '2026-9M'],
    ['2026', '2026'],
    ['Năm 2026', '2026'],
    ['Tháng 3/2026', '2026-M03'],
    ['2026-Q5', null],
    ['Quý V/2026', null],
    ['1999', null],
    ['hôm qua', null],
  ])('reads the period %s', (raw, code) => {
    expect(readPeriod(raw)?.code ?? null).toBe(code);
  });

  it('knows the period end date', () => {
    expect(readPeriod('Quý I/2026')).toEqual({ code: '2026-Q1', end: '2026-03-31' });
    expect(readPeriod('2026-H2')!.end).toBe('2026-12-31');
  });

  it('recognises the columns by their Vietnamese names, with or without accents, and says what is missing', () => {
    const h = mapHeader(['Mã xã', 'Tên xã', 'MA CHI TIEU', 'Kỳ báo cáo', 'Giá trị', 'Cột lạ']);
    expect(h.missing).toEqual([]);
    expect(h.index).toMatchObject({ communeCode: 0, communeName: 1, indicatorCode: 2, period: 3, value: 4 });
    expect(h.unknown).toEqual(['Cột lạ']);
    expect(mapHeader(['Xã', 'Chỉ tiêu', 'Số']).missing).toEqual([
      '"Mã xã"',
      '"Mã chỉ tiêu" (mã trong danh mục, ví dụ CQS-02) hoặc "Mã mục tiêu"',
      '"Kỳ"',
      '"Giá trị" (hoặc "Tử số" và "Mẫu số")',
    ]);
    expect(mapHeader(['ma_xa', 'ma_muc_tieu', 'ky', 'tu_so', 'mau_so']).missing).toEqual([]);
  });
});

describe('checking each row', () => {
  const C1 = '00000000-0000-4000-8000-0000000000c1';
  const C2 = '00000000-0000-4000-8000-0000000000c2';
  const T1 = '00000000-0000-4000-8000-0000000000a1';
  const T2 = '00000000-0000-4000-8000-0000000000a2';
  const T3 = '00000000-0000-4000-8000-0000000000a3';
  const facts: ImportFacts = {
    communes: new Map([
      ['05800', { id: C1, provinceId: 'p', name: 'Xã Phú Thịnh', inScope: true }],
      ['11824', { id: C2, provinceId: 'q', name: 'Xã Vĩnh Bảo', inScope: false }],
    ]),
    indicatorCodes: new Set(['CQS-02', 'CQS-03', 'HTS-03']),
    targets: new Map([
      [
        C1,
        [
          { id: T1, communeId: C1, text: 'hồ sơ trực tuyến', unit: '%', indicatorCode: 'CQS-02' },
          { id: T2, communeId: C1, text: 'tốc độ 4G', unit: 'Mbit/s', indicatorCode: 'HTS-03' },
          { id: T3, communeId: C1, text: 'hồ sơ số hóa', unit: '%', indicatorCode: 'CQS-03' },
        ],
      ],
    ]),
    existing: new Map([[`${T3}|2026-Q1`, { value: 40, source: 'report' }]]),
  };
  const header = mapHeader(['Mã xã', 'Mã chỉ tiêu', 'Mã mục tiêu', 'Kỳ', 'Giá trị', 'Tử số', 'Mẫu số']);
  const check = (...rows: Cell[][]) =>
    checkRows(
      rows.map((cells, i) => ({ row: i + 2, cells })),
      header,
      7,
      facts,
    );

  it('accepts good rows with a decimal comma, a spreadsheet number, a target id, or a numerator and denominator', () => {
    const out = check(
      ['05800', 'CQS-02', '', '2026-Q1', '3,5'],
      [5800, 'HTS-03', '', 'Quý II/2026', 42],
      ['05800', '', T1, '2026-Q2', '', '45', '90'],
    );
    expect(out.map((r) => r.errors)).toEqual([[], [], []]);
    expect(out[0]).toMatchObject({
      communeId: C1,
      targetIds: [T1],
      periodCode: '2026-Q1',
      periodEnd: '2026-03-31',
      value: 3.5,
      unit: '%',
    });
    expect(out[1]).toMatchObject({ communeCode: '05800', targetIds: [T2], value: 42 });
    expect(out[2]).toMatchObject({ targetIds: [T1], value: 50, numerator: 45, denominator: 90 });
  });

  it('names what is wrong with each bad row', () => {
    const out = check(
      ['05800', 'CQS-02', '', '2026-Q3', 'ba mươi'],
      ['99999', 'CQS-02', '', '2026-Q3', '10'],
      ['11824', 'CQS-02', '', '2026-Q3', '10'],
      ['05800', 'XYZ-01', '', '2026-Q3', '10'],
      ['05800', 'CQS-02', '', '2026-Q9', '10'],
      ['05800', 'CQS-02', '', '2026-Q4', '120'],
      ['05800', 'CQS-03', '', '2026-Q1', '41'],
      ['05800', 'CQS-02', '', '2026-Q4', '12', '', '', 'thừa'],
      ['05800', 'CQS-02', '', '2026-Q2', '60', '1', '2'],
      ['05800', 'CQS-02', '', '2026', '', '5', ''],
    );
    expect(out[0].errors).toEqual(['Giá trị "ba mươi" không phải là số (phần thập phân dùng dấu phẩy, ví dụ 3,5).']);
    expect(out[1].errors).toEqual(['Không có xã, phường nào mã "99999".']);
    expect(out[2].errors).toEqual(['Xã Vĩnh Bảo (mã 11824) ngoài phạm vi bạn được nhập số liệu.']);
    expect(out[3].errors).toEqual(['Không có chỉ tiêu mã "XYZ-01" trong danh mục.']);
    expect(out[4].errors[0]).toMatch(/^Không đọc được kỳ "2026-Q9"/);
    expect(out[5].errors).toEqual(['Tỷ lệ phải từ 0 đến 100 % (đang là 120).']);
    expect(out[6].errors).toEqual([
      'Kỳ 2026-Q1 của mục tiêu "hồ sơ số hóa" đã có giá trị 40 (báo cáo đơn vị đã duyệt).',
    ]);
    expect(out[7].errors).toEqual([
      'Dòng có 8 ô, nhiều hơn 7 cột của dòng tiêu đề (sai cột hoặc thiếu dấu ngoặc kép quanh số có dấu phẩy).',
      'Trùng với dòng 7: cùng xã, chỉ tiêu và kỳ.',
    ]);
    expect(out[8].errors).toEqual(['Giá trị 60 không khớp tử số/mẫu số (1/2 = 50).']);
    expect(out[9].errors).toEqual(['Cần cả tử số và mẫu số, hoặc bỏ trống cả hai.']);
  });

  it('catches the same commune, indicator and period twice in one file', () => {
    const out = check(['05800', 'CQS-02', '', '2026-Q1', '10'], ['05800', 'cqs-02', '', 'Quý I/2026', '11']);
    expect(out[0].errors).toEqual([]);
    expect(out[1].errors).toEqual(['Trùng với dòng 2: cùng xã, chỉ tiêu và kỳ.']);
  });

  it('skips empty rows and template rows left without period and value', () => {
    const out = check(
      [],
      ['', '', '', '', ''],
      ['05800', 'CQS-02', T1, '', ''],
      ['05800', 'CQS-02', '', '2026-Q1', ''],
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ row: 5, errors: ['Thiếu giá trị.'] });
  });

  it('refuses a target that does not measure the named indicator or is not in the plan', () => {
    expect(check(['05800', 'CQS-03', T1, '2026-Q1', '10'])[0].errors).toEqual([
      'Mục tiêu "hồ sơ trực tuyến" không gắn với chỉ tiêu CQS-03.',
    ]);
    expect(check(['05800', '', '00000000-0000-4000-8000-000000000999', '2026-Q1', '10'])[0].errors[0]).toMatch(
      /không thuộc kế hoạch của Xã Phú Thịnh/,
    );
  });
});
