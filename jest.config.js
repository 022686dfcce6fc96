/** Workflow code imports '@temporalio/workflow'. Under jest it is mapped to the in-repo
 * simulator (test/sim); with TEMPORAL_TEST_SERVER set, scenario tests run the real bundle on
 * Temporal's time-skipping server instead (the mapping only affects jest's own module graph). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: { '^@temporalio/workflow$': '<rootDir>/test/sim/workflow-api.ts' },
  testTimeout: 60000,
};
