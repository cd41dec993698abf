import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MemorySampler } from './memory-sampler.js';
import type { StageMemory } from './memory-sampler.js';
import { stageTimes } from './stages.js';

/** One finished child process: wall-clock time and the peak resident size of its process tree. */
export interface TimedRun {
  wallS: number;
  /** Largest resident set size of the process or any child it waited for, in MiB; null when unknown. */
  peakRssMb: number | null;
  exitCode: number;
  /** CPU seconds (user + system) of the process and the children it waited for; null when unknown. Less sensitive than wall time to load from elsewhere. */
  cpuS: number | null;
  /** How peak RSS was read. */
  rssSource: 'time -v' | 'resourceUsage' | 'none';
  /** Peak RSS by build stage, sampled from /proc (empty when not asked for or not on Linux). */
  stageMemory: StageMemory[];
}

export interface RunTimedOptions {
  cwd: string;
  /** stdout and stderr of the child go here. */
  logFile: string;
  /** Extra arguments for node itself (before the script), e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** A compiled module that writes `process.resourceUsage().maxRSS` to `$BENCH_RSS_FILE` on exit (fallback). */
  rssProbe: string;
  /** Sample RSS by stage (see `MemorySampler`). */
  sampleMemory?: boolean;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `node <script> <args>` and measures it. With GNU time (`/usr/bin/time`, Debian's `time` package) the
 * peak RSS is `ru_maxrss` of the child and of whatever it waited for, worker threads included (they share the
 * process); without it, the child reports its own `process.resourceUsage().maxRSS` through a preloaded probe.
 */
export async function runNodeTimed(script: string, args: string[], options: RunTimedOptions): Promise<TimedRun> {
  const nodeArgs = options.nodeArgs ?? [];
  const report = `${options.logFile}.rusage`;
  rmSync(report, { force: true });
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime
    ? ['-v', '-o', report, process.execPath, ...nodeArgs, script, ...args]
    : ['--import', options.rssProbe, ...nodeArgs, script, ...args];
  const log = openSync(options.logFile, 'w');
  const start = performance.now();
  let sampler: MemorySampler | null = null;
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd: options.cwd,
      stdio: ['ignore', log, log],
      env: { ...process.env, BENCH_RSS_FILE: report, CI: 'true' },
    });
    if (options.sampleMemory && child.pid !== undefined) sampler = new MemorySampler(child.pid, options.logFile);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallS = (performance.now() - start) / 1000;
  closeSync(log);
  const stageMemory = (sampler as MemorySampler | null)?.stop([...stageTimes(options.logFile).keys()]) ?? [];
  let peakRssMb: number | null = null;
  let cpuS: number | null = null;
  try {
    const text = readFileSync(report, 'utf8');
    if (useTime) {
      const kb = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text)?.[1];
      if (kb !== undefined) peakRssMb = Number(kb) / 1024;
      const user = /User time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
      const system = /System time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
      if (user !== undefined && system !== undefined) cpuS = Number(user) + Number(system);
    } else {
      const [kb, cpuMicros] = text.trim().split(/\s+/);
      if (kb !== undefined && /^\d+$/.test(kb)) peakRssMb = Number(kb) / 1024;
      if (cpuMicros !== undefined && /^\d+$/.test(cpuMicros)) cpuS = Number(cpuMicros) / 1e6;
    }
  } catch {
    // no report
  }
  rmSync(report, { force: true });
  return { wallS, peakRssMb, cpuS, exitCode, stageMemory, rssSource: peakRssMb === null ? 'none' : useTime ? 'time -v' : 'resourceUsage' };
}
