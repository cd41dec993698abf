import { readFileSync, readdirSync } from 'node:fs';
import { STAGE_LINE } from './stages.js';

const PAGE_BYTES = 4096;

/** Peak resident size seen during one stage of a build, split into the build's own process and its children. */
export interface StageMemory {
  /** The stage that was running: the first stage line not yet printed (`loading`, `extracting` …) or `start-up`. */
  stage: string;
  /** Largest RSS of the node process (all its threads), MiB. */
  nodeMb: number;
  /** Largest summed RSS of the processes it started (Pagefind's service …), MiB. */
  childrenMb: number;
}

/**
 * Samples the resident size of a process tree every `intervalMs` from `/proc` (Linux), and which stage of the
 * build is running, read from the stage lines in its log. A sketch of where memory goes, not the peak itself
 * (that is GNU time's): a spike between two samples is missed.
 */
export class MemorySampler {
  private readonly timer: NodeJS.Timeout;
  private readonly samples: Array<{ completed: number; nodeMb: number; childrenMb: number }> = [];

  constructor(
    private readonly rootPid: number,
    private readonly logFile: string,
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Stops sampling; `stageNames` are the stages in the order the build printed them. */
  stop(stageNames: string[]): StageMemory[] {
    clearInterval(this.timer);
    const byStage = new Map<string, StageMemory>();
    for (const s of this.samples) {
      const stage = s.completed === 0 && stageNames.length > 0 ? `start-up, ${stageNames[0]}` : (stageNames[s.completed] ?? 'after the stages');
      const row = byStage.get(stage) ?? { stage, nodeMb: 0, childrenMb: 0 };
      row.nodeMb = Math.max(row.nodeMb, s.nodeMb);
      row.childrenMb = Math.max(row.childrenMb, s.childrenMb);
      byStage.set(stage, row);
    }
    return [...byStage.values()];
  }

  private sample(): void {
    try {
      // /usr/bin/time → node → its children; without GNU time the root is node itself.
      let node = this.rootPid;
      const first = children(this.rootPid);
      if (commandOf(this.rootPid) !== 'node' && first.length === 1) node = first[0]!;
      const nodeMb = rssMb(node);
      let childrenMb = 0;
      const stack = children(node);
      while (stack.length > 0) {
        const pid = stack.pop()!;
        childrenMb += rssMb(pid);
        stack.push(...children(pid));
      }
      let completed = 0;
      try {
        for (const line of readFileSync(this.logFile, 'utf8').split('\n')) if (STAGE_LINE.test(line.trim())) completed += 1;
      } catch {
        // no log yet
      }
      this.samples.push({ completed, nodeMb, childrenMb });
    } catch {
      // the process is gone
    }
  }
}

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone, or no /proc
  }
  return out;
}

function rssMb(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? (pages * PAGE_BYTES) / 2 ** 20 : 0;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
