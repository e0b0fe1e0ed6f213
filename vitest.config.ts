import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/helpers/deadline.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Above every wait's deadline (TEST_DEADLINE_MS, test/helpers/deadline.ts), so a stuck test
    // fails with the message of what it waited for.
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
    // Wire tests start HTTP servers and share one Redis (each with its own key prefix);
    // two workers match the two cores of our machines.
    maxWorkers: 2,
    // Names the file and value of any unhandled rejection, and fails that file.
    setupFiles: ['test/setup/unhandled-rejections.ts'],
  },
});
