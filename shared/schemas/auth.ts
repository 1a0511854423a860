/**
 * Inputs of sign-in and user management, validated by the server and reused by the client's forms.
 * Usernames are compared in lower case so 'Office' and 'office' cannot become two accounts.
 */
import { z } from 'zod';
import { plainString } from './common';

/** Long enough to resist guessing when login rate limiting is absent; argon2 makes each guess slow. */
export const PASSWORD_MIN_LENGTH = 10;
/** Hashing cost grows with the input; a bound keeps a huge "password" from tying up the server. */
export const PASSWORD_MAX_LENGTH = 256;

const username = plainString('用户名', { error: '请输入用户名。' })
  .trim()
  .toLowerCase()
  .min(2, '用户名至少 2 个字符。')
  .max(40, '用户名最多 40 个字符。')
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含文字、数字和 . _ -。');

export const SignInSchema = z.object({
  username: plainString('用户名', { error: '请输入用户名。' })
    .trim()
    .toLowerCase()
    .min(1, '请输入用户名。')
    .max(100, '用户名过长。'),
  password: plainString('密码', { error: '请输入密码。' })
    .min(1, '请输入密码。')
    .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 个字符。`),
});

export const NewPasswordSchema = plainString('密码', { error: '请设置密码。' })
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 个字符。`)
  .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 个字符。`);

const accountFields = {
  username,
  displayName: plainString('姓名或称呼', { error: '请输入姓名或称呼。' })
    .trim()
    .min(1, '请输入姓名或称呼。')
    .max(60, '姓名或称呼最多 60 个字符。'),
  password: NewPasswordSchema,
};

const recordId = (message: string) => z.number({ error: message }).int(message).positive(message);

/**
 * One shape per role, so an agency clerk cannot be created without the agency they report for,
 * nor a deputy account without the deputy it belongs to.
 */
export const CreateUserSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ ...accountFields, role: z.literal('office') }),
    z.object({
      ...accountFields,
      role: z.literal('agency'),
      agencyId: recordId('承办单位经办人账号必须选择所属承办单位。'),
    }),
    z.object({
      ...accountFields,
      role: z.literal('deputy'),
      deputyId: recordId('代表账号必须关联一位代表。'),
    }),
  ],
  { error: '请选择角色:督查室(office)、承办单位(agency)或代表(deputy)。' },
);

export const UserIdSchema = z.object({
  id: z.number({ error: '请提供用户编号。' }).int().positive('用户编号必须是正整数。'),
});

export const ChangePasswordSchema = z.object({
  currentPassword: plainString('当前密码', { error: '请输入当前密码。' })
    .min(1, '请输入当前密码。')
    .max(PASSWORD_MAX_LENGTH),
  newPassword: NewPasswordSchema,
});

export const ResetPasswordSchema = z.object({
  id: z.number({ error: '请提供用户编号。' }).int().positive('用户编号必须是正整数。'),
  password: NewPasswordSchema,
});

export type SignInInput = z.infer<typeof SignInSchema>;
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

/**
 * Where sign-in returns to (/sign-in?from=/review): a path on this site. '//host' and '/\host' are
 * read by browsers as another origin, so they are refused and the user lands on the overview.
 */
export const ReturnPathSchema = z.object({
  from: plainString('返回地址')
    .max(2000)
    .regex(/^\/(?![/\\])/, '返回地址应为本站路径。'),
});
