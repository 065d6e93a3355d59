/**
 * `xaso import-plan FILE [--json]` (contract: docs/CLI.md): prints the plan extracted from FILE and
 * writes nothing. With --json, the extraction as JSON (plan-import.schema.json) on stdout; without,
 * a short summary in Vietnamese. Exit 0 on success; a file it cannot read → one Vietnamese line on
 * stderr and exit 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isAppError } from '../../../platform/errors.ts';
import { importPlanDocument } from './import-plan-document.ts';
import { MAX_PLAN_FILE_BYTES } from './plan-file-errors.ts';

const USAGE = 'Cách dùng: xaso import-plan TỆP [--json]';

export async function importPlanCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = files[0];
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > MAX_PLAN_FILE_BYTES) {
      process.stderr.write(
        `Lỗi: tệp ${file} quá lớn (${(info.size / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.\n`,
      );
      return 2;
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'không tìm thấy tệp'
        : code === 'EACCES'
          ? 'không có quyền đọc tệp'
          : code === 'EISDIR'
            ? 'đây là thư mục, không phải tệp'
            : 'không đọc được tệp';
    process.stderr.write(`Lỗi: ${why} ${file}.\n`);
    return 2;
  }
  try {
    const { document, plan } = await importPlanDocument(bytes, basename(file));
    if (json) {
      process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    } else {
      const lines = [
        plan.title,
        `Xã: ${plan.commune ?? '—'}${plan.communeCode ? ` (mã ${plan.communeCode})` : ''}; giai đoạn ${plan.period.from ?? '?'}–${plan.period.to ?? '?'}`,
        `Định dạng: ${document.format}${document.encoding ? `, bảng mã ${document.encoding}` : ''}`,
        `Chỉ tiêu: ${plan.indicators.length}; nhiệm vụ: ${plan.tasks.length}; quy định báo cáo: ${plan.reporting.length}`,
        ...document.warnings.map((w) => `Lưu ý: ${w}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      process.stderr.write(`Lỗi: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    process.stderr.write(`Lỗi không mong đợi khi đọc ${file}: ${(err as Error).message}\n`);
    return 1;
  }
}
