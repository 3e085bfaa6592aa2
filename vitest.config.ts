import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@domain/…` as tsconfig.json's `paths` says; each project below extends this.
  resolve: { tsconfigPaths: true },
  test: {
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
