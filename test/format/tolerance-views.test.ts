// Zone-of-tolerance cells and the IPA table, as the score views show them.
import { describe, expect, it } from 'vitest';
import type { Measured } from '../../src/core/score-types.js';
import { ChecklistTitles } from '../../src/format/checklist-titles.js';
import { wordsIn } from '../../src/format/score-words.js';
import { hasTolerance, ipaGrid, toleranceCells, toleranceColumns, zonesText } from '../../src/format/tolerance-views.js';
import { checklistOf, factor, likert, section } from '../core/builders.js';

const en = wordsIn('en');
const zh = wordsIn('zh-CN');
const WITHIN: Measured = { score: 62.5, expected: 100, gap: -37.5, adequate: 50, msa: 12.5, mss: -37.5, zone: 'within' };

describe('tolerance cells', () => {
  it('show adequate, MSA with its sign, and the zone in words', () => {
    expect(toleranceColumns(en).map((column) => column.label)).toEqual(['Adequate', 'MSA', 'Zone']);
    expect(toleranceCells(en, WITHIN)).toEqual([{ text: '50.0' }, { text: '+12.5', tone: 'met' }, { text: 'within tolerance', tone: 'near' }]);
    expect(toleranceCells(zh, { ...WITHIN, score: 40, msa: -10, zone: 'below' })[2]).toEqual({ text: '低于可接受', tone: 'far' });
  });

  it('leave blanks, one per column, for a node without a zone of tolerance', () => {
    const plain: Measured = { score: 80, expected: 100, gap: -20 };
    expect(hasTolerance(plain)).toBe(false);
    expect(toleranceCells(en, plain)).toEqual([{ text: '' }, { text: '' }, { text: '' }]);
    expect(toleranceCells(en, plain, { zone: false })).toHaveLength(2);
  });

  it('count audits per zone in one line', () => {
    expect(zonesText(en, { below: 2, within: 5, above: 1 })).toBe('below adequate 2 · within tolerance 5 · meets desired 1');
  });
});

describe('the IPA table', () => {
  it('names each factor and its quadrant', () => {
    const checklist = checklistOf([section('s', [factor('f', [likert('a')], { title: { en: 'Greeting', 'zh-CN': '问候' } })], { title: 'Welcome' })]);
    const titles = new ChecklistTitles(new Map([['test-checklist@1.0.0', checklist]]), 'en');
    const grid = ipaGrid(en, titles, { id: 'test-checklist', version: '1.0.0' }, [
      { section: 's', factor: 'f', importance: 80, performance: 40, quadrant: 'concentrate' },
    ]);
    expect(grid.columns.map((column) => column.label)).toEqual(['Section', 'Factor', 'Importance', 'Performance', 'Quadrant']);
    expect(grid.rows).toEqual([[{ text: 'Welcome' }, { text: 'Greeting' }, { text: '80.0' }, { text: '40.0' }, { text: 'concentrate here', tone: 'far', strong: true }]]);
  });
});
