// Columns named the way a map names them: by header text, compared trimmed with white space
// collapsed (form tools wrap long questions over lines and pad them), or by 1-based number.
import type { FindingCode, FindingParams } from '../shared/findings.js';

export function headerKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Headers quoted back in a message: enough to recognise each, not the whole questionnaire. */
const SHOWN_HEADERS = 12;
const SHOWN_HEADER_LENGTH = 30;
function shownHeaders(headers: readonly string[]): string[] {
  const shown = headers.slice(0, SHOWN_HEADERS).map((header) => {
    const key = headerKey(header);
    return key.length > SHOWN_HEADER_LENGTH ? `${key.slice(0, SHOWN_HEADER_LENGTH - 1)}…` : key;
  });
  return headers.length > SHOWN_HEADERS ? [...shown, '…'] : shown;
}

export type ColumnLookup = { readonly index: number } | { readonly code: FindingCode; readonly params: FindingParams };

/** The 0-based index of the column a map names, or why there is none. */
export function findColumn(column: string | number, headers: readonly string[]): ColumnLookup {
  if (typeof column === 'number') {
    return column <= headers.length ? { index: column - 1 } : { code: 'column-out-of-range', params: { column, count: headers.length } };
  }
  const wanted = headerKey(column);
  const indexes = headers.flatMap((header, index) => (headerKey(header) === wanted ? [index] : []));
  if (indexes.length === 1) return { index: indexes[0]! };
  if (indexes.length > 1) return { code: 'ambiguous-column', params: { column, numbers: indexes.map((index) => String(index + 1)) } };
  return { code: 'unknown-column', params: { column, headers: shownHeaders(headers) } };
}
