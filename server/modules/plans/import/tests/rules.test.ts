import { describe, expect, it } from 'vitest';
import { extractPlan } from '../extract-plan.ts';
import { parseDeadline } from '../reporting.ts';
import { isFundingLine, isStatement, isTargetStatement } from '../tasks.ts';
import { headingUnit, inlineLead, partnersOf, prefixUnit, subjectUnit } from '../units.ts';

const plan = (...lines: string[]) => extractPlan(lines.join('\n'));

describe('lead and partners ("chủ trì … phối hợp …")', () => {
  it.each([
    ['Phòng Văn hóa - Xã hội tham mưu Ủy ban nhân dân xã ban hành Kế hoạch', 'Phòng Văn hóa - Xã hội'],
    [
      'Thủ trưởng các cơ quan, đơn vị thuộc UBND xã nêu cao tinh thần trách nhiệm',
      'Thủ trưởng các cơ quan, đơn vị thuộc UBND xã',
    ],
    ['UBND xã tổ chức kiểm tra định kỳ việc thực hiện Kế hoạch', 'UBND xã'],
    ['Công an xã chủ trì, phối hợp với các đơn vị liên quan bảo đảm an ninh mạng', 'Công an xã'],
    ['Triển khai các giải pháp bảo vệ dữ liệu cá nhân', null],
    ['Phòng, chống tin giả, lừa đảo trực tuyến', null],
    ['Ban hành quy chế quản lý dữ liệu', null],
    ['Trung tâm Dịch vụ tổng hợp triển khai tuyên truyền', 'Trung tâm Dịch vụ tổng hợp'],
    ['Phòng Văn hóa - Xã hội tổng hợp báo cáo kết quả', 'Phòng Văn hóa - Xã hội'],
    ['Ban Quản lý dự án chủ trì thi công', 'Ban Quản lý dự án'],
  ])('subject of "%s"', (text, lead) => expect(subjectUnit(text)).toBe(lead));

  it('"Unit: duty" items and headings', () => {
    expect(prefixUnit('Phòng Kinh tế: Chủ trì các nhiệm vụ phát triển hạ tầng số')).toBe('Phòng Kinh tế');
    expect(prefixUnit('Đề nghị các Trạm y tế xã: Thực hiện quản lý hồ sơ bệnh án điện tử')).toBe('Các Trạm y tế xã');
    expect(prefixUnit('Lĩnh vực nông nghiệp: Phát triển kinh tế số')).toBeNull();
    expect(headingUnit('Phòng Văn hóa - Xã hội xã')).toBe('Phòng Văn hóa - Xã hội');
    expect(headingUnit('Các cơ sở giáo dục, Trạm Y tế xã')).toBe('Các cơ sở giáo dục, Trạm Y tế xã');
    expect(headingUnit('Chế độ báo cáo')).toBeNull();
    expect(headingUnit('Trung tâm Dịch vụ tổng hợp')).toBe('Trung tâm Dịch vụ tổng hợp');
    expect(headingUnit('Phòng Văn hóa - Xã hội có trách nhiệm thực hiện các nội dung sau:')).toBe(
      'Phòng Văn hóa - Xã hội',
    );
  });

  it('inline "chủ trì: …; phối hợp: …"', () => {
    const t = 'Số hóa hồ sơ lưu trữ (Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Trung tâm Phục vụ hành chính công).';
    expect(inlineLead(t)).toBe('Phòng Văn hóa - Xã hội');
    expect(partnersOf(t)).toEqual(['Trung tâm Phục vụ hành chính công']);
    expect(inlineLead('Thời gian thực hiện: năm 2026')).toBeNull();
  });

  it('partners after "phối hợp với"', () => {
    expect(partnersOf('Phối hợp với các cơ quan chức năng trong việc rà soát quỹ đất')).toEqual([
      'các cơ quan chức năng',
    ]);
    expect(partnersOf('Chủ trì, phối hợp với các phòng, các ngành thực hiện Kế hoạch này.')).toEqual([
      'các phòng, các ngành',
    ]);
  });

  it('a unit heading of "Tổ chức thực hiện" leads every duty under it', () => {
    const p = plan(
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Công an xã',
      '- Chủ trì triển khai Đề án 06 trên địa bàn.',
      '- Phối hợp bảo đảm an toàn thông tin mạng.',
      '2. Phòng Kinh tế',
      'Hỗ trợ hộ kinh doanh chuyển đổi số.',
    );
    expect(p.tasks.map((t) => [t.lead, t.line])).toEqual([
      ['Công an xã', 3],
      ['Công an xã', 4],
      ['Phòng Kinh tế', 6],
    ]);
  });

  it('"6 rõ" attribute lines describe the task above them', () => {
    const p = plan(
      'II. NHIỆM VỤ',
      '1. Xây dựng Trung tâm điều hành thông minh cấp xã.',
      '- Cơ quan chủ trì: Văn phòng HĐND và UBND xã.',
      '- Cơ quan phối hợp: Phòng Kinh tế; Công an xã.',
      '- Thời gian thực hiện: năm 2027.',
      '- Sản phẩm: Trung tâm đi vào hoạt động.',
    );
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]).toMatchObject({
      lead: 'Văn phòng HĐND và UBND xã',
      partners: ['Phòng Kinh tế', 'Công an xã'],
      to: 2027,
      expected: 'Trung tâm đi vào hoạt động',
      line: 2,
    });
  });
});

describe('what is and is not a task', () => {
  it.each([
    ['100% nền tảng số dùng chung đáp ứng yêu cầu', true],
    ['Đến năm 2030, 100% giáo viên sử dụng thành thạo công cụ số', true],
    ['Phấn đấu đến năm 2030 có ít nhất 60% hộ sản xuất ứng dụng công nghệ số', true],
    ['Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt trên 70%', true],
    ['Thực hiện số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính', false],
  ])('target statement "%s" → %s', (t, yes) => expect(isTargetStatement(t)).toBe(yes));
  it.each([
    ['Bổ trí, sử dụng nguồn lực tài chính từ ngân sách nhà nước', true],
    ['Bảo đảm bố trí chi ngân sách xã cho chuyển đổi số đạt ít nhất 3%', true],
    ['Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp', true],
    ['Khuyến khích doanh nghiệp đóng góp kinh phí, thiết bị', false],
  ])('funding line "%s" → %s', (t, yes) => expect(isFundingLine(t)).toBe(yes));
  it('a statement is not an action', () => {
    expect(isStatement('Kết quả chuyển đổi số là tiêu chí đánh giá mức độ hoàn thành nhiệm vụ')).toBe(true);
    expect(isStatement('Là cơ quan đầu mối tổng hợp, giải đáp các khó khăn')).toBe(false);
  });
  it('legal bases, targets sections and past results give no tasks', () => {
    const p = plan(
      'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;',
      'I. KẾT QUẢ THỰC HIỆN NĂM 2025',
      '- Triển khai phần mềm một cửa điện tử.',
      'II. MỤC TIÊU',
      '- Hoàn thiện hạ tầng số.',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '- Nâng cấp mạng nội bộ của UBND xã.',
      'IV. KINH PHÍ',
      '- Ngân sách xã bảo đảm theo phân cấp.',
    );
    expect(p.tasks.map((t) => t.title)).toEqual(['Nâng cấp mạng nội bộ của UBND xã.']);
  });
});

describe('indicators: year, kind and text', () => {
  it('targets under "Đến năm 2027:" and "giai đoạn" take that year; others the end of the plan period', () => {
    const p = plan(
      'KẾ HOẠCH',
      'Chuyển đổi số xã Hòa An giai đoạn 2026 - 2030',
      'I. MỤC TIÊU',
      'Đến năm 2027:',
      '- 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.',
      '* Giai đoạn 2028 - 2029:',
      '- 99% người dân hài lòng với dịch vụ công.',
      'II. NHIỆM VỤ',
      '- Phấn đấu 80% hộ gia đình có cáp quang; đến năm 2035 đạt 100%.',
    );
    expect(p.indicators.map((i) => [i.value, i.year, i.line])).toEqual([
      [100, 2027, 5],
      [99, 2029, 7],
      [80, 2030, 9],
      [100, 2035, 9],
    ]);
    expect(p.indicators[3].text).toBe(p.indicators[2].text);
  });
  it('an assessment of past results reports baselines of its year', () => {
    const p = plan(
      'Phần I',
      'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025',
      '- 100% văn bản được ký số.',
      'Phần II',
      'NỘI DUNG KẾ HOẠCH',
      'I. MỤC TIÊU',
      '- 100% văn bản được ký số.',
    );
    expect(p.indicators.map((i) => [i.kind, i.year])).toEqual([
      ['baseline', 2025],
      ['target', null],
    ]);
  });
  it('the number stands on a wrapped line: its own line is reported', () => {
    const p = plan(
      'I. MỤC TIÊU',
      '- Tổ chức bồi dưỡng, tập huấn định kỳ về kỹ năng số cơ bản và nâng cao cho ',
      '',
      '100% cán bộ, công chức, viên chức.',
    );
    expect(p.indicators[0]).toMatchObject({ value: 100, line: 4 });
  });
});

describe('reporting rules', () => {
  it.each([
    ['trước ngày 18 tháng cuối quý', 18, null],
    ['trước ngày 18/5', 18, 5],
    ['trước ngày 03 tháng 12', 3, 12],
    ['chậm nhất ngày 15 của tháng cuối quý', 15, null],
  ])('deadline "%s"', (s, day, month) => expect(parseDeadline(s)).toMatchObject({ day, month }));

  it('each cycle takes the deadline written beside it', () => {
    const p = plan(
      'IV. TỔ CHỨC THỰC HIỆN',
      'Các cơ quan, đơn vị định kỳ hằng quý (trước ngày 18 tháng cuối quý), 6 tháng (trước ngày 18/5), 1 năm (trước ngày 13/12) hoặc đột xuất (khi được yêu cầu) báo cáo kết quả về UBND xã.',
    );
    expect(p.reporting.map((r) => [r.cycle, r.day, r.month])).toEqual([
      ['quarterly', 18, null],
      ['half-year', 18, 5],
      ['annual', 13, 12],
      ['ad-hoc', null, null],
    ]);
    expect(p.reporting[0].reporter).toBe('Các cơ quan, đơn vị');
  });
  it('an inspection every 6 months is not a report; "định kỳ báo cáo" names no cycle', () => {
    const p = plan(
      'III. TỔ CHỨC THỰC HIỆN',
      '- UBND xã tổ chức kiểm tra định kỳ (6 tháng/lần) việc thực hiện Kế hoạch.',
      '- Định kỳ báo cáo Đảng ủy xã kết quả thực hiện.',
    );
    expect(p.reporting).toEqual([]);
  });
  it('nine-month reports', () => {
    const p = plan('II. NHIỆM VỤ', '- Báo cáo tiến độ thực hiện theo quý, 6 tháng, 9 tháng, 01 năm gửi Đảng ủy xã.');
    expect(p.reporting.map((r) => r.cycle)).toEqual(['quarterly', 'half-year', 'nine-month', 'annual']);
  });
});

describe('reporting deadlines without a cycle word each', () => {
  it('"trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm": a half-year and a yearly report', () => {
    const p = plan(
      'III. TỔ CHỨC THỰC HIỆN',
      'Các đơn vị báo cáo kết quả trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm về UBND xã.',
    );
    expect(p.reporting.map((r) => [r.cycle, r.day, r.month])).toEqual([
      ['annual', 15, 12],
      ['half-year', 15, 6],
    ]);
  });
});

describe('header: who issues the plan', () => {
  const head = (...lines: string[]) =>
    plan(
      ...lines,
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2026',
      'I. MỤC TIÊU',
      '- Phối hợp với xã Tân Lập triển khai dịch vụ công.',
    );
  it('a commune named in the national-emblem block, even when a PDF merged both columns', () => {
    const p = head(
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ AN THẠNH Độc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-UBND An Thạnh, ngày 03 tháng 3 năm 2026',
    );
    expect(p).toMatchObject({
      commune: 'An Thạnh',
      number: '12/KH-UBND',
      issuedOn: '2026-03-03',
      period: { from: 2026, to: 2026 },
    });
  });
  it('a district or a province has no issuing commune (another commune named in the text is not the issuer)', () => {
    expect(head('ỦY BAN NHÂN DÂN', 'HUYỆN ĐÔNG ANH', 'Số: 99/KH-UBND')).toMatchObject({
      commune: null,
      communeCode: null,
    });
    expect(head('UBND TỈNH THANH HÓA', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toMatchObject({ commune: null, communeCode: null });
  });
  it('a draft leaves number and date blank', () => {
    expect(head('Số: /KH-UBND', 'Phú Thịnh, ngày     tháng     năm 2026')).toMatchObject({
      number: null,
      issuedOn: null,
    });
  });
});

describe('a province or district plan', () => {
  it('units of a province lead their duties; the province is not a commune', () => {
    const p = plan(
      'ỦY BAN NHÂN DÂN',
      'TỈNH THANH HÓA',
      'KẾ HOẠCH',
      'Chuyển đổi số tỉnh Thanh Hóa năm 2026',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Sở Khoa học và Công nghệ',
      '- Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.',
      '2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
      '- Xây dựng kế hoạch chuyển đổi số của cơ quan, địa phương; báo cáo định kỳ 6 tháng (trước ngày 15/6), hằng năm (trước ngày 15/12) về Sở Khoa học và Công nghệ.',
      '3. Viễn thông Thanh Hóa chủ trì phát triển hạ tầng băng rộng cố định.',
    );
    expect(p).toMatchObject({ commune: null, communeCode: null });
    expect(p.tasks.map((t) => t.lead)).toEqual([
      'Sở Khoa học và Công nghệ',
      'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
      'Viễn thông Thanh Hóa',
    ]);
    expect(p.reporting.map((r) => [r.cycle, r.day, r.month, r.recipient])).toEqual([
      ['half-year', 15, 6, 'Sở Khoa học và Công nghệ'],
      ['annual', 15, 12, 'Sở Khoa học và Công nghệ'],
    ]);
  });
});
