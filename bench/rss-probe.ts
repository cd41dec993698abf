import { writeFileSync } from 'node:fs';

/** Preloaded into a benchmarked child when GNU time is missing: writes the process's peak RSS (KiB) on exit. */
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
