import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@domain/…` as tsconfig.json's `paths` says; each project below extends this.
  resolve: { tsconfigPaths: true },
  test: {
    // The unit and PostgreSQL files two at a time even on two cores (the default there is one): a
    // PostgreSQL file spends much of its time waiting on the server, and the two projects' ~250 files
    // took 10 minutes one after another, 5 side by side. The browser and live files (fileParallelism:
    // false) still run one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.ts',
            'data/**/*.test.ts',
            'client/**/*.test.ts',
            'tests/fixtures/**/*.test.ts',
          ],
          environment: 'node',
          // The modules are imported once per worker, not once per file: importing them again for
          // each of ~200 files took over two minutes of the suite on two cores. No test mocks a
          // module; the few that stub a global or spy on a method put it back after themselves.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The route tests (and the other tests on a whole record) again, each on its own schema of a real PostgreSQL/PostGIS (DATABASE_URL's
          // store): the same requests, the same answers. .ci/run starts the cluster this points at.
          name: 'postgres',
          include: [
            'server/src/routes/**/*.test.ts',
            'server/src/model-start.test.ts',
            'server/src/model.test.ts',
            'server/src/db/gazetteer.test.ts',
            'server/src/db/areas.test.ts',
            'server/src/db/premises.test.ts',
            'server/src/seed/seed-from-dir.test.ts',
            'server/src/auth/account-changes.test.ts',
            'server/src/pipelines/second-township.test.ts',
            'server/src/pipelines/import-address-points.test.ts',
            'server/src/pipelines/validate-premise-import.test.ts',
            'server/src/http/constraint-message.test.ts',
          ],
          environment: 'node',
          env: {
            TEST_DATABASE_URL:
              process.env.TEST_DATABASE_URL ??
              process.env.PG_TEST_URL ??
              'postgres://postgres:postgres@127.0.0.1:5432/postgres',
          },
          setupFiles: ['tests/helpers/pg-test-setup.ts'],
          // The server's modules are imported once per worker, not once per file (no test here
          // mocks a module); each file's records are closed and dropped by the setup file.
          isolate: false,
          // The first file seeds the template the others clone.
          hookTimeout: 120_000,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The real server as a process: killed mid-write, backed up and restored while it serves.
          name: 'live',
          include: ['tests/live/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
