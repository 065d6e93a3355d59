import type { FormInstance } from 'antd';
import { ApiError } from './api-client.ts';
import type { Locale } from './i18n.tsx';

/**
 * What a person reads for each server error code. Unknown codes fall back to the server's message.
 * Where the server's Vietnamese names the specifics (which columns are missing, which file), `vi`
 * is left out so that message shows, and `en` says the same in general terms.
 */
export const errorTexts: Record<string, { vi?: string; en: string }> = {
  INVALID_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  UNLOCK_CODE_INVALID: {
    vi: 'Mã mở khóa không đúng hoặc đã hết hạn.',
    en: 'The unlock code is wrong or has expired.',
  },
  REPORT_SELF_REVIEW: {
    vi: 'Người nộp báo cáo không tự duyệt hoặc trả lại báo cáo của mình.',
    en: 'Whoever sent a report cannot approve or return it.',
  },
  INDICATOR_MERGE_NARROWER: {
    vi: 'Chỉ gộp được vào chỉ tiêu dùng chung hoặc chỉ tiêu riêng của cùng tỉnh.',
    en: 'An indicator merges only into a shared one or one of the same province.',
  },
  PLAN_TASK_NOT_FOUND: {
    vi: 'Không tìm thấy nhiệm vụ của kế hoạch.',
    en: 'Plan task not found.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn đang dùng mật khẩu tạm; hãy đổi mật khẩu trước khi làm việc.',
    en: 'You are using a temporary password; change it before you continue.',
  },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút hoặc liên hệ quản trị viên.',
    en: 'The account is locked after too many failed sign-ins. Try again in a few minutes or ask an administrator.',
  },
  ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.',
    en: 'This account is disabled. Contact an administrator.',
  },
  SESSION_EXPIRED: {
    vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
    en: 'Your session has expired; please sign in again.',
  },
  CSRF_TOKEN_INVALID: {
    vi: 'Phiên làm việc không còn hợp lệ. Vui lòng tải lại trang.',
    en: 'Your session is no longer valid. Please reload the page.',
  },
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập.', en: 'Please sign in.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  VALIDATION_FAILED: {
    vi: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại các ô được đánh dấu.',
    en: 'Some fields are not valid; please check the marked fields.',
  },
  MALFORMED_BODY: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The data sent was malformed.' },
  BODY_TOO_LARGE: { vi: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.', en: 'The data sent is too large.' },
  RATE_LIMITED: {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
    en: 'Too many requests; please try again in a few minutes.',
  },
  ORG_UNIT_NOT_FOUND: { vi: 'Không tìm thấy đơn vị.', en: 'Organisation unit not found.' },
  ORG_UNIT_NAME_TAKEN: { vi: 'Xã đã có đơn vị trùng tên.', en: 'The commune already has a unit with this name.' },
  ORG_UNIT_CLOSED: {
    vi: 'Đơn vị đã đóng, không thay đổi được nữa.',
    en: 'The unit is closed and can no longer be changed.',
  },
  ORG_CLOSE_BEFORE_OPEN: {
    vi: 'Ngày đóng phải sau ngày thành lập.',
    en: 'The closing date must be after the opening date.',
  },
  ORG_NOT_A_COMMUNE: {
    vi: 'Chỉ thêm được đơn vị trực thuộc một xã, phường hoặc đặc khu.',
    en: 'Units can only be added under a commune, ward or special zone.',
  },
  ORG_NOT_A_UNIT: {
    vi: 'Chỉ đổi tên hoặc đóng được đơn vị trực thuộc xã.',
    en: 'Only units under a commune can be renamed or closed.',
  },
  USER_NOT_FOUND: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã có người dùng.', en: 'This username is already taken.' },
  GRANT_OUT_OF_SCOPE: {
    vi: 'Không thể giao vai trò ở nơi nằm ngoài phạm vi quản lý của bạn.',
    en: 'You cannot grant a role outside the part of the organisation you manage.',
  },
  GRANT_WRONG_LEVEL: {
    vi: 'Vai trò này không giao được ở cấp đơn vị đã chọn.',
    en: 'This role cannot be granted at the chosen level.',
  },
  GRANT_TOO_HIGH: {
    vi: 'Bạn không thể giao vai trò cao hơn vai trò của mình.',
    en: 'You cannot grant a role higher than your own.',
  },
  GRANT_EXISTS: { vi: 'Người dùng đã có vai trò này ở đơn vị này.', en: 'The user already has this role here.' },
  GRANT_NOT_FOUND: { vi: 'Không tìm thấy vai trò.', en: 'Role grant not found.' },
  CANNOT_MANAGE_SELF: {
    vi: 'Không tự thay đổi quyền hoặc trạng thái tài khoản của chính mình; hãy dùng trang Cá nhân.',
    en: 'You cannot change your own roles or account status; use the Profile page.',
  },
  WRONG_CURRENT_PASSWORD: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  PASSWORD_UNCHANGED: {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  PASSWORD_TOO_SHORT: {
    vi: 'Mật khẩu quá ngắn: cần ít nhất 12 ký tự, hoặc một cụm từ gồm 4 từ trở lên.',
    en: 'The password is too short: at least 12 characters, or a passphrase of 4 or more words.',
  },
  PASSWORD_TOO_LONG: { vi: 'Mật khẩu quá dài.', en: 'The password is too long.' },
  PASSWORD_CONTAINS_USERNAME: {
    vi: 'Mật khẩu không được chứa tên đăng nhập.',
    en: 'The password must not contain your username.',
  },
  PASSWORD_TOO_SIMPLE: { vi: 'Mật khẩu quá đơn giản, dễ đoán.', en: 'The password is too simple to be safe.' },
  PASSWORD_BREACHED: {
    vi: 'Mật khẩu này đã bị lộ trong các vụ rò rỉ dữ liệu; hãy chọn mật khẩu khác.',
    en: 'This password has appeared in data breaches; choose another.',
  },
  ROUTE_NOT_FOUND: { vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'The requested address does not exist.' },
  INTERNAL: {
    vi: 'Lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Something went wrong on the server. Please try again later.',
  },
  TRY_AGAIN: { vi: 'Dữ liệu vừa thay đổi, vui lòng thử lại.', en: 'The data just changed; please try again.' },
  PLAN_FILE_MISSING: { vi: 'Chưa chọn tệp kế hoạch để tải lên.', en: 'No plan file was chosen.' },
  PLAN_FILE_EMPTY: { vi: 'Tệp rỗng, không có nội dung chữ.', en: 'The file is empty: it has no text.' },
  PLAN_FILE_CORRUPT: {
    vi: 'Tệp bị hỏng, không mở được. Hãy mở bằng Word và lưu lại, hoặc xuất lại PDF.',
    en: 'The file is damaged and cannot be opened. Open it in Word and save it again, or export the PDF again.',
  },
  PLAN_FILE_NO_TEXT: {
    vi: 'Tệp PDF là bản scan, không có lớp chữ nên không đọc được nội dung. Hãy gửi bản .docx hoặc PDF xuất từ Word.',
    en: 'The PDF is a scan with no text layer, so its content cannot be read. Send the .docx or a PDF exported from Word.',
  },
  PLAN_FILE_UNSUPPORTED: {
    vi: 'Không hỗ trợ loại tệp này. Hãy gửi kế hoạch dạng .docx, .pdf hoặc .txt.',
    en: 'This kind of file is not supported. Send the plan as .docx, .pdf or .txt.',
  },
  PLAN_FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn (giới hạn 20 MB), hoặc giải nén ra quá lớn so với một kế hoạch.',
    en: 'The file is too large (the limit is 20 MB), or it unpacks to far more than a plan ever holds.',
  },
  PLAN_FILE_TOO_COMPLEX: {
    vi: 'Tệp quá phức tạp để đọc (quá thời gian hoặc quá bộ nhớ cho phép). Hãy lưu lại tệp bằng Word, hoặc gửi bản .txt.',
    en: 'The file is too complex to read (it took too long or too much memory). Save it again in Word, or send a .txt.',
  },
  PLAN_FILE_LEGACY_ENCODING: {
    vi: 'Tệp dùng bảng mã cũ (TCVN3/VNI) không đọc được chính xác. Hãy chuyển sang Unicode (Unikey → Chuyển mã) rồi tải lên lại.',
    en: 'The file uses an old Vietnamese encoding (TCVN3/VNI) that cannot be read reliably. Convert it to Unicode and upload it again.',
  },
  PLAN_NOT_A_PLAN: {
    vi: 'Văn bản này không giống một kế hoạch: không tìm thấy chỉ tiêu hay nhiệm vụ nào.',
    en: 'This document does not look like a plan: no targets or tasks were found.',
  },
  PLAN_IMPORT_CLOSED: {
    vi: 'Bản nhập này đã được lưu thành kế hoạch hoặc đã bị hủy.',
    en: 'This import has already been saved as a plan or discarded.',
  },
  PLAN_NOT_FOUND: { vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' },
  PLAN_IMPORT_NOT_FOUND: { vi: 'Không tìm thấy bản nhập kế hoạch.', en: 'Plan import not found.' },
  PLAN_ITEM_NOT_FOUND: {
    vi: 'Không tìm thấy mục này trong kế hoạch; có thể đã bị xóa.',
    en: 'This item is no longer in the plan; it may have been deleted.',
  },
  PLAN_VERSION_NOT_FOUND: { vi: 'Không tìm thấy phiên bản kế hoạch.', en: 'Plan version not found.' },
  PLAN_TARGET_NOT_FOUND: {
    vi: 'Không tìm thấy chỉ tiêu này của xã; có thể kế hoạch đã thay đổi.',
    en: 'This target of the commune was not found; the plan may have changed.',
  },
  INDICATOR_NOT_FOUND: { vi: 'Không tìm thấy chỉ tiêu trong danh mục.', en: 'Indicator not found in the catalogue.' },
  INDICATOR_CODE_TAKEN: {
    vi: 'Mã chỉ tiêu đã có trong danh mục.',
    en: 'This indicator code is already in the catalogue.',
  },
  INDICATOR_MERGE_SELF: {
    vi: 'Không thể gộp một chỉ tiêu vào chính nó.',
    en: 'An indicator cannot be merged into itself.',
  },
  INDICATOR_ALREADY_MERGED: { vi: 'Chỉ tiêu này đã được gộp trước đó.', en: 'This indicator has already been merged.' },
  INDICATOR_UNIT_MISMATCH: {
    vi: 'Không gộp được: hai chỉ tiêu có đơn vị tính khác nhau.',
    en: 'Cannot merge: the two indicators have different units.',
  },
  CRITERIA_SET_NOT_FOUND: { vi: 'Không tìm thấy bộ tiêu chí.', en: 'Criteria set not found.' },
  CRITERION_CODE_DUPLICATE: {
    vi: 'Mã tiêu chí bị trùng trong bộ tiêu chí.',
    en: 'A criterion code appears twice in the set.',
  },
  REPORTING_PERIOD_NOT_FOUND: { vi: 'Không tìm thấy kỳ báo cáo.', en: 'Reporting period not found.' },
  REPORTING_PERIOD_NOT_FOR_UNITS: {
    vi: 'Kỳ này là báo cáo của xã gửi tỉnh, không phải kỳ báo cáo của các đơn vị.',
    en: 'This period is the commune’s report to the province, not a period for the units.',
  },
  REPORT_LOCKED: {
    vi: 'Báo cáo đã nộp, đã duyệt hoặc đã ký nên không sửa được nữa.',
    en: 'The report is submitted, approved or signed and can no longer be changed.',
  },
  REPORT_NOT_SAVED: {
    vi: 'Hãy nhập và lưu số liệu trước khi nộp.',
    en: 'Enter and save the values before submitting.',
  },
  REPORT_VALUES_INVALID: {
    vi: 'Có số liệu chưa hợp lệ; vui lòng kiểm tra các ô được đánh dấu.',
    en: 'Some values are not valid; please check the marked fields.',
  },
  REPORT_VALUES_MISSING: {
    vi: 'Còn chỉ tiêu chưa có số liệu; nhập số liệu hoặc ghi chú lý do ở các ô được đánh dấu.',
    en: 'Some targets have no value; enter a value or a note explaining why in the marked fields.',
  },
  REPORT_NOT_SUBMITTED: {
    vi: 'Báo cáo chưa được nộp hoặc đã được xử lý.',
    en: 'The report has not been submitted, or has already been reviewed.',
  },
  REPORT_NOT_FOUND: { vi: 'Không tìm thấy báo cáo.', en: 'Report not found.' },
  REPORT_NUMBER_REQUIRED: {
    vi: 'Báo cáo cần số văn bản (ví dụ 05/BC-UBND) trước khi ký.',
    en: 'The report needs a document number (e.g. 05/BC-UBND) before it is signed.',
  },
  REPORT_ALREADY_SIGNED: { vi: 'Báo cáo đã được ký.', en: 'The report is already signed.' },
  REPORT_ALREADY_SENT: { vi: 'Báo cáo đã được gửi lên tỉnh.', en: 'The report has already been sent to the province.' },
  REPORT_NOT_SIGNED: {
    vi: 'Báo cáo phải được lãnh đạo ký trước khi gửi lên tỉnh.',
    en: 'The report must be signed by a leader before it is sent to the province.',
  },
  REPORT_NOT_SENT: { vi: 'Báo cáo chưa được gửi lên tỉnh.', en: 'The report has not been sent to the province yet.' },
  PERIOD_INVALID: {
    vi: 'Kỳ báo cáo không hợp lệ (ví dụ đúng: 2026-Q1, 2026-H1, 2026).',
    en: 'Invalid reporting period (valid examples: 2026-Q1, 2026-H1, 2026).',
  },
  REPORTING_RULE_INVALID: { vi: 'Quy định về chế độ báo cáo không hợp lệ.', en: 'The reporting rule is not valid.' },
  REPORTING_RULE_MISMATCH: {
    vi: 'Kỳ báo cáo không khớp với chế độ báo cáo của kế hoạch.',
    en: 'The period does not match the plan’s reporting rule.',
  },
  ABORTED: { vi: 'Đã dừng tải lên.', en: 'The upload was stopped.' },
  NETWORK: {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
    en: 'Cannot reach the server. Check your connection and try again.',
  },
  REPORT_FILE_EMPTY: { vi: 'Tệp đính kèm rỗng.', en: 'The attached file is empty.' },
  REPORT_FILE_NOT_FOUND: { vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  REPORT_FILE_TOO_LARGE: { en: 'The attached file is larger than allowed.' },
  REPORT_FILE_TYPE_FORBIDDEN: {
    en: 'This kind of file cannot be attached to a report (programs and scripts are refused).',
  },
  REPORT_FILE_TYPE_MISMATCH: { en: 'The file’s content does not match its extension.' },
  IMPORT_CHANGED: {
    en: 'The figures changed since the preview (some rows are no longer valid). Preview the file again.',
  },
  IMPORT_COLUMNS: { en: 'The header row lacks required columns. Use the template file.' },
  IMPORT_DECIDED: { en: 'This import has already been confirmed or cancelled.' },
  IMPORT_FILE_CORRUPT: {
    en: 'The .xlsx file is damaged or inflates too large, so it cannot be read. Open it in Excel and save it again.',
  },
  IMPORT_FILE_EMPTY: { en: 'The file has no figures.' },
  IMPORT_FILE_ENCODING: {
    en: 'The .csv file is not UTF-8. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)".',
  },
  IMPORT_FILE_MISSING: { vi: 'Chưa chọn tệp số liệu để tải lên.', en: 'No data file was chosen.' },
  IMPORT_FILE_TOO_LARGE: { en: 'The data file is larger than allowed.' },
  IMPORT_FILE_UNSUPPORTED: {
    en: 'This file cannot be read as a data table. Send an .xlsx or .csv file made from the template.',
  },
  IMPORT_NOTHING_GOOD: { en: 'No row is valid, so nothing can be imported.' },
  IMPORT_NOT_FOUND: { vi: 'Không tìm thấy bản nhập số liệu.', en: 'Data import not found.' },
  IMPORT_NO_COMMUNE: { en: 'No row has a valid commune code.' },
  IMPORT_NO_ROWS: {
    vi: 'Tệp không có dòng số liệu nào (mỗi dòng cần kỳ và giá trị).',
    en: 'The file has no data rows (each row needs a period and a value).',
  },
  IMPORT_TOO_MANY_ROWS: { en: 'The file has more rows than one import accepts; split it.' },
};

/** The text to show for any error thrown by the API client (or anything else). */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const known = errorTexts[err.code];
    const text = known?.[locale];
    if (text) return text;
    return err.message || (locale === 'vi' ? 'Đã có lỗi xảy ra.' : 'Something went wrong.');
  }
  return locale === 'vi' ? 'Đã có lỗi xảy ra.' : 'Something went wrong.';
}

/** `body.grants.0.role` → ['grants', 0, 'role'] (the form's name path). */
export function fieldName(path: string): (string | number)[] {
  const parts = path.split('.').filter(Boolean);
  if (['body', 'querystring', 'params'].includes(parts[0])) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field issues onto the form. The field shows the localized text of the
 * error code when there is one field (PASSWORD_TOO_SHORT on newPassword), else the server's own words.
 * Returns true when at least one field was marked; callers still show the general text.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  locale: Locale,
  mapPath: (path: string) => string = (p) => p,
): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const known = errorTexts[err.code];
  const useCodeText = known && err.code !== 'VALIDATION_FAILED' && err.fields.length === 1;
  const marks = err.fields
    .map((f) => ({ name: fieldName(mapPath(f.path)), errors: [(useCodeText && known[locale]) || f.message] }))
    .filter((m) => m.name.length > 0);
  form.setFields(marks);
  return marks.length > 0;
}
