import type { Locale } from '../../../lib/i18n.tsx';

/** Names of the actions the server writes to the log; unknown ones show as written. */
export const actionLabels: Record<string, { vi: string; en: string }> = {
  'auth.sign_in': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.sign_in_failed': { vi: 'Đăng nhập thất bại', en: 'Failed sign-in' },
  'auth.account_locked': { vi: 'Tạm khóa tài khoản', en: 'Account locked' },
  'auth.sign_out': { vi: 'Đăng xuất', en: 'Signed out' },
  'auth.sign_out_everywhere': { vi: 'Đăng xuất mọi nơi', en: 'Signed out everywhere' },
  'auth.password_changed': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'auth.oidc_linked': { vi: 'Liên kết đăng nhập một lần', en: 'Single sign-on linked' },
  'org.unit_added': { vi: 'Thêm đơn vị', en: 'Unit added' },
  'org.unit_renamed': { vi: 'Đổi tên đơn vị', en: 'Unit renamed' },
  'org.unit_closed': { vi: 'Đóng đơn vị', en: 'Unit closed' },
  'user.created': { vi: 'Tạo người dùng', en: 'User created' },
  'user.updated': { vi: 'Sửa người dùng', en: 'User updated' },
  'user.disabled': { vi: 'Vô hiệu hóa tài khoản', en: 'Account disabled' },
  'user.enabled': { vi: 'Kích hoạt lại tài khoản', en: 'Account enabled' },
  'user.password_reset': { vi: 'Cấp lại mật khẩu', en: 'Password reset' },
  'user.unlocked': { vi: 'Mở khóa tài khoản', en: 'Account unlocked' },
  'user.grant_added': { vi: 'Giao vai trò', en: 'Role granted' },
  'user.grant_removed': { vi: 'Thu hồi vai trò', en: 'Role revoked' },
  'demo.seeded': { vi: 'Nạp dữ liệu mẫu', en: 'Demo data loaded' },
};

export const recordTypeLabels: Record<string, { vi: string; en: string }> = {
  user: { vi: 'Người dùng', en: 'User' },
  org_unit: { vi: 'Đơn vị', en: 'Organisation unit' },
  system: { vi: 'Hệ thống', en: 'System' },
};

export const actionLabel = (a: string, l: Locale) => actionLabels[a]?.[l] ?? a;
export const recordTypeLabel = (r: string, l: Locale) => recordTypeLabels[r]?.[l] ?? r;
