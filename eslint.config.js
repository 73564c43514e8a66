// ESLint flat config. Pragmatic rules (recommended, not type-checked) so lint stays fast, plus the
// import boundaries from the handbook: where code may run is enforced here, not by hope.
//   electron/core, electron/web, shared  never import `electron`
//   renderer, shared, electron/preload    never import Node built-ins
//   renderer                              never imports from electron/ (the folder or the package)
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noElectron = {
  paths: [{ name: 'electron', message: 'Node-only and environment-free code never imports electron (it must run in plain Node and tests).' }],
  patterns: [{ regex: '^electron/', message: 'Node-only and environment-free code never imports electron.' }],
};
const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'This code runs in the browser sandbox: no Node built-ins.' })),
  patterns: [{ regex: '^node:', message: 'This code runs in the browser sandbox: no Node built-ins.' }],
};

/** Merges restriction sets: a later `no-restricted-imports` entry replaces an earlier one, so each
 *  folder gets exactly one, built from the sets that apply to it. */
const restrict = (...sets) => [
  'error',
  { paths: sets.flatMap((s) => s.paths ?? []), patterns: sets.flatMap((s) => s.patterns ?? []) },
];

export default defineConfig(
  {
    ignores: ['out/**', 'node_modules/**', 'native/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Playwright reads a fixture's dependencies from its parameter pattern, so `({}, testInfo)` is idiomatic.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': restrict(noNode, noElectron, {
        patterns: [{ regex: '(^|/)electron(/|$)', message: 'The renderer reaches the main process only through window.api.' }],
      }),
    },
  },
  {
    files: ['shared/**/*.{ts,tsx,js}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, {
        patterns: [{ regex: '(^|/)(electron|renderer)/', message: 'shared/ is environment-free: it imports neither side.' }],
      }),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noElectron, {
        patterns: [{ regex: '(^|/)electron/(main|preload|web)(/|$)|^\\.\\./(main|preload|web)(/|$)', message: 'The core does not depend on its transports.' }],
      }),
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noElectron) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrict(noNode) },
  },
);
