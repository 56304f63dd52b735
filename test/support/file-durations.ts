import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

/**
 * Ends `npm test` with the slowest test files (import and tests, per file): a slow suite, such as
 * one driving a real browser or the real AWS CLI, lives in its own file and its cost shows here.
 */
export default class FileDurations implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (modules.length === 0) return;
    const rows = modules
      .map((module) => {
        const d = module.diagnostic();
        const importMs = d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration;
        return { file: module.relativeModuleId, importMs, testsMs: d.duration, totalMs: importMs + d.duration };
      })
      .sort((a, b) => b.totalMs - a.totalMs);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(7);
    const all = rows.reduce((sum, r) => sum + r.totalMs, 0);
    const lines = [
      '',
      ` Slowest test files (of ${rows.length}, ${(all / 1000).toFixed(1)} s in all, workers in parallel):`,
      `   ${'total'.padStart(7)} ${'import'.padStart(7)} ${'tests'.padStart(7)}  file`,
      ...rows.slice(0, SHOWN).map((r) => `   ${seconds(r.totalMs)} ${seconds(r.importMs)} ${seconds(r.testsMs)}  ${r.file}`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
