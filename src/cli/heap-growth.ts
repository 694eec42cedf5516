// How far V8 lets the heap grow before it collects the old generation. Its default, up to four times
// what is live, is tuned for long-lived pages; a batch of thousands of files keeps little alive (the
// file list, tallies: 20-45 MB) and makes garbage fast, so that headroom was most of the peak memory.
// Growing by a quarter measured, against the default (10,000 files unless said):
//   score --format json, store audits   184 -> 158 MB, 2.5% more time (6% more CPU)
//   score --format json, survey audits  168 -> 146-155 MB, same time
//   score --format json, 100,000 survey 299 -> 180 MB, 10% more time
//   report --format html, survey        265 -> 194 MB (at half, not a quarter), 3% more time
// The flag is process-wide, so file workers get it too; set at start, before any worker exists.

/** The percentage the heap may grow by between collections of the old generation. */
export const HEAP_GROWING_PERCENT = 25;

/**
 * The V8 flag to set at start, or undefined when the user chose a value of their own on node's
 * command line, which stands (NODE_OPTIONS refuses this flag: node will not start with it there).
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const chosen = execArgv.some((option) => /^--heap[-_]growing[-_]percent\b/.test(option));
  return chosen ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}
