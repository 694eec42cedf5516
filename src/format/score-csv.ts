// `score --format csv`: long form, one row per audit and node, for spreadsheets and BI tools to pivot.
// RFC 4180: CRLF line ends, and a field holding a comma, quote, line break, semicolon or tab is quoted
// with its quotes doubled. Built in pieces (the header line, then each audit's lines) so that a
// caller can write every audit as soon as it is scored; `renderScoreCsv` is the pieces joined.
//
// The header starts with a UTF-8 byte order mark, always: this format is the one for spreadsheets,
// and Excel reads a CSV without one in the local code page, garbling every Chinese site name. Scripts
// have JSON; CSV readers that do not skip the mark (rare: Python's csv with encoding='utf-8-sig',
// pandas and R's readr all do) can strip three bytes.
import type { AuditResult, ItemResult, Measured } from '../core/score-types.js';
import { checklistKey } from '../core/summarize.js';
import { plainText } from '../shared/plain-text.js';

export const UTF8_BOM = '\uFEFF';

const HEADER = ['file', 'site', 'auditor', 'date', 'status', 'checklist', 'level', 'id', 'value', 'score', 'expected', 'gap', 'adequate', 'msa', 'zone'] as const;

// A cell a spreadsheet would read as a formula (or, for tab and CR, one that some import paths strip
// down to a formula). OWASP's advice: make it text with a leading single quote, which spreadsheets
// show as the text itself.
const FORMULA_START = /^[=+\-@\t\r]/;
// Where a spreadsheet may split a cell: the list separator of many locales (de, fr, es, it, ru) is
// `;`, and tab-separated imports split on tabs, whatever the quoting.
const SPLIT = /([;\t])/;

/** Every piece a `;` or tab split would expose, neutralised against formula injection on its own. */
function neutralised(value: string): string {
  return value
    .split(SPLIT)
    .map((piece, index) => (index % 2 === 0 && FORMULA_START.test(piece) ? `'${piece}` : piece))
    .join('');
}

/**
 * A text cell: anything that came from a file (file name, site, auditor, date, checklist, ids, text
 * answers), made plain (no control characters, for a CSV printed to a terminal), neutralised against
 * formula injection, then quoted as RFC 4180 asks.
 */
function text(value: string): string {
  const safe = neutralised(plainText(value));
  return /[",\r\n;\t]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Two decimals for a spreadsheet's eye, halves away from zero, and never "-0". */
function rounded(value: number): string {
  const result = (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
  return String(result === 0 ? 0 : result);
}

/** Our own numbers, never file text, so a negative gap such as `-12.5` stays a plain number. */
function numbers(measured: Measured | undefined): string[] {
  if (!measured) return ['', '', '', '', '', ''];
  const { adequate, msa, zone } = measured;
  const tolerance = adequate !== undefined && msa !== undefined && zone !== undefined ? [rounded(adequate), rounded(msa), zone] : ['', '', ''];
  return [rounded(measured.score), rounded(measured.expected), rounded(measured.gap), ...tolerance];
}

/** The answer as the audit gives it: a number or true/false as is, text as a text cell, `na` for not applicable. */
function value(item: ItemResult): string {
  if ('na' in item) return 'na';
  return typeof item.value === 'string' ? text(item.value) : String(item.value);
}

/** A line: `lead`, the audit's own cells made once for all its lines, then the level, the id, the answer and the numbers. */
function line(lead: string, level: string, id: string, answer: string, nums: readonly string[]): string {
  return `${lead},${level},${text(id)},${answer},${nums.join(',')}\r\n`;
}

/** The header line, with the byte order mark that makes spreadsheets read UTF-8, CRLF included. */
export function scoreCsvHeader(): string {
  return `${UTF8_BOM}${HEADER.join(',')}\r\n`;
}

/**
 * All lines of one audit, each ending in CRLF. Ids are paths (`section`, `section/factor`,
 * `section/factor/item`) because factor ids are unique only within their section; the audit's own
 * row has an empty id. Only item rows carry a value; an `na` item has no numbers.
 */
export function scoreCsvAuditLines(result: AuditResult): string {
  const lead = [result.file, result.site, result.auditor, result.date, result.status, checklistKey(result.checklist.id, result.checklist.version)]
    .map(text)
    .join(',');
  let out = line(lead, 'audit', '', '', numbers(result));
  for (const section of result.sections) {
    out += line(lead, 'section', section.id, '', numbers(section));
    for (const factor of section.factors) {
      out += line(lead, 'factor', `${section.id}/${factor.id}`, '', numbers(factor));
      for (const item of factor.items) {
        out += line(lead, 'item', `${section.id}/${factor.id}/${item.id}`, value(item), numbers('na' in item ? undefined : item));
      }
    }
  }
  return out;
}

export function renderScoreCsv(audits: readonly AuditResult[]): string {
  return scoreCsvHeader() + audits.map(scoreCsvAuditLines).join('');
}
