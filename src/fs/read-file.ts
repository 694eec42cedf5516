// The one reader of every file the tool opens to check (audits, checklists, candidates in checklist
// folders, survey exports): size and kind are checked before a byte is read; YAML must be UTF-8 text.
// Whatever is odd about a file ends in a finding, never in an exception or a stalled read.
// Reads are synchronous: a small file comes from the page cache in microseconds, far less than the
// four thread-pool round trips of fs/promises (stat, open, read, close) that used to be the fixed
// cost of every file in a batch (issue 15); O_NONBLOCK keeps pipes and devices from stalling it.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { FILE_START, findingAt, type Finding } from '../shared/findings.js';
import { pathToOpenSync } from './file-names.js';

/** Files larger than this are refused unread: real checklists and audits are a few kilobytes. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

// Opening never waits: a FIFO with no writer opens at once in non-blocking mode, and is then refused
// by its kind; the kind and size come from the open file itself, so nothing can change in between.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A file's bytes, or the finding that refuses it unread. */
export type FileRead = { bytes: Uint8Array } | { finding: Finding };

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
const unreadable = (file: string, reason: string): FileRead => ({ finding: findingAt(file, FILE_START, 'unreadable', { reason }) });
const tooLarge = (file: string, size: number, limit: number): FileRead => ({ finding: findingAt(file, FILE_START, 'too-large', { size, limit }) });

/** The finding that refuses a file of this kind and size, or undefined when it may be read. */
function refusal(file: string, info: Stats, maxFileBytes: number, openCode?: string): FileRead | undefined {
  // A folder reaches here only when a folder walk could not list it (discover.ts): say why it could not.
  if (info.isDirectory()) return unreadable(file, openCode ?? 'EISDIR');
  if (!info.isFile()) return { finding: findingAt(file, FILE_START, 'not-a-file') };
  if (info.size > maxFileBytes) return tooLarge(file, info.size, maxFileBytes);
  return undefined;
}

/**
 * Why a file that would not open is refused: what its kind and size say first (a socket will not
 * open, but is refused as not a file; a huge file as too large), else the reason it would not open.
 */
function openFailure(file: string, openError: unknown, info: Stats | string, maxFileBytes: number): FileRead {
  const code = errorCode(openError);
  if (typeof info === 'string') return unreadable(file, info);
  return refusal(file, info, maxFileBytes, code) ?? unreadable(file, code);
}

/** Room for the whole file and one byte more, so that a file that grew since fstat shows it. */
const bufferFor = (info: Stats, maxFileBytes: number) => Buffer.allocUnsafe(Math.min(info.size, maxFileBytes) + 1);

/** The next buffer when a read filled `buffer`; undefined when the file is over the limit. */
function grown(buffer: Buffer, maxFileBytes: number): Buffer | undefined {
  if (buffer.length > maxFileBytes) return undefined;
  const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxFileBytes + 1));
  buffer.copy(bigger);
  return bigger;
}

/** The bytes of a regular file within the size limit (survey exports are read as bytes). */
export function readBytes(file: string, maxFileBytes: number): FileRead {
  const where = pathToOpenSync(file);
  let fd: number;
  try {
    fd = openSync(where, OPEN_FLAGS);
  } catch (error) {
    let info: Stats | string;
    try {
      info = statSync(where);
    } catch (statError) {
      info = errorCode(statError);
    }
    return openFailure(file, error, info, maxFileBytes);
  }
  try {
    const info = fstatSync(fd);
    const refused = refusal(file, info, maxFileBytes);
    if (refused) return refused;
    let buffer: Buffer = bufferFor(info, maxFileBytes);
    let length = 0;
    for (let read; (read = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) {
      length += read;
      if (length < buffer.length) continue;
      const next = grown(buffer, maxFileBytes);
      if (!next) return tooLarge(file, length, maxFileBytes);
      buffer = next;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return unreadable(file, errorCode(error));
  } finally {
    closeSync(fd);
  }
}

// YAML's line breaks: CRLF, LF, and a lone CR (old Mac files, some spreadsheet exports).
const LINE_BREAK = /\r\n|\r|\n/;

function positionInText(text: string, offset: number): { line: number; col: number } {
  const lines = text.slice(0, offset).split(LINE_BREAK);
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}

// Windows tools ("Unicode" in Notepad, Excel's "Unicode text") write UTF-16 with one of these marks.
const UTF16_MARKS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
] as const;

/** Decodes strictly: a file that is not UTF-8 is refused with the place of its first bad byte. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { finding: Finding } {
  if (UTF16_MARKS.some(([first, second]) => bytes[0] === first && bytes[1] === second)) {
    return { finding: findingAt(file, FILE_START, 'not-utf8') };
  }
  if (bytes.includes(0)) return { finding: findingAt(file, FILE_START, 'binary-file') };
  try {
    // A UTF-8 byte order mark is dropped here, so columns on the first line count from the text.
    return { text: UTF8.decode(bytes) };
  } catch {
    const lenient = UTF8_LENIENT.decode(bytes);
    return { finding: findingAt(file, positionInText(lenient, Math.max(0, lenient.indexOf('\uFFFD'))), 'not-utf8') };
  }
}

/** A file's bytes as text, or the finding that says why there is none. */
export function readTextSync(file: string, maxFileBytes: number): { text: string } | { finding: Finding } {
  const read = readBytes(file, maxFileBytes);
  return 'finding' in read ? read : decodeText(file, read.bytes);
}
