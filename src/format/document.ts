// What score tables and reports say, before it is decided how it looks: a list of blocks that the
// terminal, Markdown and HTML renderers (document-*.ts) each draw their own way. Text in blocks is
// plain; each renderer makes it safe for its medium.
import type { Photo } from '../fs/read-photo.js';

/** How a node compares to its expectation; the terminal colours by it. */
export type Tone = 'met' | 'near' | 'far';

// Within this many points below expectation a node is close enough to warrant a warning, not an alarm.
const NEAR_MISS = 10;

export function toneOf(gap: number): Tone {
  if (gap >= 0) return 'met';
  return gap >= -NEAR_MISS ? 'near' : 'far';
}

export interface TextCell {
  readonly text: string;
  readonly tone?: Tone;
  readonly strong?: boolean;
}

/** Evidence: file paths or URLs, shown one a line; Markdown links the web addresses. */
export interface ReferencesCell {
  readonly references: readonly string[];
  /** The photos among the references, read for the formats that embed them (HTML). */
  readonly photos?: ReadonlyMap<string, Photo>;
}

export type Cell = TextCell | ReferencesCell;

export interface Column {
  readonly label: string;
  readonly align: 'left' | 'right';
  /** For long text (item wording): a terminal cuts cells to this width; Markdown shows them whole. */
  readonly maxWidth?: number;
}

export interface Grid {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A grid of one row per audit (a report's history, its drafts): its rows are made as they are
 * written, a few at a time, so that neither they nor their text is ever held whole.
 */
export interface LongGrid {
  readonly columns: readonly Column[];
  /** Iterable more than once: each rendering makes the rows anew. */
  readonly rows: Iterable<readonly Cell[]>;
}

export interface Fact {
  readonly label: string;
  readonly value: TextCell;
}

/** Score against expectation per category, in the categories' own order (Markdown draws it with Mermaid). */
export interface Chart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly score: readonly number[];
  readonly expected: readonly number[];
  /** The adequate level per category, when there is a zone of tolerance: drawn as a band up to the expectation. */
  readonly adequate?: readonly number[];
  /** How to read a drawing that has no legend of its own (Markdown's Mermaid); charts with a legend leave it out. */
  readonly legend?: string;
}

/** Each series' scores over time, one line a series (a site's visits). */
export interface LineChart {
  readonly title: string;
  readonly series: readonly { readonly name: string; readonly points: readonly { readonly date: string; readonly score: number }[] }[];
  /** The expectation the lines are read against, drawn as a level line. */
  readonly expected?: number;
}

/**
 * A drawing only formats that draw charts show (HTML): the tables beside it carry the same numbers,
 * and Markdown's Mermaid cannot draw a ranking of hundreds of sites or lines over dates readably.
 */
/** Factors by importance (across) and performance (up), with the cross-hairs at the means (SPEC §4, IPA). */
export interface QuadrantChart {
  readonly title: string;
  readonly points: readonly { readonly name: string; readonly importance: number; readonly performance: number }[];
  readonly importanceCut: number;
  readonly performanceCut: number;
  /** What each quadrant is called, in the reader's language. */
  readonly quadrants: Readonly<Record<'concentrate' | 'keep-up' | 'low-priority' | 'overkill', string>>;
}

export type Figure =
  | { readonly kind: 'bars'; readonly chart: Chart }
  | { readonly kind: 'lines'; readonly chart: LineChart }
  | { readonly kind: 'quadrants'; readonly chart: QuadrantChart };

export type Block =
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: string; readonly newPage?: boolean }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'facts'; readonly facts: readonly Fact[] }
  | { readonly kind: 'grid'; readonly grid: Grid }
  | { readonly kind: 'long-grid'; readonly grid: LongGrid }
  | { readonly kind: 'chart'; readonly chart: Chart }
  | { readonly kind: 'figure'; readonly figure: Figure };

export type HeadingLevel = 1 | 2 | 3 | 4;

/** A document format written in pieces, so that a document of any size streams: start, pieces of blocks, end. */
export interface Page {
  start(title: string): string;
  /**
   * The text of the `index`th piece (0 first), in parts to write one after another (a long grid a
   * few rows at a time); pieces join as if their blocks had been rendered at once.
   */
  piece(blocks: readonly Block[], index: number): Iterable<string>;
  end(): string;
}

// How many rows of a long grid are rendered into one part of a piece's text.
export const ROWS_AT_A_TIME = 256;

/** The rows in runs of `ROWS_AT_A_TIME`, each run made when it is asked for. */
export function* rowRuns(rows: Iterable<readonly Cell[]>): Generator<(readonly Cell[])[]> {
  let run: (readonly Cell[])[] = [];
  for (const row of rows) {
    run.push(row);
    if (run.length < ROWS_AT_A_TIME) continue;
    yield run;
    run = [];
  }
  if (run.length > 0) yield run;
}

export const heading = (level: HeadingLevel, text: string): Block => ({ kind: 'heading', level, text });
/** A heading that starts a new page when printed (each appendix). */
export const pageHeading = (level: HeadingLevel, text: string): Block => ({ kind: 'heading', level, text, newPage: true });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const factsBlock = (facts: readonly Fact[]): Block => ({ kind: 'facts', facts });
export const gridBlock = (grid: Grid): Block => ({ kind: 'grid', grid });
/** A long grid whose rows are `rowOf` each of `items()`, which is called anew for each rendering. */
export const longGridBlock = <T>(columns: readonly Column[], items: () => Iterable<T>, rowOf: (item: T) => readonly Cell[]): Block => ({
  kind: 'long-grid',
  grid: {
    columns,
    rows: {
      *[Symbol.iterator]() {
        for (const item of items()) yield rowOf(item);
      },
    },
  },
});
export const chartBlock = (chart: Chart): Block => ({ kind: 'chart', chart });
export const figureBlock = (figure: Figure): Block => ({ kind: 'figure', figure });

/** A grid, or a sentence saying why there is nothing to show, so no report carries an empty table. */
export function gridOr(grid: Grid, whenEmpty: string): Block {
  return grid.rows.length > 0 ? gridBlock(grid) : paragraph(whenEmpty);
}

/** One decimal, as tables and charts show numbers. */
export function roundToTenth(value: number): number {
  // Halves round away from zero, so a shortfall of 4.75 shows as -4.8 just as a surplus shows as +4.8.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
  // -0.04 rounds to -0, which would print as "-0.0" and suggest a shortfall that is not there.
  return rounded === 0 ? 0 : rounded;
}

export const left = (label: string): Column => ({ label, align: 'left' });
export const right = (label: string): Column => ({ label, align: 'right' });
export const text = (value: string): TextCell => ({ text: value });
/** A score, expectation or mean in its cell, one decimal. */
export const number = (value: number): TextCell => text(formatScore(value));
/** A gap (or MSA) with its sign, coloured by how far below zero it is. */
export const gapCell = (gap: number): TextCell => ({ text: formatGap(gap), tone: toneOf(gap) });

/** Scores, expectations and means as people read them: one decimal. */
export function formatScore(value: number): string {
  return roundToTenth(value).toFixed(1);
}

/** Gaps with their sign, so a shortfall and a surplus are told apart at a glance. */
export function formatGap(gap: number): string {
  const rounded = roundToTenth(gap);
  return rounded > 0 ? `+${rounded.toFixed(1)}` : rounded.toFixed(1);
}
