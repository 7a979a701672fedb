import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/editor/support/global-setup.ts'],
    // vitest's default (cores - 1) runs files one at a time on a 2-core machine; much of a file's
    // time is spent waiting on Chromium or bpmn-engine timers, so two at once finish sooner.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // bpmn-engine and Chromium start slowly on a 2-core machine; a real hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // bin/mashflow.js would otherwise run out/cli/ when up to date; the tests exercise the sources
    // (test/cli/bundle.test.ts checks a fresh bundle against them).
    env: { MASHFLOW_FROM_SOURCE: '1' },
  },
});
