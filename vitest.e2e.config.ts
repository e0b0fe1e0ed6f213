// `npm run test:e2e`: the demo page driven by a headless Chromium (playwright-core, Debian's
// /usr/bin/chromium or CHROMIUM_PATH). Kept apart from `npm test`, which needs no browser.
import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/helpers/deadline.js';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // The story is several waits in a row, each bounded by DEADLINE_MS.
    testTimeout: 2 * TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
    maxWorkers: 1,
  },
});
