/**
 * Issue 22, finding 1: a locked-out person — the system administrator too — unlocks their own
 * account with a one-time code sent to their e-mail through the mail outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo.accounts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: object, remoteAddress = '203.0.113.80') =>
  t.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload, remoteAddress });
const lockOut = async (username: string) => {
  for (let i = 0; i < 6; i++) await post('sign-in', { username, password: `sai-${i}` });
  expect((await post('sign-in', { username, password: DEMO_PASSWORD })).statusCode).toBe(401);
};
const mailsTo = (address: string) =>
  t.database.db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', address).orderBy('createdAt').execute();
const codeIn = (body: string) => /(\d{5}-\d{5})/.exec(body)![1];

describe('unlocking one’s own account with a code sent by e-mail', () => {
  it('mails a one-time code that lifts the lock; a wrong or reused code does not', async () => {
    await lockOut('tuonglinh.vanhoa');
    expect((await post('unlock-code', { username: 'tuonglinh.vanhoa' })).statusCode).toBe(202);
    const mails = await mailsTo('tuonglinh.vanhoa@demo.xaso.example');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Mã mở khóa đăng nhập Xã Số');
    const code = codeIn(mails[0].bodyText);
    // Asking again at once sends nothing more.
    await post('unlock-code', { username: 'tuonglinh.vanhoa' });
    expect(await mailsTo('tuonglinh.vanhoa@demo.xaso.example')).toHaveLength(1);
    const wrong = await post('unlock', { username: 'tuonglinh.vanhoa', code: '00000-00000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('UNLOCK_CODE_INVALID');
    expect((await post('unlock', { username: 'tuonglinh.vanhoa', code })).statusCode).toBe(200);
    expect((await post('sign-in', { username: 'tuonglinh.vanhoa', password: DEMO_PASSWORD })).statusCode).toBe(200);
    expect((await post('unlock', { username: 'tuonglinh.vanhoa', code })).statusCode).toBe(400);
  }, 120_000);

  it('answers alike for an unknown, an unlocked or a locked account, and mails only the locked one', async () => {
    const before = await t.database.db.selectFrom('mailOutbox').select('id').execute();
    for (const username of ['khong.co.ai', 'vinhthuan.vanhoa']) {
      const res = await post('unlock-code', { username });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ ok: true });
    }
    expect(await t.database.db.selectFrom('mailOutbox').select('id').execute()).toHaveLength(before.length);
    expect((await post('unlock', { username: 'khong.co.ai', code: '12345-67890' })).json().error.code).toBe(
      'UNLOCK_CODE_INVALID',
    );
  });

  it('the system administrator unlocks themselves this way, and five wrong codes end a code', async () => {
    await lockOut('admin');
    await post('unlock-code', { username: 'admin' });
    const [mail] = await mailsTo('admin@demo.xaso.example');
    expect(mail).toMatchObject({ provinceId: null, communeId: null });
    for (let i = 0; i < 5; i++) await post('unlock', { username: 'admin', code: `1111${i}-22222` });
    expect((await post('unlock', { username: 'admin', code: codeIn(mail.bodyText) })).statusCode).toBe(400);
    expect((await post('sign-in', { username: 'admin', password: DEMO_PASSWORD })).statusCode).toBe(401);
  }, 120_000);
});
