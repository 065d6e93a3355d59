import type { MessageKey } from '../../../lib/messages/vi.ts';
import type { CommuneReportStatus, SubmissionStatus } from '../api/types.ts';

/** Chip of a unit's submission; a late submission reads "Nộp muộn" rather than "Đã nộp". */
export function submissionChip(status: SubmissionStatus, isLate: boolean | null): { label: MessageKey; color: string } {
  switch (status) {
    case 'draft':
      return { label: 'reports.status.draft', color: 'processing' };
    case 'submitted':
      return isLate
        ? { label: 'reports.status.late', color: 'orange' }
        : { label: 'reports.status.submitted', color: 'blue' };
    case 'returned':
      return { label: 'reports.status.returned', color: 'red' };
    case 'approved':
      return { label: 'reports.status.approved', color: 'green' };
    default:
      return { label: 'reports.status.none', color: 'default' };
  }
}

export function communeReportChip(status: CommuneReportStatus | null | undefined): {
  label: MessageKey;
  color: string;
} {
  switch (status) {
    case 'draft':
      return { label: 'reports.cr.draft', color: 'processing' };
    case 'signed':
      return { label: 'reports.cr.signed', color: 'purple' };
    case 'sent':
      return { label: 'reports.cr.sent', color: 'blue' };
    case 'received':
      return { label: 'reports.cr.received', color: 'green' };
    default:
      return { label: 'reports.cr.none', color: 'default' };
  }
}

export const eventLabel: Record<string, MessageKey> = {
  submitted: 'reports.event.submitted',
  returned: 'reports.event.returned',
  approved: 'reports.event.approved',
  signed: 'reports.event.signed',
  sent: 'reports.event.sent',
  received: 'reports.event.received',
};

/** Server messages of field checks (reporting.rules.ts checkValue) in English. */
export const fieldMessagesEn: Record<string, string> = {
  'Cần cả tử số và mẫu số': 'Both numerator and denominator are needed',
  'Mẫu số phải lớn hơn 0': 'The denominator must be greater than 0',
  'Tử số không được âm': 'The numerator cannot be negative',
  'Tử số không được lớn hơn mẫu số': 'The numerator cannot exceed the denominator',
  'Giá trị phải là một số': 'The value must be a number',
  'Tỷ lệ phần trăm phải trong khoảng 0–100': 'A percentage must be between 0 and 100',
  'Giá trị không được âm': 'The value cannot be negative',
  'Chưa có số liệu': 'No value yet',
  'Chỉ tiêu không thuộc đơn vị này': 'This target does not belong to the unit',
};
