/**
 * Issue 22 item 5: a 225 KB .docx whose word/document.xml inflates to 63 MB (under the old
 * 64 MB guard) held the server's only thread for 93–145 s. Now the ZIP reader refuses it from
 * the plan's limits before mammoth sees it, and a file within the limits that is still costly
 * to parse is parsed in a worker with a time and a memory limit while the event loop runs on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { docxCostlyToParse, docxOf63MB, realDocx } from '../../../../test/hostile-files.ts';
import { parseDocx, PARSE_LIMITS } from '../document-parser.ts';
import { extractDocumentText } from '../document-text.ts';

/** Runs `work` while a 20 ms timer measures the event loop's worst delay. */
async function withLag<T>(work: () => Promise<T>): Promise<{ lagMs: number; outcome: T | AppError }> {
  let lagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 20);
    last = now;
  }, 20);
  let outcome: T | AppError;
  try {
    outcome = await work();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    outcome = e;
  }
  clearInterval(timer);
  return { lagMs: Math.max(lagMs, performance.now() - last - 20), outcome };
}

describe('a .docx that would hold the server (issue 22 item 5)', () => {
  // The readers load on first use: load them before anything is timed.
  beforeAll(async () => {
    await extractDocumentText(await realDocx(), 'ke-hoach.docx');
  });

  it('the 225 KB file inflating to 63 MB is refused before parsing, at once: PLAN_FILE_TOO_LARGE', async () => {
    const bomb = docxOf63MB();
    expect(bomb.length).toBeLessThan(300 * 1024);
    const t0 = performance.now();
    const { outcome, lagMs } = await withLag(() => extractDocumentText(bomb, 'ke-hoach.docx'));
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(outcome).toMatchObject({
      code: 'PLAN_FILE_TOO_LARGE',
      message: expect.stringMatching(/giải nén ra quá lớn/),
    });
    expect(lagMs).toBeLessThan(500);
  });

  it('a file within the limits that is costly to parse leaves the event loop free while a worker parses it', async () => {
    const bytes = docxCostlyToParse(2 * 1024 * 1024);
    const t0 = performance.now();
    const { outcome, lagMs } = await withLag(() => extractDocumentText(bytes, 'ke-hoach.docx'));
    // Parsing took its time (seconds), and the loop never waited more than a moment for it.
    expect(outcome).toMatchObject({ format: 'docx' });
    expect(performance.now() - t0).toBeGreaterThan(1_000);
    expect(lagMs).toBeLessThan(500);
  }, 60_000);

  it('the worker is stopped at its time limit: PLAN_FILE_TOO_COMPLEX', async () => {
    const err = await parseDocx(docxCostlyToParse(), { ...PARSE_LIMITS, timeoutMs: 1_500 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'PLAN_FILE_TOO_COMPLEX', message: expect.stringMatching(/quá 1,5 giây/) });
  }, 30_000);

  it('the worker is stopped at its memory limit: PLAN_FILE_TOO_COMPLEX', async () => {
    const t0 = performance.now();
    const err = await parseDocx(docxCostlyToParse(2 * 1024 * 1024), { timeoutMs: 60_000, maxHeapMb: 48 }).catch(
      (e) => e,
    );
    expect(err).toMatchObject({ code: 'PLAN_FILE_TOO_COMPLEX', message: expect.stringMatching(/bộ nhớ/) });
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it('a real plan still reads, through the worker', async () => {
    const doc = await extractDocumentText(await realDocx(['KẾ HOẠCH', 'Chuyển đổi số năm 2026']), 'ke-hoach.docx');
    expect(doc).toMatchObject({ format: 'docx', text: 'KẾ HOẠCH\nChuyển đổi số năm 2026' });
  });
});
