import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatGap, formatScore, gridBlock, heading, left, longGridBlock, paragraph, right, ROWS_AT_A_TIME, text, toneOf, type Block, type Page } from '../../src/format/document.js';
import { markdownPage, renderMarkdown } from '../../src/format/document-markdown.js';
import { htmlPage } from '../../src/format/document-html.js';
import { renderTerminal } from '../../src/format/document-terminal.js';

describe('numbers for people', () => {
  it('rounds to one decimal', () => {
    expect(formatScore(81.25)).toBe('81.3');
    expect(formatScore(66.66666666666667)).toBe('66.7');
    expect(formatScore(100)).toBe('100.0');
    expect(formatScore(0)).toBe('0.0');
  });

  it('signs gaps, and never shows a shortfall that rounds away as -0.0', () => {
    expect(formatGap(-4.75)).toBe('-4.8');
    expect(formatGap(3)).toBe('+3.0');
    expect(formatGap(-0.04)).toBe('0.0');
    expect(formatGap(1.4210854715202004e-14)).toBe('0.0');
  });
});

describe('toneOf', () => {
  it('tells a met expectation, a near miss (within 10 points) and a far one apart', () => {
    expect(toneOf(0)).toBe('met');
    expect(toneOf(2.5)).toBe('met');
    expect(toneOf(-0.1)).toBe('near');
    expect(toneOf(-10)).toBe('near');
    expect(toneOf(-10.1)).toBe('far');
  });
});

describe('long grids', () => {
  const columns = [left('Site'), right('Score')];
  const rowOf = (index: number) => [text(`Store <${index}> | ${index}`), { text: formatScore(index / 3), tone: toneOf(index - 50), strong: index % 2 === 0 }];
  const blocksWith = (grid: (rows: number[]) => Block, count: number): Block[] => {
    const rows = Array.from({ length: count }, (_, index) => index);
    return [heading(2, 'History'), grid(rows), paragraph('after')];
  };
  const whole = (rows: number[]) => gridBlock({ columns, rows: rows.map(rowOf) });
  const long = (rows: number[]) => longGridBlock(columns, () => rows, rowOf);

  // Around the runs' length: none, one, a run exactly, a run and one, several runs.
  it.each([0, 1, ROWS_AT_A_TIME, ROWS_AT_A_TIME + 1, 3 * ROWS_AT_A_TIME + 7])('write %i rows a few at a time, the same text as a grid held whole', (count) => {
    const html = htmlPage('en');
    const written = (page: Page, blocks: Block[]) => [...page.piece(blocks, 0), ...page.piece(blocks, 1)].join('');
    expect(written(markdownPage, blocksWith(long, count))).toBe(written(markdownPage, blocksWith(whole, count)));
    expect(written(html, blocksWith(long, count))).toBe(written(html, blocksWith(whole, count)));
    expect(renderMarkdown(blocksWith(long, count))).toBe(renderMarkdown(blocksWith(whole, count)));
    const terminal = new Chalk({ level: 0 });
    expect(renderTerminal(blocksWith(long, count), terminal)).toBe(renderTerminal(blocksWith(whole, count), terminal));
  });

  it('make their rows anew each time they are written, and in runs, not all at once', () => {
    let made = 0;
    const counted = longGridBlock(columns, () => Array.from({ length: 2 * ROWS_AT_A_TIME }, (_, index) => index), (index) => (made++, rowOf(index)));
    const parts = markdownPage.piece([counted], 0)[Symbol.iterator]();
    parts.next(); // the head
    parts.next(); // the first run
    expect(made).toBe(ROWS_AT_A_TIME);
    expect(renderMarkdown([counted])).toBe(renderMarkdown([counted]));
  });
});
