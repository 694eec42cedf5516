// Every fixture export, whatever its encoding, delimiter or format, reads as the one table it was made from.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTable, readTable } from '../../src/survey/read-table.js';
import { parseDelimited } from '../../src/survey/parse-delimited.js';
import { HEADERS, rows, SITES } from '../fixtures/import/make-fixtures.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const ENCODINGS: Partial<Record<keyof typeof SITES, string>> = { 'survey-gb18030.csv': 'gb18030', 'survey-cp949.csv': 'cp949' };

/** The table the fixture was made from: blank rows left out, the others with their row numbers. */
function expectedTable(name: keyof typeof SITES) {
  const made = rows(SITES[name]);
  // The workbook holds the first date as a date cell, which reads back as an ISO date-time.
  if (name === 'survey.xlsx') made[0]![0] = '2026-11-20T10:15:00';
  return {
    headers: HEADERS,
    rows: made.flatMap((cells, index) => (cells ? [{ number: index + 2, cells }] : [])),
  };
}

describe('readTable', () => {
  it.each(Object.keys(SITES) as (keyof typeof SITES)[])('%s', async (name) => {
    const encoding = ENCODINGS[name];
    const read = await readTable(path.join(FIXTURES, name), encoding ? { encoding } : {});
    expect('table' in read && read.table).toMatchObject(expectedTable(name));
  });

  it('names the first line of a file that is not UTF-8', async () => {
    const file = path.join(FIXTURES, 'survey-gb18030.csv');
    const read = await readTable(file, {});
    // The Chinese site name is on the fourth line of text (the header spans three).
    expect(read).toEqual({ finding: { code: 'table-not-utf8', file, line: 4, column: 1, params: {} } });
  });

  it('refuses an export with no header row', async () => {
    const file = path.join(tmpdir(), `svc-audit-empty-${process.pid}.csv`);
    writeFileSync(file, '\r\n\r\n');
    expect(await readTable(file, {})).toEqual({ finding: { code: 'empty-table', file, line: 1, column: 1, params: {} } });
    rmSync(file);
  });

  it('says which sheets a workbook has when the one asked for is not there', async () => {
    const file = path.join(FIXTURES, 'survey.xlsx');
    expect(await readTable(file, { sheet: 'Sheet9' })).toEqual({ noSheet: 'Sheet9', sheets: ['Answers'] });
    expect(await readTable(file, { sheet: '1' })).toMatchObject({ table: expectedTable('survey.xlsx') });
  });
});

describe('decodeTable', () => {
  it('lets a byte order mark win over a named encoding', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('店')]);
    expect(decodeTable('f', bytes, 'gb18030')).toEqual({ text: '店' });
  });

  it('reads UTF-16 big-endian by its mark', () => {
    expect(decodeTable('f', new Uint8Array([0xfe, 0xff, 0x5e, 0x97]), undefined)).toEqual({ text: '店' });
  });
});

describe('parseDelimited', () => {
  it('reports an unclosed quote at the line where the text ends inside it', () => {
    expect(parseDelimited('f.csv', 'a,b\n1,"2\n3,4\n')).toEqual({
      finding: { code: 'table-syntax', file: 'f.csv', line: 3, column: 1, params: { reason: 'CSV_QUOTE_NOT_CLOSED' } },
    });
  });

  it('keeps ragged rows and numbers rows as the file does, blank ones skipped', () => {
    expect(parseDelimited('f.csv', 'a;b;c\n\n1;2\n;;\n3;4;5;6\n')).toEqual({
      table: { file: 'f.csv', headers: ['a', 'b', 'c'], rows: [{ number: 3, cells: ['1', '2'] }, { number: 5, cells: ['3', '4', '5', '6'] }] },
    });
  });
});
