// `score --format csv`: long form, one row per audit and node, for spreadsheets and BI tools to pivot.
// RFC 4180: CRLF line ends, and a field holding a comma, quote or line break is quoted with its quotes doubled.
// Built in pieces (the header line, then each audit's lines) so that a caller can write every audit
// as soon as it is scored; `renderScoreCsv` is the pieces joined.
import type { AuditResult, Measured } from '../core/score-types.js';
import { checklistKey } from '../core/summarize.js';

const HEADER = ['file', 'site', 'date', 'checklist', 'level', 'id', 'score', 'expected', 'gap'] as const;

// A cell a spreadsheet would read as a formula (or, for tab and CR, one that some import paths strip
// down to a formula). OWASP's advice: make it text with a leading single quote, which spreadsheets
// show as the text itself.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: anything that came from a file (file name, site, date, checklist, ids), neutralised
 * against formula injection, then quoted as RFC 4180 asks.
 */
function text(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Numbers unrounded, as in JSON: a spreadsheet rounds for display, and sums stay exact. They are
 * our own numbers, never file text, so a negative gap such as `-12.5` stays a plain number.
 */
function numbers(measured: Measured | undefined): string[] {
  return measured ? [String(measured.score), String(measured.expected), String(measured.gap)] : ['', '', ''];
}

function line(texts: readonly string[], nums: readonly string[]): string {
  return `${[...texts.map(text), ...nums].join(',')}\r\n`;
}

/** The header line, CRLF included. */
export function scoreCsvHeader(): string {
  return line(HEADER, []);
}

/**
 * All lines of one audit, each ending in CRLF. Ids are paths (`section`, `section/factor`,
 * `section/factor/item`) because factor ids are unique only within their section; the audit's own
 * row has an empty id. An `na` item has no numbers.
 */
export function scoreCsvAuditLines(result: AuditResult): string {
  const audit = [result.file, result.site, result.date, checklistKey(result.checklist.id, result.checklist.version)];
  let out = line([...audit, 'audit', ''], numbers(result));
  for (const section of result.sections) {
    out += line([...audit, 'section', section.id], numbers(section));
    for (const factor of section.factors) {
      out += line([...audit, 'factor', `${section.id}/${factor.id}`], numbers(factor));
      for (const item of factor.items) {
        out += line([...audit, 'item', `${section.id}/${factor.id}/${item.id}`], numbers('na' in item ? undefined : item));
      }
    }
  }
  return out;
}

export function renderScoreCsv(audits: readonly AuditResult[]): string {
  return scoreCsvHeader() + audits.map(scoreCsvAuditLines).join('');
}
