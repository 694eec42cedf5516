import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIMITERS, detectDelimiter } from '../../src/survey/delimiter.js';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\r\n1;2,5;3\r\n', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    // Commas inside quoted headers do not count; the semicolons outside them do.
    ['"Q1, the staff";"Q2, the wait"\n4;5\n', ';'],
    // A quoted header over several lines is one record.
    ['"Q1\nfriendly, quick";Q2\n4;5\n', ';'],
    // One column: nothing tells, so a comma.
    ['answer\n4\n5\n', ','],
    ['', ','],
    // Blank lines are not records.
    ['a;b\n\n\n1;2\n', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('prefers the delimiter that splits every sampled record alike', () => {
    // The header holds two commas in a free-text title but the records agree on tabs.
    expect(detectDelimiter('Name, first, last\tScore\nAnn\t4\nBo\t5\n')).toBe('\t');
  });

  it('finds the delimiter of any table of plain fields with two or more columns', () => {
    const field = fc.stringMatching(/^[A-Za-z0-9 ]{1,8}$/);
    const table = fc.integer({ min: 2, max: 6 }).chain((columns) => fc.array(fc.array(field, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, fc.constantFrom(...DELIMITERS), fc.constantFrom('\n', '\r\n'), (rows, delimiter, lineEnd) => {
        expect(detectDelimiter(rows.map((row) => row.join(delimiter)).join(lineEnd))).toBe(delimiter);
      }),
    );
  });
});
