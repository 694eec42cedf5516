// The text of a starting map (`import --init`): every match written out for the user to check, with
// comments saying which header each line came from, and what was left unmatched.
import { itemsOf } from '../model/checklist.js';
import type { Checklist, LocalizedText } from '../model/types.js';
import { plainLine } from '../shared/plain-text.js';
import { headerKey } from './columns.js';
import type { HeaderMatches } from './match-headers.js';

export interface StartingMapInput {
  /** The export as the user named it, for the comment that says how to run the import. */
  readonly tableFile: string;
  /** The map file being written, likewise. */
  readonly mapFile: string;
  readonly headers: readonly string[];
  readonly checklist: Checklist;
  readonly matches: HeaderMatches;
  /** The date written when no column looks like one (the day of the survey is the user's to give). */
  readonly today: string;
}

/** Header texts longer than this are named by column number in the map, and shown cut in its comment. */
const MAX_HEADER_IN_MAP = 120;
const SHOWN_HEADER = 70;

// JSON strings are YAML double-quoted scalars, with every character a header may hold escaped.
const quoted = (text: string) => JSON.stringify(text);
const comment = (text: string) => plainLine(text);

function shownHeader(header: string): string {
  const key = headerKey(header);
  return key.length > SHOWN_HEADER ? `${key.slice(0, SHOWN_HEADER - 1)}…` : key;
}

function itemWords(text: LocalizedText): string {
  return typeof text === 'string' ? text : Object.values(text).join(' / ');
}

export function startingMapText({ tableFile, mapFile, headers, checklist, matches, today }: StartingMapInput): string {
  const counts = new Map<string, number>();
  for (const header of headers) counts.set(headerKey(header), (counts.get(headerKey(header)) ?? 0) + 1);
  const columnRef = (column: number) => {
    const key = headerKey(headers[column] ?? '');
    const byText = key !== '' && key.length <= MAX_HEADER_IN_MAP && counts.get(key) === 1;
    return byText ? `{column: ${quoted(key)}}` : `{column: ${column + 1}}`;
  };
  const named = (column: number) => comment(`column ${column + 1} "${shownHeader(headers[column] ?? '')}"`);
  const field = (name: 'site' | 'auditor' | 'date', constant: string) => {
    const column = matches[name];
    return column === undefined
      ? `${name}: ${constant}   # no column looked like the ${name}: a constant, edit it or give {column: …}`
      : `${name}: ${columnRef(column)}   # ${named(column)}`;
  };
  const lines = [
    comment(`# A starting map for svc-audit import, written by \`svc-audit import --init\` from ${tableFile}`),
    comment(`# for the checklist ${checklist.id} ${checklist.version}. Headers were matched to item texts by likeness:`),
    '# check every line below, then run',
    comment(`#   svc-audit import ${tableFile} --map ${mapFile}`),
    `checklist: {id: ${checklist.id}, version: ${checklist.version}}`,
    field('site', 'Survey'),
    field('auditor', 'Survey'),
    field('date', today),
    'missing: na   # an empty answer cell: na, or skip (left unanswered: the audit is then a draft)',
    'values: {"Yes": true, "No": false, 是: true, 否: false, na: ["N/A", 不适用]}   # cell texts of check answers',
    'items:',
  ];
  for (const item of itemsOf(checklist)) {
    const found = matches.matches.filter((match) => match.item === item.id);
    if (!found.some((match) => match.field === 'value')) continue;
    lines.push(comment(`  # ${item.id}: ${itemWords(item.text)}`));
    for (const match of found) lines.push(comment(`  #   ${match.field} ← ${named(match.column)}`));
    const fields = found.map((match) => `${match.field}: ${columnRef(match.column)}`);
    lines.push(`  ${item.id}: {${fields.join(', ')}}`);
  }
  const unmatchedItems = matches.unmatchedItems;
  if (unmatchedItems.length > 0) {
    lines.push('# Items no header was matched to (give each its column, or leave it out: the audits are then drafts):');
    for (const id of unmatchedItems) lines.push(comment(`#  ${id}: {value: {column: ?}}`));
  }
  if (matches.unmatchedColumns.length > 0) {
    lines.push('# Columns matched to nothing:');
    for (const column of matches.unmatchedColumns) lines.push(comment(`#   ${named(column)}`));
  }
  return `${lines.join('\n')}\n`;
}
