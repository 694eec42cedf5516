// Rows made into audits: whatever fitting cells a row holds, its audit passes the audit checks and
// says what the cells say; a cell that does not fit is found at its own row and column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMapSource, type CheckedMap } from '../../src/load/map-check.js';
import { parseYaml } from '../../src/yaml/source.js';
import { checkRow } from '../../src/survey/import-rows.js';
import { resolveColumns, type ResolvedMap } from '../../src/survey/map-columns.js';
import { dateOfCell, rowAudit } from '../../src/survey/row-audit.js';
import type { Table } from '../../src/survey/table.js';
import { HEADERS } from '../fixtures/import/make-fixtures.js';
import { ROOT } from '../helpers/cli.js';
import { testLibrary } from '../helpers/library.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const library = testLibrary({ dirs: [path.join(FIXTURES, 'checklists')] });
const mapFile = path.join(FIXTURES, 'survey.map.yaml');

async function resolvedMap(): Promise<ResolvedMap> {
  const parsed = parseYaml(mapFile, readFileSync(mapFile, 'utf8'));
  if (!parsed.ok) throw new Error('the fixture map parses');
  const { map } = await checkMapSource(parsed.source, library);
  const { resolved } = resolveColumns(map as CheckedMap, HEADERS);
  if (!resolved) throw new Error('the fixture map fits the fixture headers');
  return resolved;
}

async function findingsOf(table: Table, cells: string[], resolved: ResolvedMap) {
  const reference = { id: 'mini-survey', version: '1.0.0' };
  const made = rowAudit(table, { number: 7, cells }, resolved, reference);
  const { findings } = await checkRow(table, { number: 7, cells }, { resolved, library, outDir: FIXTURES, reference });
  return { audit: made.audit, findings };
}

const table: Table = { file: 'survey.csv', headers: HEADERS, rows: [] };
const point = fc.oneof(fc.integer({ min: 1, max: 5 }).map(String), fc.constant(''));

describe('rowAudit', () => {
  it('makes every row of fitting cells an audit that passes the checks and says what the cells say', async () => {
    const resolved = await resolvedMap();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          friendly: point,
          quick: point,
          expected: point,
          importance: point,
          clean: fc.constantFrom('Yes', 'no', 'N/A', ''),
          wait: fc.oneof(fc.integer({ min: 0, max: 90 }).map(String), fc.constant('')),
          remarks: fc.string({ maxLength: 20 }),
          date: fc.constantFrom('2026-11-20', '2026/1/5 08:00', '2026-11-21T18:00:00+08:00'),
        }),
        async (cell) => {
          const cells = [cell.date, 'Store 1', cell.friendly, cell.quick, cell.expected, cell.importance, cell.clean, cell.wait, cell.remarks];
          const { audit, findings } = await findingsOf(table, cells, resolved);
          expect(findings).toEqual([]);
          expect(audit.status).toBe('complete');
          const answer = (text: string) => (text === '' ? 'na' : Number(text));
          const friendly = audit.responses.friendly;
          if (cell.expected === '') expect(friendly).toBe(answer(cell.friendly));
          else expect(friendly).toEqual({ value: answer(cell.friendly), expected: Number(cell.expected) });
          expect(audit.responses.clean).toBe({ Yes: true, no: false, 'N/A': 'na', '': 'na' }[cell.clean]);
          expect(audit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a cell that does not fit at its row and column', async () => {
    const resolved = await resolvedMap();
    const cells = ['someday', '', 'six', '4', '0', '5', 'Maybe', 'soon', ''];
    const { findings } = await findingsOf(table, cells, resolved);
    expect(findings.map(({ code, line, column }) => `${line}:${column} ${code}`).sort()).toEqual(
      ['7:1 bad-date', '7:2 empty', '7:3 bad-value', '7:5 expected-outside-scale', '7:7 unknown-answer-text', '7:8 bad-value'].sort(),
    );
  });
});

describe('dateOfCell', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-11-20 14:33', '2026-11-20'],
    ['2026/1/5 8:03:09', '2026-01-05'],
    ['2026-11-20T14:33:02.5+08:00', '2026-11-20'],
    ['20.11.2026', '20.11.2026'],
  ])('%s → %s', (cell, date) => {
    expect(dateOfCell(cell)).toBe(date);
  });
});
