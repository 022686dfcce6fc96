import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Production code never imports test code (the harness, fixtures, the old simulator's kind of fake). */
const noTestImports = { group: ['**/test', '**/test/**'], message: 'Production code must not import from test/.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'scratch/**',
      'data/**',
      'outbox/**',
      'coverage/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every file outside test/ (the benchmarks are test tooling: they reuse its arbitraries and fixtures).
    // The block for workflows/ and domain/ below repeats the pattern, as its options replace these.
    files: ['**/*.ts'],
    ignores: ['test/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestImports] }] },
  },
  {
    // Workflow and domain code must stay deterministic: no Node built-ins, no I/O.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .flatMap((n) => [n, `node:${n}`])
            .map((name) => ({ name, message: 'Node built-ins are banned in workflows/ and domain/ (determinism).' })),
          patterns: [
            noTestImports,
            { group: ['node:*'], message: 'Node built-ins are banned in workflows/ and domain/.' },
            {
              group: ['**/activities/*', '**/activities'],
              importNames: ['createActivities'],
              message: 'Workflows import only types from activities.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No process access in deterministic code.' },
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'require', message: 'No dynamic require.' },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  // Formatting is Prettier's (npm run format; lint checks it): no ESLint rule may disagree with it.
  prettier,
);
