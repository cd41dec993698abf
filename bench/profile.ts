import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Profiles read: one per thread (main and each worker). */
  threads: number;
  totalMs: number;
  /** Self time by where the code lives: a stage of `src/`, a package, node's internals, GC. */
  byArea: ProfileRow[];
  /** Self time by function, most first. */
  byFunction: ProfileRow[];
}

/** Where a function lives: `src/<stage>`, a package name, `node internals`, `gc`, `idle`… */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (native, unattributed)';
    return `native ${functionName}`;
  }
  const src = /\/dist\/(src|bench)\/([^/]+)\//.exec(url) ?? /\/(src|bench)\/([^/]+)\/[^/]+\.[jt]s$/.exec(url);
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** Sums the self time of every `.cpuprofile` in `dir` (written by `node --cpu-prof --cpu-prof-dir dir`). */
export function summariseProfiles(dir: string): ProfileSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let threads = 0;
  let totalMs = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')).sort()) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    threads += 1;
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) byId.set(node.id, node);
    profile.samples.forEach((id, k) => {
      const node = byId.get(id);
      if (!node) return;
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      totalMs += ms;
      const area = areaOf(node.callFrame);
      areas.set(area, (areas.get(area) ?? 0) + ms);
      const file = node.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
      functions.set(fn, (functions.get(fn) ?? 0) + ms);
    });
  }
  const rows = (map: Map<string, number>): ProfileRow[] =>
    [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return { threads, totalMs, byArea: rows(areas), byFunction: rows(functions) };
}
