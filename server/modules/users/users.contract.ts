import { z } from 'zod';
import { GrantView, RoleSchema } from '../auth/index.ts';

export const UserAction = z.enum(['edit', 'disable', 'enable', 'reset_password', 'unlock', 'grant', 'revoke_grant']);

export const UserView = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orgUnitId: z.string().uuid(),
  orgUnitName: z.string(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  grants: z.array(GrantView),
  allowedActions: z.array(UserAction),
});
export type UserView = z.infer<typeof UserView>;

export const ListUsersQuery = z.object({
  orgUnitId: z.string().uuid().optional().describe('Chỉ người thuộc đơn vị này và cấp dưới'),
  q: z.string().trim().max(100).optional(),
  after: z.string().max(100).optional().describe('Tên đăng nhập cuối của trang trước'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const UserPage = z.object({ items: z.array(UserView), next: z.string().nullable() });

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,49}$/,
    'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang',
  );
const Phone = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, 'Số điện thoại không hợp lệ');

export const GrantBody = z.object({ role: RoleSchema, orgUnitId: z.string().uuid() });

export const CreateUserBody = z.object({
  username: Username,
  fullName: z.string().trim().min(2, 'Họ tên quá ngắn').max(120),
  email: z.string().trim().email('Thư điện tử không hợp lệ').max(200).optional(),
  phone: Phone.optional(),
  orgUnitId: z.string().uuid().describe('Đơn vị công tác'),
  grants: z.array(GrantBody).min(1, 'Cần ít nhất một vai trò').max(10),
});
export const CreateUserResponse = z.object({
  user: UserView,
  temporaryPassword: z.string().describe('Mật khẩu tạm, chỉ hiện một lần; người dùng phải đổi khi đăng nhập'),
});

export const UpdateUserBody = z
  .object({
    fullName: z.string().trim().min(2).max(120).optional(),
    email: z.string().trim().email('Thư điện tử không hợp lệ').max(200).nullable().optional(),
    phone: Phone.nullable().optional(),
    isDisabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Không có gì để thay đổi');

export const GrantParams = z.object({ id: z.string().uuid(), grantId: z.string().uuid() });
export const TemporaryPasswordResponse = z.object({ temporaryPassword: z.string() });
