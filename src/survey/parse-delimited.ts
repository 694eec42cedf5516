// CSV and TSV text to records, by csv-parse: quoted fields with commas, doubled quotes and line
// breaks inside, CRLF, LF or CR line ends, rows shorter or longer than the header.
import { CsvError, parse } from 'csv-parse/sync';
import { findingAt, type Finding } from '../shared/findings.js';
import { detectDelimiter } from './delimiter.js';
import { tableOf, type Table } from './table.js';

export function parseDelimited(file: string, text: string): { table: Table } | { finding: Finding } {
  try {
    const records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { table: tableOf(file, records) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const place = { line: Math.max(1, Number(error.lines) || 1), col: 1 };
    return { finding: findingAt(file, place, 'table-syntax', { reason: error.code }) };
  }
}
