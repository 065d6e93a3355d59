/**
 * `xaso report --commune CODE --period PERIOD --format docx|xlsx --out FILE` (docs/CLI.md):
 * writes the commune's periodic report for the period from the stored data. It reads as the
 * system (the command runs on the server machine, by its operators), and never changes data.
 */
import fs from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { systemCtx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { compileCommuneReport, todayVietnam } from './commune-report.compile.ts';
import type { CommuneReportDocument } from './document/report-document.types.ts';
import { parsePeriod } from './reporting.periods.ts';
import { taskSummaryForReport } from './task-summary.ts';

const say = (m: string) => process.stderr.write(`${m}\n`);
const opt = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

export async function reportCommand(args: string[]): Promise<number> {
  const code = opt(args, '--commune');
  const periodCode = opt(args, '--period');
  const format = opt(args, '--format') ?? 'docx';
  const out = opt(args, '--out');
  if (!code || !periodCode || !out || (format !== 'docx' && format !== 'xlsx')) {
    say('Cách dùng: xaso report --commune MÃ_XÃ --period 2026-Q1 --format docx|xlsx --out TỆP');
    return 2;
  }
  try {
    parsePeriod(periodCode);
  } catch (e) {
    say((e as AppError).message);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const ctx = systemCtx(database.db, config);
    const commune = await database.db
      .selectFrom('orgUnits')
      .selectAll()
      .where('code', '=', code)
      .where('kind', '=', 'commune')
      .executeTakeFirst();
    if (!commune) {
      say(`Không có xã mã ${code}.`);
      return 2;
    }
    // The commune-level period of that code (its report to the province), else the units' one.
    const period = await database.db
      .selectFrom('reportingPeriods as p')
      .innerJoin('plans as pl', 'pl.id', 'p.planId')
      .selectAll('p')
      .where('p.communeId', '=', commune.id)
      .where('p.code', '=', periodCode)
      .where('pl.archivedAt', 'is', null)
      .orderBy('p.level', 'asc')
      .orderBy('pl.createdAt', 'desc')
      .executeTakeFirst();
    if (!period) {
      say(`${commune.fullName} chưa có kỳ báo cáo ${periodCode} (hãy lập lịch báo cáo từ kế hoạch).`);
      return 2;
    }
    const stored = await database.db
      .selectFrom('communeReports')
      .selectAll()
      .where('periodId', '=', period.id)
      .executeTakeFirst();
    const signer = stored?.signedBy
      ? await database.db
          .selectFrom('users')
          .select(['fullName', 'jobTitle'])
          .where('id', '=', stored.signedBy)
          .executeTakeFirst()
      : undefined;
    const doc =
      (stored?.document as CommuneReportDocument | null) ??
      (await compileCommuneReport(
        ctx,
        period,
        {
          number: stored?.number ?? null,
          difficulties: stored?.difficulties ?? null,
          proposals: stored?.proposals ?? null,
          signer: signer ? { name: signer.fullName, jobTitle: signer.jobTitle } : null,
          date: todayVietnam(),
        },
        taskSummaryForReport,
      ));
    const bytes =
      format === 'docx'
        ? await (await import('./document/report-docx.ts')).renderReportDocx(doc)
        : await (await import('./document/report-xlsx.ts')).renderReportXlsx(doc);
    fs.writeFileSync(out, bytes);
    say(
      `Đã ghi báo cáo ${period.label} của ${commune.fullName} vào ${out} (${stored?.status === 'signed' || stored?.status === 'sent' || stored?.status === 'received' ? `bản đã ký số ${stored.number}` : 'bản tổng hợp chưa ký'}).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
