// Findings about the cells of a survey export, as text: each names its row and column and the
// column's header, so the user finds the cell without counting columns.
import type { Finding } from '../shared/findings.js';
import { t, type Lang } from '../shared/lang.js';
import { plainLine } from '../shared/plain-text.js';
import { describeFinding } from './finding-messages.js';

const SHOWN_HEADER = 40;

function shownHeader(header: string): string {
  const line = plainLine(header.trim().replace(/\s+/gu, ' '));
  return line.length > SHOWN_HEADER ? `${line.slice(0, SHOWN_HEADER - 1)}…` : line;
}

/** `FILE:row:column: column "header": message [code]`, one line each; `headers` are the export's. */
export function renderCellFindings(findings: readonly Finding[], headers: readonly string[], lang: Lang): string {
  return findings
    .map((finding) => {
      const header = headers[finding.column - 1];
      const where = header === undefined || header.trim() === '' ? '' : t(lang, `列 “${shownHeader(header)}”:`, `column "${shownHeader(header)}": `);
      return `${plainLine(finding.file)}:${finding.line}:${finding.column}: ${where}${describeFinding(finding, lang)} [${finding.code}]\n`;
    })
    .join('');
}
