// Tests run as CommonJS through ts-jest (transpile only; `npm run typecheck` does the type checking).
// ESM-only dependencies (jose, kysely) load through Node 24's require(esm), which jest enables with
// NODE_OPTIONS=--experimental-vm-modules (see README "Toolchain").
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  // Hooks that start the whole app (beforeAll) took over jest's default 5 s on a loaded 2-core machine; a test file
  // that needs longer still says so with jest.setTimeout.
  testTimeout: 20_000,
  // Most suites wait on child processes, sockets and the sandbox rather than on the CPU: three workers on the 2-core CI
  // machine keep both cores busy (jest's default there, one worker, left one idle: 544 s; two: 198 s; three: 142 s).
  // The fault suite's children scale their deadlines to the machine's load as they measure it (fault-scenario.ts).
  maxWorkers: 3,
  // Starts a PostgreSQL shipped through npm when none answers at TEST_DATABASE_URL (README "Tests").
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
