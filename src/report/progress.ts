/** Where progress goes and how: a redrawn line on a terminal, one line per stage when piped or in CI. */
export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Nothing is printed while fewer items than this are being worked on (small builds stay quiet). */
  threshold: number;
  /** Clock in milliseconds; replaceable in tests. */
  now?: () => number;
}

export interface Progress {
  /**
   * Starts a stage (`loading`, `extracting`, `rendering`, `indexing`…) over `total` items (null when unknown or
   * not counted). `size`, the number of articles the stage works on, decides whether the stage is shown at all.
   */
  stage(name: string, total: number | null, size?: number): void;
  /** Reports how many items of the current stage are done, and how many there are once known. */
  update(done: number, total?: number): void;
  /** Ends the current stage, with a note such as "42 pages". */
  end(note?: string): void;
}

const REDRAW_MS = 100;

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** A progress line per stage. Tests and small builds (below `threshold`) print nothing. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const tty = options.stream.isTTY === true && process.env.CI === undefined;
  let name = '';
  let total: number | null = null;
  let started = 0;
  let lastDraw = 0;
  let active = false;
  let sized = false;

  const line = (done: number): string => {
    const elapsed = now() - started;
    let text = total === null ? `${name}…` : name;
    if (total !== null) {
      text += ` ${done}/${total}`;
      if (total > 0) text += ` (${Math.floor((done / total) * 100)}%)`;
      if (done > 0 && done < total && elapsed > 1000) {
        text += `, about ${formatSeconds((elapsed / done) * (total - done))} left`;
      }
    }
    return text;
  };

  const draw = (text: string): void => {
    const columns = options.stream.columns ?? 0;
    const width = columns > 20 ? columns - 1 : 79;
    options.stream.write(`\r\u001b[2K${text.slice(0, width)}`);
  };

  return {
    stage(stageName, stageTotal, size) {
      name = stageName;
      total = stageTotal;
      started = now();
      lastDraw = 0;
      sized = size !== undefined;
      const work = size ?? stageTotal;
      active = work !== null && work >= options.threshold;
      if (active && tty) draw(line(0));
    },
    update(done, newTotal) {
      if (newTotal !== undefined && total === null) {
        total = newTotal;
        // A stage given its size in articles stays shown or hidden by it; otherwise the total decides.
        if (!sized) active = newTotal >= options.threshold;
      }
      if (!active || !tty) return;
      const t = now();
      if (t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      draw(line(done));
    },
    end(note) {
      if (!active) return;
      const text = `${name}${note ? `: ${note}` : total !== null ? `: ${total}` : ''} in ${formatSeconds(now() - started)}`;
      if (tty) {
        draw(text);
        options.stream.write('\n');
      } else {
        options.stream.write(`${text}\n`);
      }
      active = false;
    },
  };
}

/** A progress that prints nothing. */
export const silentProgress: Progress = { stage() {}, update() {}, end() {} };
