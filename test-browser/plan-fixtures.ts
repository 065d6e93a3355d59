/** A small Vietnamese plan, as typed by a commune, and its amended version as a Word file. */
import { Document, Packer, Paragraph, TextRun } from 'docx';

export const PLAN_TXT = `ỦY BAN NHÂN DÂN
XÃ VĨNH BẢO
Số: 12/KH-UBND
Vĩnh Bảo, ngày 15 tháng 01 năm 2027

KẾ HOẠCH
Chuyển đổi số xã Vĩnh Bảo năm 2027

I. MỤC TIÊU

Mục tiêu chung: xây dựng chính quyền số phục vụ người dân.
- Đưa vào vận hành Trung tâm điều hành thông minh của xã.

1. Chỉ tiêu chính quyền số

- Tỷ lệ hồ sơ thủ tục hành chính được số hóa đạt 100%.
- Tỷ lệ người dân hài lòng khi sử dụng dịch vụ công trực tuyến đạt ≥ 95%.
- Tỷ lệ dịch vụ công trực tuyến toàn trình đạt tối thiểu 80%.

2. Chỉ tiêu xã hội số

- Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản đạt 70%.

Ghi chú: Kinh tế số chiếm 20% GRDP của xã vào năm 2030.

II. NHIỆM VỤ

1. Chính quyền số

- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công. Trung tâm Phục vụ hành chính công chủ trì, Văn phòng phối hợp. Thời gian: năm 2027.
- Triển khai hệ thống theo dõi nhiệm vụ điện tử. Văn phòng chủ trì. Thời gian: năm 2027.

2. Xã hội số

- Tổ chức lớp Bình dân học vụ số cho người dân các thôn. Phòng Văn hóa - Xã hội chủ trì, Tổ công nghệ số cộng đồng phối hợp.

III. TỔ CHỨC THỰC HIỆN

Các đơn vị báo cáo kết quả thực hiện hằng quý trước ngày 18 của tháng cuối quý, báo cáo năm trước ngày 13/12 gửi Phòng Văn hóa - Xã hội tổng hợp.

Phòng Văn hóa - Xã hội tổng hợp báo cáo Ủy ban nhân dân xã và Sở Khoa học và Công nghệ trước ngày 15/12.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Hà
`;

/** The amended plan: satisfaction raised to 97 %, one more task; made with the docx library like a Word file. */
export async function amendedPlanDocx(): Promise<Buffer> {
  const text = PLAN_TXT.replace('Số: 12/KH-UBND', 'Số: 20/KH-UBND')
    .replace('đạt ≥ 95%', 'đạt ≥ 97%')
    .replace(
      '2. Xã hội số\n',
      '- Xây dựng cổng thông tin điện tử của các thôn. Phòng Văn hóa - Xã hội chủ trì. Thời gian: năm 2027.\n\n2. Xã hội số\n',
    );
  const doc = new Document({
    sections: [
      {
        children: text
          .split('\n')
          .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: line === 'KẾ HOẠCH' })] })),
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
