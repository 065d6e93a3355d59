import { describe, expect, it } from 'vitest';
import { standardUnits, unitFullName } from './org.rules.ts';

describe('unit names', () => {
  it.each([
    ['Phòng Kinh tế', 'Xã Vĩnh Bảo', 'Phòng Kinh tế xã Vĩnh Bảo'],
    ['Công an xã', 'Xã Tượng Lĩnh', 'Công an xã Tượng Lĩnh'],
    ['Công an phường', 'Phường Ba Đình', 'Công an phường Ba Đình'],
    ['Trạm Y tế', 'Đặc khu Côn Đảo', 'Trạm Y tế đặc khu Côn Đảo'],
  ])('%s + %s → %s', (unit, commune, full) => {
    expect(unitFullName(unit, commune)).toBe(full);
  });

  it('gives a ward the Phòng Kinh tế, Hạ tầng và Đô thị and its own police name', () => {
    expect(standardUnits('Phường').map((u) => u.name)).toEqual([
      'Văn phòng HĐND và UBND',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm Phục vụ hành chính công',
      'Công an phường',
    ]);
    expect(standardUnits('Xã')[1].name).toBe('Phòng Kinh tế');
  });
});
