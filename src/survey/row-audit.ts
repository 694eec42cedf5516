// One data row of an export made into an audit as the map says, with the place every part came from
// (a cell, or a constant in the map), so that the audit checks of src/load/ can name the cell a
// finding is about. Cells are only turned into the types their items take; whether they fit
// (inside the scale, a number at all) is for those checks to say.
import path from 'node:path';
import { itemsOf } from '../model/checklist.js';
import { isScored, typeOf } from '../model/item-types/index.js';
import { ITEM_FIELDS, RATINGS } from '../model/vocabulary.js';
import { isAnswered, NA, toAnswer, type AnswerValue } from '../model/responses.js';
import type { Audit, Item, ItemField, Response, ResponseDetail } from '../model/types.js';
import { findingAt, type Finding } from '../shared/findings.js';
import type { DataPath, Place } from '../yaml/source.js';
import type { FieldSource, ResolvedMap } from './map-columns.js';
import type { Table, TableRow } from './table.js';

export interface RowAudit {
  readonly audit: Audit;
  /** Where the part of the audit at a path came from. */
  readonly locate: (path: DataPath) => Place;
  /** Cells that cannot become an answer at all (a check answer the map's values do not know). */
  readonly findings: readonly Finding[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const TRUE_FALSE: Record<string, boolean> = { true: true, false: false };

/** A cell as a number when it is one; otherwise the text, which the checks then refuse with what is allowed. */
function numberOrText(cell: string): number | string {
  return NUMBER.test(cell) ? Number(cell) : cell;
}

// ISO dates and date-times, with a space for the T as spreadsheets and form tools write them, and with
// slashes (2026/11/20 14:33), as Chinese and Japanese form tools export them.
const DATE_IN_CELL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The date of a date or date-time cell; anything else is kept for the date check to refuse. */
export function dateOfCell(cell: string): string {
  const match = DATE_IN_CELL.exec(cell);
  if (!match) return cell;
  const [, year, month, day] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The checklist as the written audits name it: by id and version, or by a path from the folder they are written to. */
export function checklistReference(resolved: ResolvedMap, outDir: string): Audit['checklist'] {
  const { map, checklist } = resolved.checked;
  if (typeof map.checklist !== 'string') return map.checklist;
  return path.relative(path.resolve(outDir), checklist.file).split(path.sep).join('/');
}

export function rowAudit(table: Table, row: TableRow, resolved: ResolvedMap, reference: Audit['checklist']): RowAudit {
  const { map } = resolved.checked;
  const cell = (column: number) => (row.cells[column] ?? '').trim();
  const cellPlace = (column: number): Place => ({ file: table.file, line: row.number, col: column + 1 });
  const fieldText = (source: FieldSource) => ('constant' in source ? source.constant : cell(source.column));
  const fieldPlace = (source: FieldSource) => ('constant' in source ? source.place : cellPlace(source.column));
  const naTexts = new Set((map.values?.na ?? []).map((text) => text.trim().toLowerCase()));
  const answerTexts = new Map(
    Object.entries(map.values ?? {}).flatMap(([text, answer]) => (typeof answer === 'boolean' ? [[text.trim().toLowerCase(), answer] as const] : [])),
  );
  const findings: Finding[] = [];

  const answerOf = (item: Item, column: number): AnswerValue | undefined => {
    const text = cell(column);
    if (text === '') return map.missing === 'skip' ? undefined : NA;
    const lower = text.toLowerCase();
    if (naTexts.has(lower)) return NA;
    switch (typeOf(item).name) {
      case 'likert':
      case 'measure':
        return numberOrText(text);
      case 'check': {
        const answer = answerTexts.get(lower) ?? TRUE_FALSE[lower];
        if (answer !== undefined) return answer;
        const allowed = [...Object.keys(map.values ?? {}).filter((key) => key !== 'na'), ...(map.values?.na ?? [])];
        findings.push(findingAt(table.file, cellPlace(column), 'unknown-answer-text', { item: item.id, value: text, allowed: allowed.length > 0 ? allowed : ['true', 'false'] }));
        return undefined;
      }
      case 'text':
        return text;
    }
  };

  const responses: Record<string, Response> = {};
  for (const [id, { item, columns }] of resolved.items) {
    const value = columns.value === undefined ? undefined : answerOf(item, columns.value);
    const detail: { -readonly [K in keyof ResponseDetail]: ResponseDetail[K] } = {};
    if (value !== undefined) detail.value = value;
    for (const key of RATINGS) {
      const column = columns[key];
      const text = column === undefined ? '' : cell(column);
      // A text here is kept as it is: the shape check refuses it, at this cell, as not a number.
      if (text !== '') (detail as Record<string, unknown>)[key] = numberOrText(text);
    }
    const note = columns.note === undefined ? '' : cell(columns.note);
    if (note !== '') detail.note = note;
    const keys = Object.keys(detail);
    if (keys.length === 0) continue;
    responses[id] = keys.length === 1 && value !== undefined ? value : detail;
  }

  // Complete when every scored item has its answer (`missing: skip` and items the map leaves out make drafts).
  const complete = [...itemsOf(resolved.checked.checklist.checklist)].every(
    (item) => !isScored(item) || (Object.hasOwn(responses, item.id) && isAnswered(toAnswer(responses[item.id]!))),
  );
  const audit: Audit = {
    checklist: reference,
    site: fieldText(resolved.site),
    auditor: fieldText(resolved.auditor),
    date: 'constant' in resolved.date ? resolved.date.constant : dateOfCell(cell(resolved.date.column)),
    status: complete ? 'complete' : 'draft',
    responses,
  };

  const locate = (at: DataPath): Place => {
    const [top, id, field] = at;
    if (top === 'site') return fieldPlace(resolved.site);
    if (top === 'auditor') return fieldPlace(resolved.auditor);
    if (top === 'date') return fieldPlace(resolved.date);
    if (top === 'responses' && typeof id === 'string') {
      const columns = resolved.items.get(id)?.columns ?? {};
      const key: ItemField = ITEM_FIELDS.includes(field as ItemField) ? (field as ItemField) : 'value';
      const column = columns[key] ?? columns.value;
      if (column !== undefined) return cellPlace(column);
    }
    return { file: table.file, line: row.number, col: 1 };
  };
  return { audit, locate, findings };
}
