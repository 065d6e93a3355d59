/** `xaso import-plan FILE --json`: JSON on stdout and exit 0; an unreadable file → one Vietnamese line on stderr, exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPlanCommand } from '../import-plan.command.ts';
import { PlanExtraction } from '../plan-import.contract.ts';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const seedPath = new URL('../fixtures/seeds/002_6e5ee923b4ec1700.txt', import.meta.url).pathname;

describe('import-plan command', () => {
  it('prints the extraction as JSON and exits 0', async () => {
    expect(await importPlanCommand([seedPath, '--json'])).toBe(0);
    const plan = PlanExtraction.parse(JSON.parse(out));
    expect(plan.commune).toBe('Vĩnh Bảo');
    expect(err).toBe('');
  });
  it('without --json prints a summary in Vietnamese', async () => {
    expect(await importPlanCommand([seedPath])).toBe(0);
    expect(out).toMatch(/Chỉ tiêu: \d+; nhiệm vụ: \d+/);
  });
  it.each([
    ['a missing file', () => join(tmpdir(), 'khong-co-tep.txt'), /không tìm thấy tệp/],
    ['an empty file', () => write('rong.txt', ''), /rỗng/],
    ['a file of the wrong type', () => write('anh.pdf', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), /Không hỗ trợ/],
  ])('%s → one line on stderr, exit 2', async (_, path, message) => {
    expect(await importPlanCommand([path(), '--json'])).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
  it('no file → usage, exit 2', async () => {
    expect(await importPlanCommand(['--json'])).toBe(2);
    expect(err).toMatch(/Cách dùng/);
  });
});

function write(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-import-'));
  const p = join(dir, name);
  writeFileSync(p, Buffer.from(content, 'latin1'));
  return p;
}
