import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../../src/shared/text-width.js';

const CLOSING = ',.;:?!)\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF09\u201D';
const text = fc
  .array(fc.constantFrom('清单', '审核', '记录', ',', '\uFF0C', '。', '(', ')', '\uFF08', '\uFF09', ' ', 'score', '--fail-under', 'N', '0–100', '“', '”'), { maxLength: 40 })
  .map((pieces) => pieces.join(''));

describe('displayWidth', () => {
  it('counts Chinese characters and full-width marks as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('清单。')).toBe(6);
    expect(displayWidth('\uFF08N\uFF09')).toBe(5);
    expect(displayWidth('低于 N(0–100)时')).toBe(15);
  });
});

describe('wrapToWidth', () => {
  it('breaks Chinese between characters, and never before a closing mark', () => {
    expect(wrapToWidth('为审核记录打分,并比较各门店', 15)).toBe('为审核记录打分,\n并比较各门店');
    expect(wrapToWidth('为审核记录打分\uFF0C并比较各门店', 15)).toBe('为审核记录打\n分\uFF0C并比较各门\n店');
    expect(wrapToWidth('清单(文件:行:列)', 10)).toBe('清单(文件:\n行:列)');
    expect(wrapToWidth('keeps English at spaces', 10)).toBe('keeps\nEnglish at\nspaces');
    expect(wrapToWidth('one\ntwo', 80)).toBe('one\ntwo');
    // An opening mark with only closing marks after it is one piece (found by the property below).
    expect(wrapToWidth('清单 \uFF08\u3002', 8)).toBe('清单\n\uFF08\u3002');
  });

  it('keeps every character but the spaces where lines break, and fits lines to the width (property)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 40 }), (input, width) => {
        // A mark after a space may start a line: the space is where it breaks.
        fc.pre(!new RegExp(`\\s[${CLOSING}]`).test(input));
        const wrapped = wrapToWidth(input, width);
        expect(wrapped.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        for (const line of wrapped.split('\n')) {
          // A line wider than the width is one unbreakable piece (a long word with its marks).
          if (displayWidth(line) > width) expect(line.replace(new RegExp(`[${CLOSING}]+$`), '')).not.toMatch(/ /);
          if (line.length > 0 && line !== wrapped.split('\n')[0]) expect(CLOSING).not.toContain(line[0]);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
