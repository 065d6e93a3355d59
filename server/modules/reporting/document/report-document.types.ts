/**
 * The commune's periodic digital-transformation report (báo cáo định kỳ) as plain data:
 * everything the official .docx (NĐ 30/2020/NĐ-CP layout) and the .xlsx need, already
 * compiled from the stored data by the reporting service. The document writers only lay it
 * out; they never query anything.
 */
export interface ReportTargetRow {
  groupName: string | null;
  /** "Tỷ lệ hồ sơ TTHC được số hóa" — what is measured. */
  text: string;
  /** The promise as people read it: "≥ 95 %", "50–55 %", "02 lớp". */
  targetText: string;
  deadlineYear: number | null;
  /** Value reached in the period, null when nobody reported it. */
  value: number | null;
  unit: string;
  /** Attainment in percent of the target (0–100+), null when unknown. */
  attainment: number | null;
  status: 'reached' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
  /** Who reported it / where it comes from ("Phòng Kinh tế", "Hệ thống một cửa"). */
  source: string | null;
}

export interface ReportTaskSummary {
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  inProgress: number;
}

export interface ReportUnitCompleteness {
  unitName: string;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

export interface ReportUnitAttachments {
  unitName: string;
  files: string[];
}

export interface CommuneReportDocument {
  /** Cơ quan chủ quản / cơ quan ban hành: "UBND THÀNH PHỐ HẢI PHÒNG" (not bold) and "ỦY BAN NHÂN DÂN XÃ VĨNH BẢO" (bold). */
  parentBody: string;
  issuer: string;
  /** "…/BC-UBND" when no number is issued yet; "05/BC-UBND" once numbered. */
  number: string;
  /** Place of the date line: the official name of the commune, "Vĩnh Bảo". */
  place: string;
  /** ISO date of the report. */
  date: string;
  /** "Kết quả thực hiện Kế hoạch chuyển đổi số quý I năm 2026". */
  summary: string;
  /** "Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng." */
  recipientLine: string | null;
  periodLabel: string;
  planTitle: string;
  /** Opening paragraph(s) of the body. */
  intro: string[];
  /** Results by plan group, in the plan's order. */
  groups: { name: string; narrative: string[]; targets: ReportTargetRow[] }[];
  tasks: ReportTaskSummary;
  /** Overdue tasks named in the body (title, lead unit, due date). */
  overdueTasks: { title: string; leadUnit: string | null; dueOn: string }[];
  difficulties: string[];
  proposals: string[];
  /**
   * Optional closing sentence of the body, without the final "./." (NĐ 30/2020, Phụ lục I:
   * templates end the body with "./."); default "Trên đây là báo cáo <summary> của <issuer>".
   */
  closing?: string;
  completeness: ReportUnitCompleteness[];
  /**
   * Files the units attached to their approved submissions, by unit (an annex line after the
   * completeness table). Optional: documents frozen before attachments existed have none.
   */
  attachments?: ReportUnitAttachments[];
  /** Signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
  signature: { authority: string; title: string; name: string | null };
  /** "Nơi nhận:" entries without the leading "- " and trailing ";"; the last is "Lưu: VT, VHXH". */
  recipients: string[];
}
