import { describe, expect, it } from 'vitest';
import { renderScoreJson } from '../../src/format/score-json.js';
import { failing, passing, summary } from './fixtures.js';

describe('renderScoreJson', () => {
  it('prints audits, summaries and errors as given, unrounded, in that order', () => {
    const errors = [{ file: 'bad.yaml', line: 3, column: 5, message: 'unknown key "sore"' }];
    const text = renderScoreJson({ audits: [passing, failing], summaries: [summary], errors });
    expect(JSON.parse(text)).toEqual({ audits: [passing, failing], summaries: [summary], errors });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['audits', 'summaries', 'errors']);
    expect(text).toContain('"expected": 88.333333333333');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
