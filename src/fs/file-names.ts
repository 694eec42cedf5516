// File names are bytes. Most are UTF-8 and are used as they are; a name that is not (Latin-1 or GBK
// names from a Windows zip) would be decoded with U+FFFD in place of its odd bytes, and the mangled
// name opens nothing ("does not exist"). Such a path is carried as text with each odd byte written
// `\xE9` (and a backslash as `\\`), which is how it is shown, and turned back into its bytes to open.
// One ambiguity remains, knowingly: a UTF-8 name that spells `\xE9` itself shows like a name holding
// the byte 0xE9; where both exist in one folder, the UTF-8 one is opened (pathToOpen).
import type { PathLike } from 'node:fs';
import { lstatSync } from 'node:fs';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BACKSLASH = 0x5c;
const ESCAPE = /\\(?:x([0-9A-F]{2})|\\)/g;

const hex = (byte: number) => `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** The bytes of a path as text: itself when UTF-8, otherwise with its odd bytes escaped. */
export function nameFromBytes(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    let text = '';
    for (let at = 0; at < bytes.length; ) {
      const run = validUtf8Run(bytes, at);
      if (run > at) {
        text += UTF8.decode(bytes.subarray(at, run)).replaceAll('\\', '\\\\');
        at = run;
      } else text += hex(bytes[at++]!);
    }
    return text;
  }
}

/** Where the UTF-8 that starts at `from` ends: from itself when the byte there starts no valid sequence. */
function validUtf8Run(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    if (length === 0) break;
    at += length;
  }
  return at;
}

function sequenceLength(bytes: Uint8Array, at: number): number {
  const first = bytes[at]!;
  const length = first < 0x80 ? 1 : first >= 0xc2 && first < 0xe0 ? 2 : first >= 0xe0 && first < 0xf0 ? 3 : first >= 0xf0 && first < 0xf5 ? 4 : 0;
  if (length <= 1) return length;
  try {
    UTF8.decode(bytes.subarray(at, at + length));
    return length;
  } catch {
    return 0;
  }
}

/** A path in the form nameFromBytes gives: escaped text becomes its bytes again, other text is used as it is. */
export function openablePath(file: string): PathLike {
  if (!/\\x[0-9A-F]{2}/.test(file)) return file;
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of file.matchAll(ESCAPE)) {
    parts.push(Buffer.from(file.slice(last, match.index), 'utf8'));
    parts.push(Uint8Array.of(match[1] === undefined ? BACKSLASH : Number.parseInt(match[1], 16)));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(file.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * `file` to open: its bytes when it is in escaped form, unless a file of that very text exists (a
 * UTF-8 name may hold a backslash and `x41` as well as any other characters).
 */
export function pathToOpenSync(file: string): PathLike {
  const bytes = openablePath(file);
  if (bytes === file) return file;
  try {
    lstatSync(file);
    return file;
  } catch {
    return bytes;
  }
}

/** pathToOpenSync for callers that await. */
export async function pathToOpen(file: string): Promise<PathLike> {
  return pathToOpenSync(file);
}
