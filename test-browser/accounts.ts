/** The published demo password (server/modules/demo) and the one the test setup changes it to. */
export const DEMO_PASSWORD = 'XaSo@Demo2026';
export const TEST_PASSWORD = 'Kiem thu trinh duyet 2026';

/** Demo accounts whose temporary password the global setup replaces with TEST_PASSWORD. */
export const PREPARED_ACCOUNTS = [
  'admin',
  'vinhbao.chutich',
  'vinhbao.quantri',
  'vinhbao.vanhoa',
  'vinhbao.kinhte',
  'haiphong.sokhcn',
  'phuthinh.vanhoa',
  'thainguyen.sokhcn',
  'tuonglinh.vanhoa',
  'tuonglinh.chutich',
] as const;
export type PreparedAccount = (typeof PREPARED_ACCOUNTS)[number];
