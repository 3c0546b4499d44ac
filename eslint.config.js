// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Only the shared contracts cross from the server side into the renderer and the Electron shell. */
const ONLY_CONTRACTS = {
  regex: String.raw`(^|/)server/(?!src/contracts(/|$))`,
  message: 'Import only server/src/contracts from the server side (the shared zod contracts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'resources/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['eslint.config.js'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['renderer/vite.config.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-nocheck': true, 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [ONLY_CONTRACTS, { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' }] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ONLY_CONTRACTS] }] },
  },
  {
    // A server domain reaches another only through its index.ts; shared/ is the kernel.
    files: ['server/src/*/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+(?!shared/|contracts/)[\w-]+/(?!index\.js$).+`,
              message: "Import another domain through its index.ts ('../<domain>/index.js').",
            },
            { group: ['**/renderer/**', '**/main/src/**'], message: 'The server never imports the renderer or the Electron shell.' },
          ],
        },
      ],
    },
  },
);
