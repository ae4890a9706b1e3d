// Shared measurement helpers for the side-by-side benchmarks: medians (never means), pairwise
// ratios computed inside one run, child processes for cold start-up.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Median milliseconds per call of `fn`: after `warmup` calls, runs batches until both `runs`
 * samples and `minMs` of total time are reached. Each sample times `batch` calls, so very fast
 * functions are not lost in timer resolution.
 */
export function timeIt(fn, { warmup = 5, runs = 20, minMs = 300, batch = 1 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  let total = 0;
  while (samples.length < runs || total < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const dt = performance.now() - t0;
    total += dt;
    samples.push(dt / batch);
    if (samples.length > 100_000) break;
  }
  return median(samples);
}

/**
 * Times `a` and `b` alternately in the same process (so both see the same machine state) and
 * returns their medians in ms per call.
 */
export function timePair(a, b, options = {}) {
  return timeAll([a, b], options);
}

/** `timePair` for any number of functions: rounds of each in turn, the median of each's medians. */
export function timeAll(fns, options = {}) {
  const rounds = options.rounds ?? 5;
  const times = fns.map(() => []);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((fn, j) => times[j].push(timeIt(fn, { ...options, runs: Math.ceil((options.runs ?? 20) / rounds) })));
  }
  return times.map(median);
}

/** `timeIt` for a function that returns a promise: each call is awaited before the next. */
export async function timeItAsync(fn, { warmup = 5, runs = 20, minMs = 300, batch = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  let total = 0;
  while (samples.length < runs || total < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    const dt = performance.now() - t0;
    total += dt;
    samples.push(dt / batch);
    if (samples.length > 100_000) break;
  }
  return median(samples);
}

/**
 * `timePair` when either side is asynchronous (a peer whose API returns a promise): both are
 * timed the same way, every call awaited, so the ratio compares like with like.
 */
export async function timePairAsync(a, b, options = {}) {
  const rounds = options.rounds ?? 5;
  const as = [];
  const bs = [];
  for (let i = 0; i < rounds; i++) {
    as.push(await timeItAsync(a, { ...options, runs: Math.ceil((options.runs ?? 20) / rounds) }));
    bs.push(await timeItAsync(b, { ...options, runs: Math.ceil((options.runs ?? 20) / rounds) }));
  }
  return [median(as), median(bs)];
}

/**
 * Cold start: median over `runs` fresh Node processes of the milliseconds from just before
 * `import(specifier)` to just after `ready` (an expression evaluated on the module) returns.
 */
export function coldStart(specifier, { runs = 20, ready = "true", cwd } = {}) {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(specifier)});
    await (${ready});
    process.stdout.write(String(performance.now() - t0));`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd, encoding: "utf8" })));
  }
  return median(samples);
}

export const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x) => (x >= 10 ? `${x.toFixed(1)} ms` : x >= 0.1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(1)} µs`);
export const ratio = (peer, ours) => `${(peer / ours).toFixed(1)}×`;
