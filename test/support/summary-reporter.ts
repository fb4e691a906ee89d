import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "Summary: N passed, N failed, N skipped", which CI reads
 * whatever the runner; vitest's own summary is printed above it.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && ![...module.children.allTests()].length) failed++;
    }
    failed += errors.length;
    // After vitest's own summary, which is written on the same tick.
    setImmediate(() => console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`));
  }
}
