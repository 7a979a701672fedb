import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/editor/support/global-setup.ts'],
    // bpmn-engine and Chromium start slowly on a 2-core machine; a real hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
