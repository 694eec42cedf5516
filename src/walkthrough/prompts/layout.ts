// Text laid out by display width, not by characters: a CJK character takes two columns, an escape
// sequence none. wrap-ansi and cli-truncate measure with string-width, which knows both.
import cliTruncate from 'cli-truncate';
import { displayWidth } from '../../shared/text-width.js';
import wrapAnsi from 'wrap-ansi';

/** The terminal the prompts draw on: its width now, and a way to hear when it changes. */
export interface Terminal {
  readonly columns: () => number;
  /** Calls `redraw` whenever the terminal is resized; returns how to stop. */
  readonly onResize: (redraw: () => void) => () => void;
}

// Below this a screen is unusable anyway; wrapping at it keeps the words whole at least.
const NARROWEST = 20;

/**
 * After a resize the terminal has re-flowed what was drawn for the old width, so the prompt's own
 * erase (so many lines up) would leave pieces of it behind. Everything on screen is scrolled into the
 * terminal's history instead (nothing is lost), and the prompt is drawn again from the top.
 */
function scrollAwayScreen(): void {
  const rows = process.stdout.rows || 24;
  process.stdout.write(`\u001b[${rows};1H${'\n'.repeat(rows)}\u001b[H`);
}

export const PROCESS_TERMINAL: Terminal = {
  columns: () => Math.max(NARROWEST, process.stdout.columns || 80),
  onResize: (redraw) => {
    const onResize = () => {
      scrollAwayScreen();
      redraw();
    };
    process.stdout.on('resize', onResize);
    return () => void process.stdout.off('resize', onResize);
  },
};

/**
 * Word-wrapped to `width` columns, each line after the first indented like the first (a hanging
 * indent under `? ` or two spaces); a word longer than a line is broken, as nothing else can be done.
 */
export function wrapLine(line: string, width: number, indent = ''): string[] {
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const hanging = indent || lead;
  const wrapped = wrapAnsi(line.slice(lead.length), Math.max(1, width - displayWidth(hanging)), { hard: true, trim: true });
  return wrapped.split('\n').map((part, index) => (index === 0 ? lead : hanging) + part);
}

export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => (line === '' ? [''] : wrapLine(line, width)));
}

/**
 * Pieces joined by `separator` into lines of at most `width` columns, breaking only between pieces
 * (a key and what it does stay together); a piece wider than a line is wrapped on its own.
 */
export function packLines(pieces: readonly string[], width: number, separator = ' · '): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}${separator}${piece}`;
    if (displayWidth(joined) <= width || current === '') current = joined;
    else {
      lines.push(current);
      current = piece;
    }
  }
  if (current !== '') lines.push(current);
  return lines.flatMap((line) => wrapLine(line, width));
}

/** One line cut to `width` columns with an ellipsis (a title in the record left on screen, a list entry). */
export function fitLine(line: string, width: number): string {
  return cliTruncate(line, Math.max(1, width));
}

