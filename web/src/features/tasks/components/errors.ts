import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/errors.ts';
import type { Locale, Translate } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { en } from '../../../lib/messages/en.ts';

/**
 * The text of an error from the tasks API. The server's Vietnamese messages for TASK_* codes are
 * specific ("Hạn hoàn thành (2026-01-01) không được trước ngày bắt đầu…", the size limit in MB),
 * so Vietnamese shows them as they are; English shows the translated text of the code.
 */
export function taskErrorText(err: unknown, locale: Locale, t: Translate): string {
  if (err instanceof ApiError && /^TASK_|^PLAN_TASK_/.test(err.code)) {
    if (locale === 'vi' && err.message) return err.message;
    const key = `tasks.error.${err.code}` as MessageKey;
    if (key in en) return t(key);
  }
  return errorText(err, locale);
}

/** Field errors of an item of a batch ("body.items.3.dueDate" → item 3, "dueDate"). */
export function itemFieldErrors(err: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const m = /^body\.items\.(\d+)\.?/.exec(f.path);
    if (m) out.set(Number(m[1]), [...(out.get(Number(m[1])) ?? []), f.message]);
  }
  return out;
}

/** Extensions the server accepts as evidence (it checks the content too). */
export const EVIDENCE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx'];
export const isEvidenceName = (name: string) =>
  EVIDENCE_EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? '');
