// ESLint (flat config): TypeScript's recommended rules everywhere, the React hooks rules in
// the web app, and — below — the module boundaries of the server (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
