// Lint rules of the project: typescript-eslint with type information, React hooks in the renderer, and the
// import rules of ARCHITECTURE.md that a rule can express (the folder-cycle check lives in
// tests/unit/architecture-imports.test.ts, which sees the whole import graph). Formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'bench-data/', 'scratch/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      eqeqeq: ['error', 'smart'],
      // The code that looks for control characters (file names, binary input, error text) means them.
      'no-control-regex': 'off',
      // An async function turns a throw into a rejected promise, which the API wrappers rely on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The store's actions are closures (zustand), never methods that read `this`.
      '@typescript-eslint/unbound-method': 'off',
      ...layer(
        ['node:*', '**/electron/**', 'electron', '@duckdb/*'],
        'The renderer talks only to the API contract in shared/ (ARCHITECTURE.md).',
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      ['node:*', '**/electron/**', '**/renderer/**', 'electron', 'react', '@duckdb/*'],
      'shared/ imports nothing outside shared/ (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: layer(
      ['**/main/**', '**/cli/**', '**/preload/**', '**/renderer/**', 'electron'],
      'The engine is plain Node code: it never imports the shell, the CLI or the renderer.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer(['**/engine/**', '**/main/**', '**/renderer/**'], 'The preload exposes the contract and nothing else.'),
  },
  {
    // Tests assert on parsed JSON and use the matchers' any-typed helpers (expect.stringContaining, ...).
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Playwright fixtures take their dependencies as an object pattern, empty when there are none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The browser benchmark's page functions run in the page.
    files: ['scripts/bench-ui.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
