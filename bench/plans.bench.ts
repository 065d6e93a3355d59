/**
 * Issue 4 benchmark: importing a 50 KB plan — extraction alone, and upload-to-saved-plan
 * through the same services the API uses, on the embedded database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { openMemory } from '../server/platform/db/database.ts';
import { prepareDatabase } from '../server/bootstrap.ts';
import { importPlanDocument } from '../server/modules/plans/import/import-plan-document.ts';
import { startImport, commitImport } from '../server/modules/plans/plans.import.service.ts';
import type { Ctx } from '../server/platform/context.ts';
import { percentile, report } from './lib.ts';

export async function planImportBench() {
  // The largest demo plan (≈ 50 KB of text).
  const file = path.resolve('server/modules/demo/plans/tuonglinh.txt');
  const bytes = new Uint8Array(fs.readFileSync(file));
  const kb = Math.round(bytes.byteLength / 1024);
  const extraction: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await importPlanDocument(bytes, 'ke-hoach.txt');
    extraction.push(performance.now() - t0);
  }
  report({
    scenario: 'plan-import',
    metric: 'extraction_p50_ms',
    value: percentile(extraction.slice(3), 50),
    unit: 'ms',
    target: 300,
    better: 'lower',
    note: `${kb} KB plan, text → targets, tasks, reporting rules`,
  });

  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const database = await openMemory();
  await prepareDatabase(database, config, { demo: true });
  const officer = await database.db
    .selectFrom('users')
    .select(['id', 'username', 'fullName'])
    .where('username', '=', 'tuonglinh.vanhoa')
    .executeTakeFirstOrThrow();
  const grants = await database.db
    .selectFrom('roleGrants as g')
    .innerJoin('orgUnits as o', 'o.id', 'g.orgUnitId')
    .select(['g.id', 'g.role', 'g.orgUnitId', 'o.kind as orgKind', 'g.provinceId', 'g.communeId'])
    .where('g.userId', '=', officer.id)
    .execute();
  const ctx: Ctx = {
    db: database.db,
    config,
    ip: null,
    requestId: null,
    actor: {
      userId: officer.id,
      username: officer.username,
      fullName: officer.fullName,
      grants: grants as never,
      sessionId: null,
    },
  };
  const commune = grants[0].communeId!;
  const total: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const draft = await startImport(ctx, { communeId: commune, fileName: 'ke-hoach.txt', bytes });
    await commitImport(ctx, draft.id, { ...draft.extraction, note: null } as never);
    total.push(performance.now() - t0);
  }
  await database.close();
  report({
    scenario: 'plan-import',
    metric: 'upload_to_saved_plan_p50_ms',
    value: percentile(total.slice(1), 50),
    unit: 'ms',
    target: 1000,
    better: 'lower',
    note: 'read + review draft + save as plan (PGlite); later runs save new versions',
  });
}
