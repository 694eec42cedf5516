// Blocks as text for a terminal: boxed tables whose scores are coloured by how far below expectation
// a node is. Colour comes from the chalk instance given, which is colourless off a terminal or with NO_COLOR.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { displayWidth } from '../shared/text-width.js';
import wrapAnsi from 'wrap-ansi';
import type { Block, Cell, Column, Fact, Grid, Tone } from './document.js';
import { plainText } from '../shared/plain-text.js';

function paint(colour: ChalkInstance, tone: Tone | undefined, text: string): string {
  switch (tone) {
    case 'met':
      return colour.green(text);
    case 'near':
      return colour.yellow(text);
    case 'far':
      return colour.red(text);
    case undefined:
      return text;
  }
}

function cell(content: Cell, colour: ChalkInstance): string {
  if ('references' in content) return content.references.map(plainText).join('\n');
  const text = paint(colour, content.tone, plainText(content.text));
  return content.strong ? colour.bold(text) : text;
}

/**
 * The width to cut a column's cells at, or null to fit them. Cut, not wrapped: a wrapped sentence
 * makes a tall row, and Chinese text has no spaces to wrap at. A character takes at most two
 * terminal columns, so text up to half the limit in characters always fits.
 */
function cutWidth(column: Column, cells: readonly (Cell | undefined)[]): number | null {
  if (column.maxWidth === undefined) return null;
  const longest = Math.max(column.label.length, ...cells.map((content) => (content && 'text' in content ? content.text.length : 0)));
  return longest * 2 <= column.maxWidth ? null : column.maxWidth + 2;
}

function table({ columns, rows }: Grid, colour: ChalkInstance, colWidths?: readonly number[]): string {
  // Fitted widths: each cell is wrapped to its column beforehand, so no cell is cut and no row breaks.
  const wrap = (text: string, index: number) => (colWidths ? wrapAnsi(text, colWidths[index]! - 2, { hard: true, trim: true }) : text);
  const drawn = new Table({
    head: columns.map((column, index) => wrap(colour.bold(column.label), index)),
    colAligns: columns.map((column) => column.align),
    colWidths: colWidths ? [...colWidths] : columns.map((column, index) => cutWidth(column, rows.map((cells) => cells[index]))),
    truncate: '…',
    // cli-table3 would colour headers and borders itself; all colour here goes through `colour`.
    style: { head: [], border: [] },
    // No rule between body rows: long rankings stay compact and scannable.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  drawn.push(...rows.map((cells) => cells.map((content, index) => wrap(cell(content, colour), index))));
  return drawn.toString();
}

const widest = (text: string) => Math.max(0, ...text.split('\n').map((line) => displayWidth(line)));

// A wrapped text column keeps at least this many columns of text; narrower, it would be one word a line.
const NARROWEST_TEXT = 12;

/**
 * The grid within `width` terminal columns: as it is when it fits; else its text (left-aligned)
 * columns narrowed, always the widest one first, down to their longest word (or NARROWEST_TEXT)
 * and wrapped; else its last columns dropped. Rows never break across lines of the terminal.
 */
function fittedTable(grid: Grid, colour: ChalkInstance, width: number): string {
  const natural = table(grid, colour);
  if (widest(natural) <= width) return natural;
  const texts = (index: number) => [grid.columns[index]!.label, ...grid.rows.map((cells) => (cells[index] ? cell(cells[index], colour) : ''))];
  const columnWidths = grid.columns.map((_, index) => Math.max(...texts(index).map(widest)) + 2);
  const floor = grid.columns.map((column, index) =>
    column.align === 'left' ? Math.min(columnWidths[index]!, Math.max(NARROWEST_TEXT, ...texts(index).flatMap((text) => text.split(/\s+/).map((word) => displayWidth(word)))) + 2) : columnWidths[index]!,
  );
  for (let columns = grid.columns.length; columns >= 1; columns--) {
    const widths = columnWidths.slice(0, columns);
    // Borders: one more than there are columns.
    let excess = widths.reduce((sum, w) => sum + w, columns + 1) - width;
    while (excess > 0) {
      const narrowable = widths.map((w, index) => (w > floor[index]! ? index : -1)).filter((index) => index >= 0);
      if (narrowable.length === 0) break;
      const widestText = narrowable.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
      widths[widestText]! -= 1;
      excess -= 1;
    }
    if (excess <= 0 || columns === 1) {
      const kept = { columns: grid.columns.slice(0, columns), rows: grid.rows.map((cells) => cells.slice(0, columns)) };
      // A single column wider than the terminal: its text is broken wherever it must be.
      return table(kept, colour, excess <= 0 ? widths : [Math.max(4, widths[0]! - excess)]);
    }
  }
  return natural;
}

function facts(list: readonly Fact[], colour: ChalkInstance): string {
  return list.map(({ label, value }) => `${colour.dim(`${label}:`)} ${cell(value, colour)}`).join('\n');
}

function block(content: Block, colour: ChalkInstance, width: number | undefined): string | undefined {
  switch (content.kind) {
    case 'heading':
      return colour.bold(plainText(content.text));
    case 'paragraph':
      return width === undefined ? plainText(content.text) : wrapAnsi(plainText(content.text), width, { hard: true });
    case 'facts':
      return width === undefined ? facts(content.facts, colour) : wrapAnsi(facts(content.facts, colour), width, { hard: true });
    case 'grid':
      return width === undefined ? table(content.grid, colour) : fittedTable(content.grid, colour, width);
    case 'long-grid': {
      // A terminal table is as wide as its widest cell: its rows are needed at once.
      const grid = { columns: content.grid.columns, rows: [...content.grid.rows] };
      return width === undefined ? table(grid, colour) : fittedTable(grid, colour, width);
    }
    case 'chart':
    case 'figure':
      // The tables beside it carry the same numbers; a terminal has no use for a drawing instruction.
      return undefined;
  }
}

/** `width`: the terminal's columns, which every line then fits (the walkthrough's end screen); none: tables as wide as they are. */
export function renderTerminal(blocks: readonly Block[], colour: ChalkInstance, { width }: { readonly width?: number } = {}): string {
  let text = '';
  let afterHeading = true;
  for (const content of blocks) {
    const drawn = block(content, colour, width);
    if (drawn === undefined) continue;
    // A heading sits directly on what it heads; a blank line separates everything else.
    text += `${afterHeading ? '' : '\n'}${drawn}\n`;
    afterHeading = content.kind === 'heading';
  }
  return text;
}
