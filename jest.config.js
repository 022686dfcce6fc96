/** Workflow scenarios run the real worker on the real bundle, built once per run by globalSetup. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  // Two workers on CI's two cores: the suite takes ~6.5 min instead of ~11. Time-skipping scenarios stay
  // deterministic because the dev server skips only when no work is in flight (see devserver/engine.ts).
  maxWorkers: 2,
};
