// How wide text is on a terminal, and wrapping it to a width, for Chinese as well as English: a
// Chinese character takes two columns, and Chinese text has no spaces, so it breaks between
// characters — but never before a closing mark (a comma, a full stop, a bracket or quote that
// closes) nor after an opening one.

import { createRequire } from 'node:module';

// East Asian Wide and Fullwidth characters (Unicode UAX #11) that text in our languages uses: where
// a line may break between characters (their width is string-width's to say).
const WIDE = '\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA000-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF01-\\uFF60\\uFFE0-\\uFFE6\\u{20000}-\\u{3FFFD}';
// Both the ASCII marks our Chinese text uses and their full-width forms.
const CLOSING = ',.;:?!)\\uFF0C\\u3002\\u3001\\uFF1B\\uFF1A\\uFF1F\\uFF01\\uFF09\\u3011\\u300B\\u300D\\u300F\\u201D\\u2019\\u2026';
const OPENING = '(\\uFF08\\u3010\\u300A\\u300C\\u300E\\u201C\\u2018';

// A piece that a line may break before or after: a word of narrow characters, or one wide
// character, each with the marks that must stay on its line; or a run of spaces between them.
const PIECE = new RegExp(`\\s+|[${OPENING}]*(?:[^\\s${WIDE}]+|[^\\s${OPENING}${CLOSING}])[${CLOSING}]*|[${OPENING}]+[${CLOSING}]*|[^\\s]`, 'gu');
// Marks alone (`（。`) are one piece; a piece that starts with a closing mark stays on the line before it.
const STARTS_CLOSING = new RegExp(`^[${CLOSING}]`, 'u');

// string-width loads Unicode tables and compiles large patterns: a quarter of the time `--version`
// takes, for help in Chinese and terminal tables only. So it loads on first use; require() of an
// ES module is synchronous, and without a warning, from Node 20.19, our floor.
let stringWidth: ((text: string) => number) | undefined;

/** Terminal columns the text takes: two for a wide character, none for an escape sequence. */
export function displayWidth(text: string): number {
  stringWidth ??= (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  return stringWidth(text);
}

/**
 * The text with line breaks so that no line is wider than `width`, except a line of one word that
 * is wider on its own (or a closing mark's column beyond it, rather than a line starting with one). Breaks already in the text are kept; the spaces where a line breaks go.
 */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      let lineWidth = 0;
      let space = false;
      for (const piece of paragraph.match(PIECE) ?? []) {
        if (/^\s/.test(piece)) {
          space = lineWidth > 0;
          continue;
        }
        const pieceWidth = displayWidth(piece);
        const gap = space ? 1 : 0;
        const fits = lineWidth + gap + pieceWidth <= width || (gap === 0 && STARTS_CLOSING.test(piece));
        if (lineWidth > 0 && !fits) {
          lines.push(line);
          [line, lineWidth] = [piece, pieceWidth];
        } else {
          line += `${gap ? ' ' : ''}${piece}`;
          lineWidth += gap + pieceWidth;
        }
        space = false;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
