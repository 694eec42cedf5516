// `score --format csv`: long form, one row per audit and node, for spreadsheets and BI tools to pivot.
// RFC 4180: CRLF line ends, and a field holding a comma, quote or line break is quoted with its quotes doubled.
import type { AuditResult, Measured } from '../core/score-types.js';
import { checklistKey } from '../core/summarize.js';

const HEADER = ['file', 'site', 'date', 'checklist', 'level', 'id', 'score', 'expected', 'gap'] as const;

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function line(values: readonly string[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

/** Numbers unrounded, as in JSON: a spreadsheet rounds for display, and sums stay exact. */
function numbers(measured: Measured | undefined): string[] {
  return measured ? [String(measured.score), String(measured.expected), String(measured.gap)] : ['', '', ''];
}

/**
 * Ids are paths (`section`, `section/factor`, `section/factor/item`) because factor ids are unique
 * only within their section; the audit's own row has an empty id. An `na` item has no numbers.
 */
function rows(result: AuditResult): string[][] {
  const audit = [result.file, result.site, result.date, checklistKey(result.checklist.id, result.checklist.version)];
  return [
    [...audit, 'audit', '', ...numbers(result)],
    ...result.sections.flatMap((section) => [
      [...audit, 'section', section.id, ...numbers(section)],
      ...section.factors.flatMap((factor) => [
        [...audit, 'factor', `${section.id}/${factor.id}`, ...numbers(factor)],
        ...factor.items.map((item) => [
          ...audit,
          'item',
          `${section.id}/${factor.id}/${item.id}`,
          ...numbers('na' in item ? undefined : item),
        ]),
      ]),
    ]),
  ];
}

export function renderScoreCsv(audits: readonly AuditResult[]): string {
  return [HEADER, ...audits.flatMap(rows)].map(line).join('');
}
