export interface BuildSummary {
  built: number;
  leftOut: number;
  warnings: number;
  pages: number;
  /** Pages taken unchanged from the previous build (counted in `pages`). */
  reused?: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory of the build process, in MiB. */
  peakMemoryMb: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The closing line of every build. */
export function formatSummary(summary: BuildSummary): string {
  return (
    `news-archive: ${plural(summary.built, 'article')} built, ${summary.leftOut} left out, ` +
    `${plural(summary.warnings, 'warning')}, ${plural(summary.pages, 'page')} written ` +
    (summary.reused ? `(${summary.reused} unchanged) ` : '') +
    `in ${summary.seconds.toFixed(2)} s, peak memory ${Math.round(summary.peakMemoryMb)} MiB`
  );
}
