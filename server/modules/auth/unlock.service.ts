/**
 * Unlocking one's own account with a one-time code sent by e-mail through the mail outbox. A
 * person locked out of their account (TCVN 14423 lockout) does not depend on an administrator —
 * and the system administrator, who has no administrator above them except another system
 * administrator, is not stranded. Both steps answer the same whether the account exists, is
 * locked or has an address, so they reveal nothing; the code works once, for 15 minutes, and five
 * wrong tries end it.
 */
import crypto from 'node:crypto';
import { audit } from '../../platform/audit.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/passwords.ts';
import { queueMail } from '../notifications/index.ts';
import * as q from './auth.queries.ts';

export const UNLOCK_CODE_MINUTES = 15;
const RESEND_AFTER_MINUTES = 5;

/** Ten digits in two groups: easy to type from a phone's mail, ~33 bits, five tries. */
export const unlockCode = () => {
  const n = crypto.randomInt(0, 1e5).toString().padStart(5, '0');
  const m = crypto.randomInt(0, 1e5).toString().padStart(5, '0');
  return `${n}-${m}`;
};
const normalise = (code: string) => code.replace(/\D/g, '');

export async function requestUnlockCode(ctx: Ctx, username: string): Promise<void> {
  const user = await q.findUserByUsername(ctx.db, username);
  if (!user || !user.email || user.isDisabled || !(await q.hasSignInLock(ctx.db, user.id))) return;
  const code = unlockCode();
  await inTransaction(ctx, async (tx) => {
    const issued = await q.issueUnlockCode(tx.db, user, sha256(normalise(code)), {
      validMinutes: UNLOCK_CODE_MINUTES,
      resendAfterMinutes: RESEND_AFTER_MINUTES,
    });
    if (!issued) return;
    await queueMail(tx.db, {
      to: user.email!,
      subject: 'Mã mở khóa đăng nhập Xã Số',
      body: [
        `Tài khoản ${user.username} đang bị tạm khóa đăng nhập sau nhiều lần nhập sai mật khẩu.`,
        `Mã mở khóa (dùng một lần, trong ${UNLOCK_CODE_MINUTES} phút): ${code}`,
        'Nếu không phải bạn yêu cầu, có người đang dò mật khẩu của bạn: hãy đổi mật khẩu sau khi đăng nhập.',
      ].join('\n'),
      provinceId: user.provinceId,
      communeId: user.communeId,
    });
    await audit(tx, {
      action: 'auth.unlock_code_sent',
      recordType: 'user',
      recordId: user.id,
      summary: `Gửi mã mở khóa đăng nhập tới thư điện tử của ${user.username}`,
      actorId: null,
      actorName: user.username,
      provinceId: user.provinceId,
      communeId: user.communeId,
    });
  });
}

const codeInvalid = () =>
  new AppError('UNLOCK_CODE_INVALID', 'invalid', 'Mã mở khóa không đúng hoặc đã hết hạn.', {
    fields: [{ path: 'body.code', message: 'Mã mở khóa không đúng hoặc đã hết hạn.' }],
  });

export async function unlockWithCode(ctx: Ctx, username: string, code: string): Promise<void> {
  const user = await q.findUserByUsername(ctx.db, username);
  if (!user || !(await q.spendUnlockCode(ctx.db, user.id, sha256(normalise(code))))) throw codeInvalid();
  await inTransaction(ctx, async (tx) => {
    await q.unlockSignIns(tx.db, user.id);
    await audit(tx, {
      action: 'auth.unlocked_by_code',
      recordType: 'user',
      recordId: user.id,
      summary: `Mở khóa đăng nhập ${user.username} bằng mã gửi qua thư điện tử`,
      actorId: user.id,
      actorName: user.fullName,
      provinceId: user.provinceId,
      communeId: user.communeId,
    });
  });
}
