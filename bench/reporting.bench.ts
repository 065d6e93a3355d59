/**
 * Issue 6 benchmarks: compiling a commune report and writing its .docx (PGlite, demo data),
 * and a province with 100 communes' reports listed through the API (PostgreSQL).
 */
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openMemory, openPostgres } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/bootstrap.ts';
import { systemCtx } from '../server/platform/context.ts';
import { compileCommuneReport, todayVietnam } from '../server/modules/reporting/commune-report.compile.ts';
import { taskSummaryForReport } from '../server/modules/reporting/task-summary.ts';
import { renderReportDocx } from '../server/modules/reporting/document/report-docx.ts';
import { buildApp } from '../server/app.ts';
import { passTemporaryPasswords, percentile, report } from './lib.ts';

export async function reportCompileBench() {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const database = await openMemory();
  await prepareDatabase(database, config, { demo: true });
  await passTemporaryPasswords(database);
  const ctx = systemCtx(database.db, config);
  const period = await database.db
    .selectFrom('reportingPeriods as p')
    .innerJoin('orgUnits as c', 'c.id', 'p.communeId')
    .selectAll('p')
    .where('c.code', '=', '05800')
    .where('p.level', '=', 'commune')
    .where('p.code', 'like', '%-Q1')
    .executeTakeFirstOrThrow();
  const compile: number[] = [];
  const docx: number[] = [];
  for (let i = 0; i < 8; i++) {
    let t0 = performance.now();
    const doc = await compileCommuneReport(
      ctx,
      period,
      {
        number: '05/BC-UBND',
        difficulties: null,
        proposals: null,
        signer: { name: 'Dương Văn Thịnh', jobTitle: 'Chủ tịch' },
        date: todayVietnam(),
      },
      taskSummaryForReport,
    );
    compile.push(performance.now() - t0);
    t0 = performance.now();
    await renderReportDocx(doc);
    docx.push(performance.now() - t0);
  }
  await database.close();
  report({
    scenario: 'reporting',
    metric: 'compile_commune_report_p50_ms',
    value: percentile(compile.slice(2), 50),
    unit: 'ms',
    target: 2000,
    better: 'lower',
    note: 'Phú Thịnh 2026-Q1, PGlite',
  });
  report({
    scenario: 'reporting',
    metric: 'write_docx_p50_ms',
    value: percentile(docx.slice(2), 50),
    unit: 'ms',
    target: 1000,
    better: 'lower',
  });
}

/** 100 communes of one province each with a plan, a period and a sent report; list them via the API. */
export async function provinceListBench(pgUrl: string) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = `xaso_bench_rep_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: u.toString() });
    await prepareDatabase(database, config, { demo: true });
    await passTemporaryPasswords(database);
    const hanoi = await database.db
      .selectFrom('orgUnits')
      .select('id')
      .where('code', '=', '01')
      .executeTakeFirstOrThrow();
    const communes = await database.db
      .selectFrom('orgUnits')
      .select(['id', 'provinceId'])
      .where('provinceId', '=', hanoi.id)
      .where('kind', '=', 'commune')
      .limit(100)
      .execute();
    for (const c of communes) {
      const plan = await database.db
        .insertInto('plans')
        .values({
          provinceId: c.provinceId!,
          communeId: c.id,
          title: 'Kế hoạch chuyển đổi số năm 2026',
          number: null,
          issuedOn: null,
          periodFrom: 2026,
          periodTo: 2026,
          signerName: null,
          signerTitle: null,
          createdBy: null,
          archivedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const period = await database.db
        .insertInto('reportingPeriods')
        .values({
          provinceId: c.provinceId!,
          communeId: c.id,
          planId: plan.id,
          ruleId: null,
          level: 'commune',
          code: '2026-Q1',
          kind: 'quarter',
          label: 'Quý I năm 2026',
          startOn: '2026-01-01',
          endOn: '2026-03-31',
          closingStart: '2025-12-15',
          closingEnd: '2026-03-14',
          dueOn: '2026-03-19',
          deadlineText: null,
          recipient: 'Sở Khoa học và Công nghệ',
          legalBasis: 'Nghị định 09/2019/NĐ-CP, Điều 12',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('communeReports')
        .values({
          provinceId: c.provinceId!,
          communeId: c.id,
          periodId: period.id,
          status: 'sent',
          number: '05/BC-UBND',
          difficulties: null,
          proposals: null,
          document: null,
          signedBy: null,
          signedAt: new Date(),
          sentAt: new Date(),
          isLate: false,
          receivedBy: null,
          receivedAt: null,
        })
        .execute();
    }
    const app = await buildApp({ config, database, serveWeb: false });
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: 'XaSo@Demo2026' },
    });
    const cookie = `xaso_session=${signIn.cookies[0].value}`;
    const url = `/api/v1/reporting/province-reports?provinceId=${hanoi.id}&period=2026-Q1`;
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      times.push(performance.now() - t0);
      if (i === 0 && res.json().items.length < 100)
        throw new Error(`expected 100 communes, got ${res.json().items.length}`);
    }
    await app.close();
    report({
      scenario: 'reporting',
      metric: 'province_100_reports_p95_ms',
      value: percentile(times.slice(10), 95),
      unit: 'ms',
      target: 100,
      better: 'lower',
      note: 'GET /reporting/province-reports, PostgreSQL, in-process',
    });
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
