import { defineConfig } from 'vitest/config';

/**
 * Two projects, after 10ten Japanese Reader: `unit` runs in Node (with happy-dom where a file
 * asks for a DOM), `e2e` drives real headless Chromium and Firefox ESR with the built extension.
 */
export default defineConfig({
  define: { __TEST_HOOKS__: 'true', __BROWSER__: '"chrome"' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Browsers are heavy and the machine has two cores: one test file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
