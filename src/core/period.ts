// The period a report covers and the one before it, on ISO dates (YYYY-MM-DD), so that "what changed
// since the previous period" compares like with like: the same number of days, just before.

export interface Period {
  readonly from: string;
  readonly until: string;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function within(period: Period, date: string): boolean {
  return date >= period.from && date <= period.until;
}

/** `--since`/`--until` where given, else the dates of the audits; `undefined` when there is nothing to span. */
export function periodOf(dates: readonly string[], bounds: { since?: string | undefined; until?: string | undefined }): Period | undefined {
  let first: string | undefined;
  let last: string | undefined;
  for (const date of dates) {
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  const from = bounds.since ?? first;
  const until = bounds.until ?? last;
  return from === undefined || until === undefined ? undefined : { from, until };
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const start = dayNumber(period.from);
  const length = dayNumber(period.until) - start + 1;
  return { from: dateOf(start - length), until: dateOf(start - 1) };
}
