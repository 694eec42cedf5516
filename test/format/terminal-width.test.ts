// The terminal renderer given a width (the walkthrough's end screen): every line fits, rows never
// break, and no word of a cell is lost or broken while the columns can hold their longest word.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { gridBlock, type Grid } from '../../src/format/document.js';
import { renderTerminal } from '../../src/format/document-terminal.js';

const colour = new Chalk({ level: 0 });
const word = fc.constantFrom('service', 'response', 'speed', 'and', 'efficiency', 'personalisation', '服务响应速度与效率', '等待时间', 'Nanjing', 'Rd');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
const number = fc.double({ min: -100, max: 100, noNaN: true }).map((value) => value.toFixed(1));

const grids = fc.integer({ min: 1, max: 3 }).chain((texts) =>
  fc.record({
    rows: fc.array(fc.tuple(fc.array(words, { minLength: texts, maxLength: texts }), fc.array(number, { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
    texts: fc.constant(texts),
  }),
);

function gridOf({ rows, texts }: { rows: [string[], string[]][]; texts: number }): Grid {
  return {
    columns: [
      ...Array.from({ length: texts }, (_, i) => ({ label: `Text ${i + 1}`, align: 'left' as const })),
      ...['Score', 'Expected', 'Gap'].map((label) => ({ label, align: 'right' as const })),
    ],
    rows: rows.map(([text, numbers]) => [...text, ...numbers].map((content) => ({ text: content }))),
  };
}

describe('tables fitted to a terminal width', () => {
  it('fit every line in the width and keep every word whole, at 80 and 120 columns', () => {
    fc.assert(
      fc.property(grids, fc.constantFrom(80, 120), (data, width) => {
        const drawn = renderTerminal([gridBlock(gridOf(data))], colour, { width });
        expect(drawn.split('\n').filter((line) => stringWidth(line) > width)).toEqual([]);
        const text = drawn.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ');
        for (const [cells] of data.rows) for (const cell of cells) for (const part of cell.split(' ')) expect(text).toContain(part);
      }),
    );
  });

  it('drops the last columns when even narrowed text cannot fit, rather than break a row', () => {
    const grid = gridOf({ rows: [[['personalisation personalisation', 'efficiency efficiency'], ['1.0', '2.0', '3.0']]], texts: 2 });
    const drawn = renderTerminal([gridBlock(grid)], colour, { width: 40 });
    expect(drawn.split('\n').every((line) => stringWidth(line) <= 40)).toBe(true);
    expect(drawn).toContain('personalisation');
    expect(drawn).not.toContain('Gap');
  });

  it('leaves tables as they are without a width (score and report)', () => {
    const grid = gridOf({ rows: [[['a long text '.repeat(12)], ['1.0', '2.0', '3.0']]], texts: 1 });
    const drawn = renderTerminal([gridBlock(grid)], colour);
    expect(drawn.split('\n')).toHaveLength(5);
  });
});
