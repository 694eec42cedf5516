// A survey or spreadsheet export read from disk into a Table: XLSX by read-excel-file, anything else
// as CSV/TSV text decoded by its byte order mark (UTF-8, UTF-16 LE/BE), else by the encoding the user
// named (iconv-lite: gb18030, gbk, big5, shift_jis, cp949, windows-1252, ...), else as strict UTF-8.
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import readXlsxFile from 'read-excel-file/node';
import { readBytes } from '../fs/read-file.js';
import { FILE_START, findingAt, type Finding } from '../shared/findings.js';
import { parseDelimited } from './parse-delimited.js';
import { tableOf, type Table } from './table.js';

/**
 * Exports of a million answers stay well under this; it keeps a mistaken file (a disk image) from
 * filling memory. A larger SVC_AUDIT_MAX_FILE_BYTES raises it, as the too-large finding says.
 */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

export interface TableOptions {
  /** The text encoding of a CSV without a byte order mark, by any name iconv-lite knows. */
  readonly encoding?: string;
  /** The XLSX sheet, by name or 1-based number; the first sheet when not given. */
  readonly sheet?: string;
  /** The reader's size limit for YAML files (Settings.maxFileBytes); exports may always be MAX_TABLE_BYTES. */
  readonly maxFileBytes?: number;
}

export type TableRead =
  | { readonly table: Table }
  | { readonly finding: Finding }
  | { readonly noSheet: string; readonly sheets: readonly string[] };

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

const BYTE_ORDER_MARKS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

const ZIP_START = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a CSV file: by its byte order mark, else the named encoding, else strict UTF-8. */
export function decodeTable(file: string, bytes: Uint8Array, encoding: string | undefined): { text: string } | { finding: Finding } {
  const marked = BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes));
  if (marked) return { text: iconv.decode(Buffer.from(bytes.subarray(marked.bytes.length)), marked.encoding) };
  if (encoding !== undefined) return { text: iconv.decode(Buffer.from(bytes), encoding) };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    return { finding: findingAt(file, { line, col: 1 }, 'table-not-utf8') };
  }
}

/** An XLSX cell as the text a CSV export of it would hold; dates as ISO dates (or date-times when they have a time). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel keeps times as fractions of a day: 10:15 comes back a hair short of it.
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return String(value);
}

async function readWorkbook(file: string, bytes: Uint8Array, sheet: string | undefined): Promise<TableRead> {
  const buffer = Buffer.from(bytes);
  try {
    if (sheet !== undefined) {
      const sheets = await readXlsxFile(buffer);
      const number = /^\d+$/.test(sheet) ? Number(sheet) : undefined;
      const chosen = sheets.find((s, index) => s.sheet === sheet || index + 1 === number);
      if (!chosen) return { noSheet: sheet, sheets: sheets.map((s) => s.sheet) };
      return { table: tableOf(file, chosen.data.map((row) => row.map(cellText))) };
    }
    const data = await readSheet(buffer);
    return { table: tableOf(file, data.map((row) => row.map(cellText))) };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { finding: findingAt(file, FILE_START, 'unreadable', { reason }) };
  }
}

function readContents(file: string, bytes: Uint8Array, options: TableOptions): TableRead | Promise<TableRead> {
  if (startsWith(bytes, ZIP_START)) return readWorkbook(file, bytes, options.sheet);
  const decoded = decodeTable(file, bytes, options.encoding);
  return 'finding' in decoded ? decoded : parseDelimited(file, decoded.text);
}

export async function readTable(file: string, options: TableOptions): Promise<TableRead> {
  const read = await readBytes(file, Math.max(MAX_TABLE_BYTES, options.maxFileBytes ?? 0));
  if ('finding' in read) return read;
  const table = await readContents(file, read.bytes, options);
  // Nothing but blank cells in the first row: no headers to find columns by.
  if ('table' in table && table.table.headers.every((header) => header.trim() === '')) return { finding: findingAt(file, FILE_START, 'empty-table') };
  return table;
}
