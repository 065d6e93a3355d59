import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { errorText, errorTexts, fieldName } from './errors.ts';
import { formatDate, formatNumber } from './format.ts';

describe('web lib', () => {
  it('maps server field paths onto form names', () => {
    expect(fieldName('body.name')).toEqual(['name']);
    expect(fieldName('body.grants.0.role')).toEqual(['grants', 0, 'role']);
    expect(fieldName('querystring.q')).toEqual(['q']);
  });

  it('shows the Vietnamese text of a known code and the server message otherwise', () => {
    expect(errorText(new ApiError(401, 'INVALID_CREDENTIALS', 'x'), 'vi')).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(errorText(new ApiError(401, 'INVALID_CREDENTIALS', 'x'), 'en')).toBe('Wrong username or password.');
    expect(errorText(new ApiError(409, 'SOMETHING_NEW', 'Máy chủ nói thế này.'), 'vi')).toBe('Máy chủ nói thế này.');
  });

  it("keeps the server's specific Vietnamese where the code has only an English text, and says it in English", () => {
    const missing = new ApiError(400, 'IMPORT_COLUMNS', 'Dòng tiêu đề thiếu cột ma_chi_tieu, ky.');
    expect(errorText(missing, 'vi')).toBe('Dòng tiêu đề thiếu cột ma_chi_tieu, ky.');
    expect(errorText(missing, 'en')).toBe('The header row lacks required columns. Use the template file.');
    for (const c of [
      'REPORT_FILE_TOO_LARGE',
      'REPORT_FILE_TYPE_FORBIDDEN',
      'IMPORT_FILE_CORRUPT',
      'IMPORT_TOO_MANY_ROWS',
    ])
      expect(errorTexts[c]?.en, c).toBeTruthy();
  });

  it('knows every code the brief lists', () => {
    const codes =
      'INVALID_CREDENTIALS ACCOUNT_LOCKED ACCOUNT_DISABLED SESSION_EXPIRED CSRF_TOKEN_INVALID UNAUTHENTICATED FORBIDDEN VALIDATION_FAILED MALFORMED_BODY BODY_TOO_LARGE RATE_LIMITED ORG_UNIT_NOT_FOUND ORG_UNIT_NAME_TAKEN ORG_UNIT_CLOSED ORG_CLOSE_BEFORE_OPEN ORG_NOT_A_COMMUNE ORG_NOT_A_UNIT USER_NOT_FOUND USERNAME_TAKEN GRANT_OUT_OF_SCOPE GRANT_WRONG_LEVEL GRANT_TOO_HIGH GRANT_EXISTS CANNOT_MANAGE_SELF WRONG_CURRENT_PASSWORD PASSWORD_UNCHANGED PASSWORD_TOO_SHORT PASSWORD_TOO_LONG PASSWORD_CONTAINS_USERNAME PASSWORD_TOO_SIMPLE PASSWORD_BREACHED ROUTE_NOT_FOUND INTERNAL'.split(
        ' ',
      );
    for (const c of codes) expect(errorTexts[c], c).toBeDefined();
  });

  it('formats dates dd/mm/yyyy and numbers the Vietnamese way', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatNumber(3.5)).toBe('3,5');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(3.5, 'en')).toBe('3.5');
  });
});
