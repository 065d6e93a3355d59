import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleReport } from './report-document.fixture.ts';
import { renderReportXlsx } from './report-xlsx.ts';
import { issuerInText, viDateLine, viNum, viValue } from './report-format.ts';

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('renderReportXlsx', () => {
  it('writes the three sheets with titles, frozen bold headers and real numbers', async () => {
    const wb = await load(await renderReportXlsx(sampleReport()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Đơn vị báo cáo', 'Nhiệm vụ']);

    const t = wb.getWorksheet('Chỉ tiêu')!;
    expect(t.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN XÃ VĨNH BẢO — Kết quả thực hiện chỉ tiêu');
    expect(t.getCell('A2').value).toBe('Quý I năm 2026 · Kế hoạch chuyển đổi số xã Vĩnh Bảo năm 2026');
    expect(t.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(t.getCell('C4').value).toBe('Chỉ tiêu');
    expect(t.getCell('C4').font?.bold).toBe(true);
    expect(t.getColumn(3).width).toBe(44);
    // First target: group as a column, value a number, attainment a fraction shown as %.
    expect(t.getRow(5).values).toEqual([
      undefined,
      1,
      'Chính quyền số',
      'Tỷ lệ hồ sơ TTHC được số hóa',
      '≥ 95 %',
      2026,
      87.5,
      '%',
      0.921,
      'Đúng tiến độ',
      'Hệ thống một cửa',
    ]);
    expect(t.getCell('H5').numFmt).toBe('0.0%');
    expect(t.getCell('F5').numFmt).toBe('#,##0.0#');
    expect(t.getCell('F6').numFmt).toBe('#,##0'); // 100 has no fraction
    // The target without data stays empty rather than 0.
    const noData = t.getRow(9);
    expect(noData.getCell(3).value).toBe('Tỷ lệ người trưởng thành có tài khoản thanh toán');
    expect(noData.getCell(6).value).toBeNull();
    expect(noData.getCell(8).value).toBeNull();
    expect(noData.getCell(9).value).toBe('Chưa có số liệu');
    expect(t.rowCount).toBe(4 + 7);

    const u = wb.getWorksheet('Đơn vị báo cáo')!;
    expect(u.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Cơ quan, đơn vị',
      'Phải báo cáo',
      'Đã gửi',
      'Đúng hạn',
      'Muộn',
      'Chưa gửi',
      'Tỷ lệ đã gửi',
    ]);
    const police = u.getRow(8);
    expect(police.getCell(2).value).toBe('Công an xã');
    expect(police.getCell(8).value).toBeCloseTo(1 / 3, 10);
    expect(police.getCell(8).numFmt).toBe('0.0%');
    const total = u.getRow(10);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect([total.getCell(3).value, total.getCell(4).value, total.getCell(7).value]).toEqual([15, 12, 3]);
    expect(total.getCell(8).value).toBeCloseTo(0.8, 10);
    expect(total.getCell(2).font?.bold).toBe(true);

    const k = wb.getWorksheet('Nhiệm vụ')!;
    expect([k.getCell('B4').value, k.getCell('C4').value]).toEqual(['Tổng số nhiệm vụ', 42]);
    expect([k.getCell('B8').value, k.getCell('C8').value]).toEqual(['Quá hạn', 4]);
    expect(k.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
    expect(k.getCell('B10').value).toBe('Nhiệm vụ quá hạn');
    expect(k.getCell('B11').value).toBe('Nâng cấp đường truyền Internet tại Bộ phận Một cửa');
    expect(k.getCell('D11').value).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(k.getCell('D11').numFmt).toBe('dd/mm/yyyy');
    expect(k.getCell('C12').value).toBeNull(); // no lead unit named
  });

  it('handles a report with nothing overdue and no units', async () => {
    const wb = await load(await renderReportXlsx(sampleReport({ overdueTasks: [], completeness: [] })));
    expect(wb.getWorksheet('Nhiệm vụ')!.getCell('B11').value).toBe('Không có nhiệm vụ quá hạn.');
    expect(wb.getWorksheet('Đơn vị báo cáo')!.rowCount).toBe(4);
  });
});

describe('report-format', () => {
  it('writes the NĐ 30 date line', () => {
    expect(viDateLine('Vĩnh Bảo', '2026-03-14')).toBe('Vĩnh Bảo, ngày 14 tháng 3 năm 2026');
    expect(viDateLine('Vĩnh Bảo', '2026-02-05')).toBe('Vĩnh Bảo, ngày 05 tháng 02 năm 2026');
    expect(viDateLine('Vĩnh Bảo', '2026-01-31')).toBe('Vĩnh Bảo, ngày 31 tháng 01 năm 2026');
    expect(viDateLine('Vĩnh Bảo', '2026-11-09')).toBe('Vĩnh Bảo, ngày 09 tháng 11 năm 2026');
    expect(() => viDateLine('Vĩnh Bảo', '14/03/2026')).toThrow();
  });

  it('writes numbers the Vietnamese way', () => {
    expect(viNum(3.5)).toBe('3,5');
    expect(viNum(1234.5)).toBe('1.234,5');
    expect(viNum(92.06, 1)).toBe('92,1');
    expect(viValue(87.5, '%')).toBe('87,5%');
    expect(viValue(2, 'lớp')).toBe('2 lớp');
    expect(viValue(null, '%')).toBe('-');
  });

  it('writes the issuer in running text with Phụ lục II capitalisation', () => {
    expect(issuerInText('ỦY BAN NHÂN DÂN XÃ VĨNH BẢO')).toBe('Ủy ban nhân dân xã Vĩnh Bảo');
    expect(issuerInText('ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN')).toBe('Ủy ban nhân dân phường Lê Chân');
    expect(issuerInText('ỦY BAN NHÂN DÂN ĐẶC KHU CÁT HẢI')).toBe('Ủy ban nhân dân đặc khu Cát Hải');
  });
});
