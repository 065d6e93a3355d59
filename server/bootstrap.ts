import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { systemCtx } from './platform/context.ts';
import { ensureOrgTree } from './modules/org/index.ts';
import { seedDemo } from './modules/demo/index.ts';
import { ensureCatalogue } from './modules/indicators/index.ts';
import { registerSubscribers } from './subscribers.ts';

/**
 * Brings a database to the state the server needs: migrations, the official organisation
 * tree (reference data, always), and — when asked — the demo data. Every step is idempotent.
 * Here rather than in platform/: it loads modules' reference and demo data, and the demo data
 * is written through the modules' use cases, whose events need their subscribers.
 */
export async function prepareDatabase(
  database: Database,
  config: Config,
  opts: { demo: boolean; log?: (msg: string) => void },
) {
  const log = opts.log ?? (() => {});
  registerSubscribers();
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
