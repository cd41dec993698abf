import { writeFileSync } from 'node:fs';

/** Preloaded into a benchmarked child when GNU time is missing: writes its peak RSS (KiB) and CPU time (µs) on exit. */
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
});
