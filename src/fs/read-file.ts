// The one reader of every file the tool opens to check (audits, checklists, candidates in checklist
// folders, survey exports): size and kind are checked before a byte is read; YAML must be UTF-8 text.
// Whatever is odd about a file ends in a finding, never in an exception or a stalled read.
import { readdir, readFile, stat } from 'node:fs/promises';
import { FILE_START, findingAt, type Finding } from '../shared/findings.js';
import { pathToOpen } from './file-names.js';

/** Files larger than this are refused unread: real checklists and audits are a few kilobytes. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * The bytes of a regular file within the size limit. Size and kind are checked before reading, so a
 * huge file, a device such as /dev/zero or a pipe with no writer never stalls the batch.
 */
export async function readBytes(file: string, maxFileBytes: number): Promise<{ bytes: Uint8Array } | { finding: Finding }> {
  const unreadable = (reason: string) => ({ finding: findingAt(file, FILE_START, 'unreadable', { reason }) });
  const where = await pathToOpen(file);
  const info = await stat(where).catch((error: unknown) => errorCode(error));
  if (typeof info === 'string') return unreadable(info);
  // A folder reaches here only when a folder walk could not list it (discover.ts): say why it could not.
  if (info.isDirectory()) return unreadable(await readdir(where).then(() => 'EISDIR', errorCode));
  if (!info.isFile()) return { finding: findingAt(file, FILE_START, 'not-a-file') };
  if (info.size > maxFileBytes) return { finding: findingAt(file, FILE_START, 'too-large', { size: info.size, limit: maxFileBytes }) };
  return readFile(where).then(
    (bytes) => ({ bytes }),
    (error: unknown) => unreadable(errorCode(error)),
  );
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
export async function readText(file: string, maxFileBytes: number): Promise<{ text: string } | { finding: Finding }> {
  const read = await readBytes(file, maxFileBytes);
  return 'finding' in read ? read : decodeText(file, read.bytes);
}
