import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/document-markdown.js';
import { escapeMarkdown, webLinkTarget } from '../../src/format/safe-text.js';
import { plainText } from '../../src/shared/plain-text.js';
import { tablesOf } from '../helpers/markdown.js';

/** One table with one row: the given text in the first cell, a marker in the second. */
function tableHolding(text: string): string {
  return renderMarkdown([
    {
      kind: 'grid',
      grid: {
        columns: [
          { label: 'text', align: 'left' },
          { label: 'after', align: 'right' },
        ],
        rows: [[{ text }, { text: 'end' }]],
      },
    },
  ]);
}

describe('plainText', () => {
  it('drops control characters and bidirectional overrides, keeps tabs as spaces and unifies line breaks', () => {
    expect(plainText('a\u0000b\u0007c\u001b[31md\u009b\u202Ee\tf\r\ng\rh\u2028i')).toBe('abc[31mde f\ng\nh\ni');
  });

  it('leaves ordinary text, Chinese and emoji alone', () => {
    expect(plainText('门店 042 · Nanjing Rd 😀')).toBe('门店 042 · Nanjing Rd 😀');
  });

  it('gives what the three replacements give, whether or not it skips them (property)', () => {
    // Text that needs no change is handed back unscanned by them: the shortcut must never hide a change.
    const everyReplacement = (text: string) =>
      text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
        .replaceAll('\t', ' ')
        .replace(/\r\n|[\r\n\u2028\u2029]/g, '\n');
    const near = fc.string({ unit: fc.constantFrom('a', '门', '\n', '\r', '\t', '\u0000', '\u0085', '\u009f', '\u00a0', '\u2028', '\u2029', '\u202a', '\u2066', '\u2069', '\u206a') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), near), (text) => {
        expect(plainText(text)).toBe(everyReplacement(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes every character that starts markup, ends a cell or is read as HTML', () => {
    expect(escapeMarkdown('a|b<c>d&e`f*g_h[i]j~k$l#m\\n')).toBe('a\\|b&lt;c&gt;d&amp;e\\`f\\*g\\_h\\[i\\]j\\~k\\$l\\#m\\\\n');
  });

  it('turns line breaks into <br> so a note cannot end a table row', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
  });

  it('gives what its replacements give, whether or not it skips them (property)', () => {
    const everyReplacement = (text: string) =>
      plainText(text)
        .replace(/[\\`*_[\]|~$#<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char] ?? `\\${char}`)
        .replaceAll('\n', '<br>');
    const markdownish = fc.string({ unit: fc.constantFrom(...'|<>&`*_[]()~$#!\\:/-+=. \n\r\taZ1门') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), markdownish), (text) => {
        expect(escapeMarkdown(text)).toBe(everyReplacement(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a hostile site name as literal text in one table cell', () => {
    const site = 'Store | B <script>alert(1)</script> **bold** [x](javascript:y) `code` ~~del~~ $x$ #1\nnext';
    const [table] = tablesOf(tableHolding(site));
    expect(table?.rows).toEqual([[site, 'end']]);
  });

  it('never lets any text change the shape of a table or turn into markup (property)', () => {
    // Any text at all, and text made of nothing but Markdown's punctuation, where combinations bite.
    const markdownish = fc.string({ unit: fc.constantFrom(...'|<>&`*_[]()~$#!\\:/-+=. \n\r\taZ1'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), markdownish), (text) => {
        const tables = tablesOf(tableHolding(text));
        expect(tables).toHaveLength(1);
        expect(tables[0]?.header).toEqual(['text', 'after']);
        expect(tables[0]?.rows).toHaveLength(1);
        // Markdown trims a cell's outer spaces; everything else must read exactly as written.
        expect(tables[0]?.rows[0]?.[0]?.trim()).toBe(plainText(text).trim());
        expect(tables[0]?.rows[0]?.[1]).toBe('end');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('webLinkTarget', () => {
  it('links web addresses, percent-encoding what would end the link or the cell', () => {
    expect(webLinkTarget('https://example.com/a(1)|b.jpg')).toBe('https://example.com/a%281%29%7Cb.jpg');
  });

  it('refuses anything that is not http or https, and addresses with spaces', () => {
    expect(webLinkTarget('javascript:alert(1)')).toBeUndefined();
    expect(webLinkTarget('photos/door.jpg')).toBeUndefined();
    expect(webLinkTarget('https://example.com/a b')).toBeUndefined();
  });
});
