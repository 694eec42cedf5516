// Blocks as text for a terminal: boxed tables whose scores are coloured by how far below expectation
// a node is. Colour comes from the chalk instance given, which is colourless off a terminal or with NO_COLOR.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
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

function table({ columns, rows }: Grid, colour: ChalkInstance): string {
  const drawn = new Table({
    head: columns.map((column) => colour.bold(column.label)),
    colAligns: columns.map((column) => column.align),
    colWidths: columns.map((column, index) => cutWidth(column, rows.map((cells) => cells[index]))),
    truncate: '…',
    // cli-table3 would colour headers and borders itself; all colour here goes through `colour`.
    style: { head: [], border: [] },
    // No rule between body rows: long rankings stay compact and scannable.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  drawn.push(...rows.map((cells) => cells.map((content) => cell(content, colour))));
  return drawn.toString();
}

function facts(list: readonly Fact[], colour: ChalkInstance): string {
  return list.map(({ label, value }) => `${colour.dim(`${label}:`)} ${cell(value, colour)}`).join('\n');
}

function block(content: Block, colour: ChalkInstance): string | undefined {
  switch (content.kind) {
    case 'heading':
      return colour.bold(plainText(content.text));
    case 'paragraph':
      return plainText(content.text);
    case 'facts':
      return facts(content.facts, colour);
    case 'grid':
      return table(content.grid, colour);
    case 'chart':
    case 'figure':
      // The tables beside it carry the same numbers; a terminal has no use for a drawing instruction.
      return undefined;
  }
}

export function renderTerminal(blocks: readonly Block[], colour: ChalkInstance): string {
  let text = '';
  let afterHeading = true;
  for (const content of blocks) {
    const drawn = block(content, colour);
    if (drawn === undefined) continue;
    // A heading sits directly on what it heads; a blank line separates everything else.
    text += `${afterHeading ? '' : '\n'}${drawn}\n`;
    afterHeading = content.kind === 'heading';
  }
  return text;
}
