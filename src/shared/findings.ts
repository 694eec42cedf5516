// A finding is data: what is wrong (a stable code and its parameters) and where. Turning it into
// words in the user's language is the formatters' job (src/format/findings.ts, src/format/finding-messages.ts).

/** Every code, so that tests and tools can tell a known code from anything else. */
export const FINDING_CODES = [
  'yaml-syntax',
  'duplicate-key',
  'not-utf8',
  'binary-file',
  'empty-file',
  'unknown-kind',
  'unreadable',
  'not-a-file',
  'too-large',
  'too-deep',
  'too-many-aliases',
  'bad-alias',
  'forbidden-key',
  'multiple-documents',
  'missing-key',
  'unknown-key',
  'wrong-type',
  'not-allowed',
  'bad-id',
  'bad-version',
  'bad-format',
  'bad-date',
  'out-of-range',
  'empty',
  'duplicate-id',
  'bad-scale',
  'scale-too-long',
  'missing-scale',
  'label-outside-scale',
  'expected-outside-scale',
  'adequate-outside-scale',
  'adequate-above-expected',
  'importance-not-on-scale',
  'key-not-for-type',
  'target-beyond-limit',
  'checklist-not-found',
  'checklist-invalid',
  'version-mismatch',
  'checklist-ambiguous',
  'unknown-item',
  'bad-value',
  'na-with-value',
  'unanswered',
  // svc-audit import: the export and the map that reads it
  'table-not-utf8',
  'table-syntax',
  'empty-table',
  'unknown-column',
  'ambiguous-column',
  'column-out-of-range',
  'unknown-answer-text',
  'audit-exists',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParams = Record<string, string | number | readonly string[]>;

export interface Finding {
  readonly code: FindingCode;
  readonly file: string;
  /** 1-based, as editors count. */
  readonly line: number;
  /** 1-based, counted in characters as editors count. */
  readonly column: number;
  readonly params: FindingParams;
}

/** Where a finding about a file as a whole points: its first character. */
export const FILE_START = { line: 1, col: 1 } as const;

export function findingAt(
  file: string,
  position: { readonly line: number; readonly col: number },
  code: FindingCode,
  params: FindingParams = {},
): Finding {
  return { code, file, line: position.line, column: position.col, params };
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
