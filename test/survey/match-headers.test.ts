import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../src/model/types.js';
import { headerKey } from '../../src/survey/columns.js';
import { matchHeaders, MIN_SIMILARITY, similarity } from '../../src/survey/match-headers.js';
import { HEADERS } from '../fixtures/import/make-fixtures.js';
import { ROOT } from '../helpers/cli.js';

const load = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8')) as Checklist;
const mini = load('test/fixtures/import/checklists/mini-survey.yaml');
const servqual = load('checklists/servqual.yaml');

describe('headerKey', () => {
  it('trims and collapses white space, line breaks included', () => {
    expect(headerKey('  Q1.\tStaff  are\r\nfriendly ')).toBe('Q1. Staff are friendly');
  });
});

describe('similarity', () => {
  it('is 1 when the header holds the whole item text, whatever the case, width and punctuation', () => {
    expect(similarity('Q2 importance: SERVICE is quick!', 'Service is quick')).toBe(1);
    expect(similarity('【您的期望】员工为顾客提供及时的服务。', '员工为顾客提供及时的服务')).toBe(1);
  });

  it('is low for unrelated texts and high for close ones', () => {
    expect(similarity('Submitted', 'Staff are friendly')).toBeLessThan(MIN_SIMILARITY);
    expect(similarity('Staff were friendly', 'Staff are friendly')).toBeGreaterThan(MIN_SIMILARITY);
  });
});

describe('matchHeaders', () => {
  it('matches each header of the fixture to its item and rating, and the site and date columns', () => {
    const found = matchHeaders(HEADERS, mini);
    expect(found.matches.map(({ column, item, field }) => ({ column, item, field }))).toEqual([
      { column: 2, item: 'friendly', field: 'value' },
      { column: 3, item: 'quick', field: 'value' },
      { column: 4, item: 'friendly', field: 'expected' },
      { column: 5, item: 'quick', field: 'importance' },
      { column: 6, item: 'clean', field: 'value' },
      { column: 7, item: 'wait', field: 'value' },
      { column: 8, item: 'remarks', field: 'value' },
    ]);
    expect(found).toMatchObject({ site: 1, date: 0, unmatchedColumns: [], unmatchedItems: [] });
  });

  it('matches Chinese SERVQUAL headers in the form’s order, telling perception, expectation, minimum and importance apart', () => {
    const headers = ['序号', '所在网点', '【重要程度】员工为顾客提供及时的服务。', '【您的期望】员工为顾客提供及时的服务。', '【最低可接受】员工为顾客提供及时的服务。', '员工为顾客提供及时的服务。', '其他'];
    const found = matchHeaders(headers, servqual);
    expect(found.matches.map(({ column, item, field }) => `${column}:${item}:${field}`)).toEqual([
      '2:prompt-service:importance',
      '3:prompt-service:expected',
      '4:prompt-service:adequate',
      '5:prompt-service:value',
    ]);
    expect(found.site).toBe(1);
    expect(found.unmatchedColumns).toEqual([0, 6]);
    expect(found.unmatchedItems).toHaveLength(21);
  });

  it('leaves a rating column of an item that has no ratings (not likert) unmatched', () => {
    const found = matchHeaders(['The premises are clean', 'Expected: the premises are clean'], mini);
    expect(found.matches.map(({ column, field }) => `${column}:${field}`)).toEqual(['0:value']);
    expect(found.unmatchedColumns).toEqual([1]);
  });

  it('gives one (item, rating) to one header only: the closer one', () => {
    const found = matchHeaders(['Staff were friendly', 'Staff are friendly'], mini);
    expect(found.matches.map((match) => match.column)).toEqual([1]);
    expect(found.unmatchedColumns).toEqual([0]);
  });
});
