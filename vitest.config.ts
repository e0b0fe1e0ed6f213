import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Wire tests start HTTP servers and share one Redis (each with its own key prefix);
    // two workers match the two cores of our machines.
    maxWorkers: 2,
  },
});
