// ESLint (flat config): TypeScript's recommended rules everywhere, the React hooks rules in
// the web app, and — below — the module boundaries of the server (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The server's modules and the modules each may use (besides the platform). Lower layers
 * first; a module never uses one listed after it. Change it with care: it is the architecture.
 */
export const MODULE_DEPENDENCIES = {
  calendar: [],
  notifications: [],
  auth: ['notifications'],
  org: ['auth'],
  users: ['auth', 'org'],
  audit: ['auth', 'org'],
  indicators: ['auth', 'org'],
  plans: ['auth', 'org', 'indicators', 'calendar'],
  tasks: ['auth', 'org', 'calendar', 'notifications', 'plans', 'indicators'],
  reporting: ['auth', 'org', 'calendar', 'indicators', 'plans', 'tasks'],
  values: ['auth', 'org', 'calendar', 'indicators', 'plans', 'tasks', 'reporting'],
  dashboards: ['auth', 'org', 'calendar', 'indicators', 'plans', 'reporting', 'values'],
  demo: ['auth', 'org', 'users', 'calendar', 'indicators', 'notifications', 'plans', 'tasks', 'reporting', 'values'],
};

export default tseslint.config(
  { ignores: ['node_modules/', '.build/', '.test-cache/', 'web/dist/', 'data/', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Kysely's generic query builders take `any` in type parameters; tsc --strict checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      // Control characters in a pattern are the point where file names and imported text are cleaned.
      'no-control-regex': 'off',
      // It flags `let x = null; try { x = parse() } catch { x = null }`, which says what happens on failure.
      'no-useless-assignment': 'off',
      // `_name` says "deliberately unused" (a destructured field left out, a parameter kept for a signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // ——— Module boundaries (docs/ARCHITECTURE.md "Layout") ———
  // Which module may use which (MODULE_DEPENDENCIES, an acyclic list: server/boundaries.test.ts
  // checks it and shows a cycle refused), and only through the other module's face, its
  // index.ts. The platform uses no module; the Kysely schema joins the modules' table types.
  {
    files: ['server/**/*.{ts,mjs}'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'module', pattern: 'server/modules/*', capture: ['name'] },
        { type: 'platform', pattern: 'server/platform' },
        { type: 'schema', pattern: 'server/db' },
        { type: 'test-kit', pattern: 'server/test' },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.mjs', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{from.element.type}} {{from.element.captured.name}} may not import {{to.element.type}} {{to.element.captured.name}}: another module is used only through its face (index.ts), and only if MODULE_DEPENDENCIES in eslint.config.js allows it',
          policies: [
            { from: { element: { type: '*' } }, allow: { to: { element: { type: 'platform' } } } },
            {
              from: { element: { type: 'schema' } },
              allow: { to: { element: { type: 'module', fileInternalPath: '*.tables.ts' } } },
            },
            {
              from: { element: { type: ['platform', 'module', 'test-kit'] } },
              allow: { to: { element: { type: 'schema' } } },
            },
            // The test kit builds the application as the composition root does: through the faces.
            {
              from: { element: { type: 'test-kit' } },
              allow: { to: { element: { type: 'module', fileInternalPath: 'index.ts' } } },
            },
            ...Object.entries(MODULE_DEPENDENCIES).map(([name, uses]) => ({
              from: { element: { type: 'module', captured: { name } } },
              allow: {
                to: {
                  element: {
                    type: 'module',
                    captured: { name: uses.length ? uses : ['(none)'] },
                    fileInternalPath: 'index.ts',
                  },
                },
              },
            })),
          ],
        },
      ],
    },
  },
  // The composition root (the files directly in server/: app, main, bootstrap, subscribers,
  // schedules, cluster) puts the modules together; no module and nothing of the platform uses it.
  {
    files: ['server/platform/**/*.{ts,mjs}', 'server/modules/**/*.{ts,mjs}', 'server/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(app|main|bootstrap|subscribers|schedules|cluster)\\.ts$',
              message: 'The composition root uses the modules, not the other way round (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  // …and uses each module through its face.
  {
    files: ['server/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./modules/[^/]+/(?!index\\.ts$)',
              message: "Use the module's face, server/modules/<module>/index.ts (docs/ARCHITECTURE.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
