import { z } from 'zod';

export const RoleSchema = z.enum([
  'system_admin',
  'province_admin',
  'province_officer',
  'commune_admin',
  'commune_leader',
  'plan_officer',
  'unit_officer',
  'one_stop_officer',
  'citizen',
]);

export const SignInBody = z.object({
  username: z.string().trim().min(1).max(100).describe('Tên đăng nhập'),
  password: z.string().min(1).max(1024).describe('Mật khẩu'),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const GrantView = z.object({
  id: z.string().uuid(),
  role: RoleSchema,
  orgUnitId: z.string().uuid(),
  orgUnitCode: z.string(),
  orgUnitName: z.string().describe('Tên đầy đủ của đơn vị được giao quyền'),
  orgKind: z.enum(['nation', 'province', 'commune', 'unit']),
});
export type GrantView = z.infer<typeof GrantView>;

export const CurrentUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mustChangePassword: z.boolean().describe('Mật khẩu tạm: người dùng phải đổi trước khi làm việc'),
  orgUnitId: z.string().uuid(),
  orgUnitName: z.string(),
  grants: z.array(GrantView),
  capabilities: z
    .array(z.string())
    .describe('Các quyền người dùng có ở ít nhất một nơi; giao diện chỉ hiện những gì được phép'),
  grantableRoles: z
    .array(RoleSchema)
    .describe('Các vai trò người dùng được giao cho người khác (trong phạm vi mình quản lý)'),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionView = z.object({
  user: CurrentUser,
  csrfToken: z.string().describe('Gửi lại trong header x-csrf-token ở mọi yêu cầu ghi'),
});
export type SessionView = z.infer<typeof SessionView>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const OkResponse = z.object({ ok: z.literal(true) });
export const SignOutEverywhereResponse = z.object({ ok: z.literal(true), sessionsEnded: z.number().int() });

export const UnlockCodeRequestBody = z.object({
  username: z.string().trim().min(1).max(100).describe('Tên đăng nhập của tài khoản bị tạm khóa'),
});
export const UnlockBody = z.object({
  username: z.string().trim().min(1).max(100),
  code: z.string().trim().min(1).max(40).describe('Mã mở khóa nhận qua thư điện tử'),
});
