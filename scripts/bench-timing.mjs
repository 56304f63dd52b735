// Timing helpers of `npm run bench`: medians, never means (a loaded machine makes outliers).
import { performance } from 'node:perf_hooks';

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `fn` `runs` times: the median time and the last value. */
export function timeFn(fn, runs = 3) {
  const samples = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), value };
}
