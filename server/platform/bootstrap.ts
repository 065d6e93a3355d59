import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemCtx } from './context.ts';
import { ensureOrgTree } from '../modules/org/org.seed.ts';
import { seedDemo } from '../modules/demo/demo.seed.ts';
import { ensureCatalogue } from '../modules/indicators/indicators.seed.ts';

/**
 * Brings a database to the state the server needs: migrations, the official organisation
 * tree (reference data, always), and — when asked — the demo data. Every step is idempotent.
 */
export async function prepareDatabase(
  database: Database,
  config: Config,
  opts: { demo: boolean; log?: (msg: string) => void },
) {
  const log = opts.log ?? (() => {});
  const applied = await migrate(database);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  const orgRows = await ensureOrgTree(database.db);
  if (orgRows) log(`Đã nạp cây tổ chức: ${orgRows} nút (34 tỉnh, 3.321 xã và các đơn vị chuẩn).`);
  const catalogue = await ensureCatalogue(database.db);
  if (catalogue) log(`Đã nạp danh mục chỉ tiêu: ${catalogue} chỉ tiêu.`);
  if (opts.demo) {
    const r = await seedDemo(systemCtx(database.db, config));
    if (r.unitsAdded || r.usersAdded || r.plansAdded)
      log(`Đã nạp dữ liệu mẫu: ${r.unitsAdded} đơn vị, ${r.usersAdded} người dùng, ${r.plansAdded} kế hoạch.`);
  }
}
