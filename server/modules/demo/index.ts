/**
 * The face of the demo module: what other modules and the composition root may use.
 * Everything else in server/modules/demo/ is the module's own (eslint.config.js).
 */
export { DEMO_PASSWORD } from './demo.accounts.ts';
export { describeDemoAccounts, seedDemo } from './demo.seed.ts';
