import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files known to run long, started first so the other worker shares out the rest meanwhile. On a
 * fresh clone vitest has no timings and orders by file size, which put the conformance replay of
 * Warwickshire's thousand routes (a three-line file) last, alone, for a minute and a half.
 */
const longRunning = [/conformance\/bpmn-engine-heavy\.test\.ts$/, /conformance\/bpmn-engine\.test\.ts$/, /cli\/cli\.test\.ts$/, /cli\/bundle\.test\.ts$/];
const rank = (spec: TestSpecification) => {
  const index = longRunning.findIndex((pattern) => pattern.test(spec.moduleId));
  return index < 0 ? longRunning.length : index;
};

class LongRunningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, order) => ({ spec, order })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order).map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/editor/support/global-setup.ts'],
    // vitest's default (cores - 1) runs files one at a time on a 2-core machine; much of a file's
    // time is spent waiting on Chromium or bpmn-engine timers, so two at once finish sooner.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongRunningFirst },
    // bpmn-engine and Chromium start slowly on a 2-core machine; a real hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // bin/mashflow.js would otherwise run out/cli/ when up to date; the tests exercise the sources
    // (test/cli/bundle.test.ts checks a fresh bundle against them).
    env: { MASHFLOW_FROM_SOURCE: '1' },
  },
});
