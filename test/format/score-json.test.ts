import fc from 'fast-check';
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

  // Streamed in pieces, the report must still be byte for byte what one JSON.stringify gives.
  it('is exactly JSON.stringify of the whole report, for any number of audits, summaries and errors', () => {
    const error = fc.record({ file: fc.string(), line: fc.nat(), column: fc.nat(), message: fc.string({ unit: 'grapheme' }) });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(passing, failing), { maxLength: 4 }),
        fc.array(fc.constant(summary), { maxLength: 2 }),
        fc.array(error, { maxLength: 3 }),
        (audits, summaries, errors) => {
          const report = { audits, summaries, errors };
          expect(renderScoreJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
        },
      ),
    );
  });
});
