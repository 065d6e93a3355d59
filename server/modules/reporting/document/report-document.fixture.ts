/**
 * A realistic sample report for tests and for looking at the rendered pages: xã Vĩnh Bảo
 * (thành phố Hải Phòng), quarter 2026-Q1, three plan groups, a few targets with missing values,
 * overdue tasks and five reporting units; signed by a deputy (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).
 */
import type { CommuneReportDocument, ReportTargetRow } from './report-document.types.ts';

const target = (groupName: string, t: Omit<ReportTargetRow, 'groupName'>): ReportTargetRow => ({ groupName, ...t });

export function sampleReport(overrides: Partial<CommuneReportDocument> = {}): CommuneReportDocument {
  const g1 = 'Chính quyền số';
  const g2 = 'Kinh tế số';
  const g3 = 'Xã hội số';
  return {
    parentBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
    issuer: 'ỦY BAN NHÂN DÂN XÃ VĨNH BẢO',
    number: '05/BC-UBND',
    place: 'Vĩnh Bảo',
    date: '2026-03-14',
    summary: 'Kết quả thực hiện Kế hoạch chuyển đổi số quý I năm 2026',
    recipientLine: 'Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng.',
    periodLabel: 'Quý I năm 2026',
    planTitle: 'Kế hoạch chuyển đổi số xã Vĩnh Bảo năm 2026',
    intro: [
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã Vĩnh Bảo về chuyển đổi số năm 2026, Ủy ban nhân dân xã báo cáo kết quả thực hiện quý I năm 2026 như sau:',
    ],
    groups: [
      {
        name: g1,
        narrative: [
          'Bộ phận Một cửa tiếp tục số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; 100% văn bản đi được ký số và gửi trên hệ thống quản lý văn bản, trừ văn bản mật.',
        ],
        targets: [
          target(g1, {
            text: 'Tỷ lệ hồ sơ TTHC được số hóa',
            targetText: '≥ 95 %',
            deadlineYear: 2026,
            value: 87.5,
            unit: '%',
            attainment: 92.1,
            status: 'on_track',
            source: 'Hệ thống một cửa',
          }),
          target(g1, {
            text: 'Tỷ lệ văn bản đi được ký số',
            targetText: '100 %',
            deadlineYear: 2026,
            value: 100,
            unit: '%',
            attainment: 100,
            status: 'reached',
            source: 'Văn phòng HĐND và UBND',
          }),
          target(g1, {
            text: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
            targetText: '≥ 80 %',
            deadlineYear: 2026,
            value: 41.3,
            unit: '%',
            attainment: 51.6,
            status: 'off_track',
            source: 'Hệ thống một cửa',
          }),
        ],
      },
      {
        name: g2,
        narrative: ['Hỗ trợ hộ kinh doanh mở tài khoản thanh toán và đưa sản phẩm OCOP lên sàn thương mại điện tử.'],
        targets: [
          target(g2, {
            text: 'Số sản phẩm OCOP lên sàn thương mại điện tử',
            targetText: '12 sản phẩm',
            deadlineYear: 2026,
            value: 5,
            unit: 'sản phẩm',
            attainment: 41.7,
            status: 'at_risk',
            source: 'Phòng Kinh tế',
          }),
          target(g2, {
            text: 'Tỷ lệ người trưởng thành có tài khoản thanh toán',
            targetText: '≥ 85 %',
            deadlineYear: 2027,
            value: null,
            unit: '%',
            attainment: null,
            status: 'no_data',
            source: null,
          }),
        ],
      },
      {
        name: g3,
        narrative: ['Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt, kích hoạt định danh điện tử mức độ 2.'],
        targets: [
          target(g3, {
            text: 'Số lớp bồi dưỡng kỹ năng số cho Nhân dân',
            targetText: '02 lớp',
            deadlineYear: 2026,
            value: 1,
            unit: 'lớp',
            attainment: 50,
            status: 'on_track',
            source: 'Phòng Văn hóa - Xã hội',
          }),
          target(g3, {
            text: 'Tỷ lệ dân số trưởng thành có danh tính số VNeID',
            targetText: '50–55 %',
            deadlineYear: 2026,
            value: 1234.5,
            unit: 'người',
            attainment: null,
            status: 'no_data',
            source: 'Công an xã',
          }),
        ],
      },
    ],
    tasks: { total: 42, done: 30, doneOnTime: 25, overdue: 4, inProgress: 8 },
    overdueTasks: [
      {
        title: 'Nâng cấp đường truyền Internet tại Bộ phận Một cửa',
        leadUnit: 'Văn phòng HĐND và UBND',
        dueOn: '2026-02-28',
      },
      { title: 'Lập danh mục cơ sở dữ liệu dùng chung của xã', leadUnit: null, dueOn: '2026-03-05' },
    ],
    difficulties: [
      'Hạ tầng mạng tại một số thôn vùng ven còn yếu; một bộ phận người cao tuổi chưa sử dụng điện thoại thông minh.',
    ],
    proposals: [
      'Đề nghị Sở Khoa học và Công nghệ hỗ trợ 02 lớp tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng trong quý II năm 2026.',
    ],
    completeness: [
      { unitName: 'Văn phòng HĐND và UBND', expected: 3, submitted: 3, onTime: 3, late: 0, missing: 0 },
      { unitName: 'Phòng Kinh tế', expected: 3, submitted: 3, onTime: 2, late: 1, missing: 0 },
      { unitName: 'Phòng Văn hóa - Xã hội', expected: 3, submitted: 2, onTime: 2, late: 0, missing: 1 },
      { unitName: 'Công an xã', expected: 3, submitted: 1, onTime: 0, late: 1, missing: 2 },
      { unitName: 'Trung tâm Phục vụ hành chính công', expected: 3, submitted: 3, onTime: 3, late: 0, missing: 0 },
    ],
    attachments: [
      { unitName: 'Phòng Kinh tế', files: ['Biên bản nghiệm thu wifi.pdf', 'anh-diem-wifi.jpg'] },
      { unitName: 'Trung tâm Phục vụ hành chính công', files: ['Danh sách hồ sơ số hóa.xlsx'] },
    ],
    signature: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Hùng' },
    recipients: [
      'Sở Khoa học và Công nghệ TP (để b/c)',
      'TT Đảng ủy, TT HĐND xã',
      'Chủ tịch, các PCT UBND xã',
      'Các phòng, đơn vị thuộc UBND xã',
      'Lưu: VT, VHXH',
    ],
    ...overrides,
  };
}
