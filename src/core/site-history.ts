// Each site's visits of one checklist in date order, for the report's history: the score at each
// visit, the change since the site's previous scored visit, and each critical failure with the date
// of the first later visit that met the item. While audits stream past, the log keeps a few numbers
// per visit in columns (no answers, no object per visit; sites, dates and outcomes on the critical
// items are kept once each and referred to by number); a site's entries are made only when read.
import { measured } from './score.js';
import type { ChecklistKey, CriticalFailure, Measured } from './score-types.js';

/** Where a critical failure is, which is all a history says of it. */
export type FailedItem = Pick<CriticalFailure, 'section' | 'factor' | 'item'>;

/** A critical failure of one visit, and the date of the site's first later visit that met the item, if any. */
export interface TrackedFailure {
  readonly failure: FailedItem;
  readonly resolvedOn: string | undefined;
}

export interface HistoryEntry {
  readonly date: string;
  /** `undefined` when the visit scored nothing. */
  readonly measured: Measured | undefined;
  /** Score change since the site's previous scored visit; `undefined` for its first. */
  readonly change: number | undefined;
  readonly failures: readonly TrackedFailure[];
}

/** One site's visits of one checklist. */
export interface SiteHistory {
  readonly site: string;
  readonly checklist: ChecklistKey;
  /** How many of the visits scored something: the site's points on a chart of scores over time. */
  readonly scoredVisits: number;
  /** The visits oldest first, those of one day in the order of their files' names; each made as it is read. */
  entries(): Iterable<HistoryEntry>;
}

/** What the log is told of one visit. */
export interface LoggedVisit {
  readonly site: string;
  readonly date: string;
  readonly measured: Measured | undefined;
  readonly criticalFailures: readonly FailedItem[];
  /** The critical items this visit answered at or above their expectation: what resolves an earlier failure. */
  readonly criticalMet: readonly string[];
  /** Where the visit's file is among the inputs: `histories` orders visits of one site and day by their files' names. */
  readonly position: number;
}

/** Values kept once each, by a key, and referred to by their index. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(key: string, value: () => T): number {
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.values.push(value()) - 1;
      this.indexes.set(key, index);
    }
    return index;
  }
}

/** Index → rank in the order of `compare`, equal values ranking equal. */
function ranks(values: readonly string[], compare: (a: string, b: string) => number): number[] {
  const order = values.map((_, index) => index).sort((a, b) => compare(values[a]!, values[b]!));
  const rank: number[] = new Array<number>(values.length);
  order.forEach((index, at) => {
    const previous = order[at - 1];
    rank[index] = previous !== undefined && compare(values[previous]!, values[index]!) === 0 ? rank[previous]! : at;
  });
  return rank;
}

const byLocale = (a: string, b: string) => a.localeCompare(b);

/** How a visit did on the critical items: most visits share one of a few such outcomes. */
interface CriticalOutcome {
  readonly failures: readonly FailedItem[];
  readonly met: ReadonlySet<string>;
}

// The ids joined by characters no id contains.
const outcomeKey = (failures: readonly FailedItem[], met: readonly string[]) =>
  `${failures.map(({ section, factor, item }) => `${section}\u0000${factor}\u0000${item}`).join('\u0001')}\u0002${met.join('\u0000')}`;

export class VisitLog {
  private readonly sites = new Interned<string>();
  private readonly dates = new Interned<string>();
  private readonly outcomes = new Interned<CriticalOutcome>();
  // One entry a visit in each column, in the order the visits came: a plain array of numbers holds
  // each in 8 bytes (small integers tagged, scores as unboxed doubles), no object a visit.
  private readonly site: number[] = [];
  private readonly date: number[] = [];
  private readonly position: number[] = [];
  /** NaN when the visit scored nothing. */
  private readonly score: number[] = [];
  private readonly expected: number[] = [];
  private readonly outcome: number[] = [];

  get size(): number {
    return this.site.length;
  }

  add(visit: LoggedVisit): void {
    this.site.push(this.sites.indexOf(visit.site, () => visit.site));
    this.date.push(this.dates.indexOf(visit.date, () => visit.date));
    this.position.push(visit.position);
    this.score.push(visit.measured?.score ?? Number.NaN);
    this.expected.push(visit.measured?.expected ?? Number.NaN);
    const { criticalFailures, criticalMet } = visit;
    this.outcome.push(
      this.outcomes.indexOf(outcomeKey(criticalFailures, criticalMet), () => ({
        failures: criticalFailures.map(({ section, factor, item }) => ({ section, factor, item })),
        met: new Set(criticalMet),
      })),
    );
  }

  /** Every site's history, sites by name; `fileOf` names the file at a visit's `position`. */
  histories(checklist: ChecklistKey, fileOf: (position: number) => string): SiteHistory[] {
    const siteRank = ranks(this.sites.values, byLocale);
    const dateRank = ranks(this.dates.values, byLocale);
    const visits = Int32Array.from({ length: this.size }, (_, index) => index);
    visits.sort(
      (a, b) =>
        siteRank[this.site[a]!]! - siteRank[this.site[b]!]! ||
        dateRank[this.date[a]!]! - dateRank[this.date[b]!]! ||
        (this.position[a] === this.position[b] ? 0 : fileOf(this.position[a]!).localeCompare(fileOf(this.position[b]!))) ||
        a - b,
    );
    const histories: SiteHistory[] = [];
    for (let start = 0; start < visits.length; ) {
      const site = this.site[visits[start]!]!;
      let end = start;
      let scoredVisits = 0;
      for (; end < visits.length && this.site[visits[end]!] === site; end++) if (!Number.isNaN(this.score[visits[end]!]!)) scoredVisits++;
      const ofSite = visits.subarray(start, end);
      histories.push({ site: this.sites.values[site]!, checklist, scoredVisits, entries: () => this.entriesOf(ofSite) });
      start = end;
    }
    return histories;
  }

  /** The entries of one site's visits, given oldest first. */
  private *entriesOf(visits: Int32Array): Generator<HistoryEntry> {
    // Backwards first, so that each failure looks up the nearest later visit that met its item: the
    // dates, by index, of the visits that have failures.
    const nextMet = new Map<string, number>();
    const resolvedOn = new Map<number, (number | undefined)[]>();
    for (let at = visits.length - 1; at >= 0; at--) {
      const visit = visits[at]!;
      const { failures, met } = this.outcomes.values[this.outcome[visit]!]!;
      if (failures.length > 0) resolvedOn.set(at, failures.map(({ item }) => nextMet.get(item)));
      for (const item of met) nextMet.set(item, this.date[visit]!);
    }
    let previous: number | undefined;
    for (const [at, visit] of visits.entries()) {
      const score = this.score[visit]!;
      const numbers = Number.isNaN(score) ? undefined : measured(score, this.expected[visit]!);
      const change = numbers && previous !== undefined ? numbers.score - previous : undefined;
      if (numbers) previous = numbers.score;
      const failures = this.outcomes.values[this.outcome[visit]!]!.failures.map((failure, index) => {
        const date = resolvedOn.get(at)![index];
        return { failure, resolvedOn: date === undefined ? undefined : this.dates.values[date]! };
      });
      yield { date: this.dates.values[this.date[visit]!]!, measured: numbers, change, failures };
    }
  }
}
