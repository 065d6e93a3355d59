import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { compareVietnamese, foldVietnamese, formatViNumber, vietnameseSortKey } from './text.ts';

const byKey = (a: string, b: string) => {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('vietnameseSortKey', () => {
  it('orders letters as Vietnamese readers expect', () => {
    const words = ['Ân', 'Ă', 'Ánh', 'An', 'Â', 'Ăn', 'B', 'Đ', 'D', 'Ấn'];
    expect([...words].sort(byKey)).toEqual(['An', 'Ánh', 'Ă', 'Ăn', 'Â', 'Ân', 'Ấn', 'B', 'D', 'Đ']);
  });

  it('orders tones none < huyền < hỏi < ngã < sắc < nặng and lower case first', () => {
    expect(['tạ', 'tá', 'tã', 'tả', 'tà', 'ta'].sort(byKey)).toEqual(['ta', 'tà', 'tả', 'tã', 'tá', 'tạ']);
    expect(['Bà', 'BA', 'bà', 'Ba'].sort(byKey)).toEqual(['Ba', 'BA', 'bà', 'Bà']);
  });

  it('agrees with Intl.Collator("vi") on every commune and province name', () => {
    const file = path.resolve(import.meta.dirname, '../modules/org/data/vn-admin-units-2025.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      Name: string;
      Wards: { Name: string; FullName: string }[];
    }[];
    const names = [...new Set(data.flatMap((p) => [p.Name, ...p.Wards.flatMap((w) => [w.Name, w.FullName])]))];
    expect(names.length).toBeGreaterThan(3000);
    const expected = [...names].sort(compareVietnamese);
    const actual = [...names].sort(byKey);
    const firstDiff = actual.findIndex((n, i) => n !== expected[i]);
    expect(firstDiff === -1 ? null : [actual[firstDiff], expected[firstDiff]]).toBeNull();
  });
});

describe('foldVietnamese', () => {
  it('removes tones, shapes and đ so unaccented typing finds the name', () => {
    expect(foldVietnamese('Tượng Lĩnh')).toBe('tuong linh');
    expect(foldVietnamese('  ĐỒNG   Tháp ')).toBe('dong thap');
  });
});

describe('formatViNumber', () => {
  it("writes numbers as toLocaleString('vi-VN') does, with a kept formatter per setting", () => {
    for (const [v, digits] of [
      [1234.5, 1],
      [82.25, 1],
      [0.125, 3],
      [1_000_000, 0],
      [-3.14159, 2],
      [12.3456, undefined],
    ] as const) {
      expect(formatViNumber(v, digits)).toBe(v.toLocaleString('vi-VN', { maximumFractionDigits: digits ?? 3 }));
    }
    expect(formatViNumber(1234.56, 1)).toBe('1.234,6');
  });
});
