import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/shared/plain-text.js';
import { escapeHtml, htmlPage } from '../../src/format/document-html.js';
import { factsBlock, figureBlock, gridBlock, heading, paragraph, type Block } from '../../src/format/document.js';
import { reportBlocks } from '../../src/format/report.js';
import type { Photo } from '../../src/fs/read-photo.js';
import { checklists, failing, failingAudit, HOSTILE_SITE, passing, passingAudit } from './fixtures.js';

const HOSTILE = `${HOSTILE_SITE} <script>alert(1)</script> <img src=x onerror=alert(2)> " ' &amp;`;

function page(blocks: readonly Block[], title = 'Report'): string {
  const html = htmlPage('en');
  return html.start(title) + [...html.piece(blocks, 0)].join('') + html.end();
}

/** Every tag name the page opens, to prove user text opened none. */
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()));

describe('escapeHtml', () => {
  it('leaves no character that could open a tag or end an attribute, and drops control characters', () => {
    const escaped = escapeHtml(HOSTILE);
    // `<br>` is the one tag it writes, for line breaks.
    expect(escaped.replaceAll('<br>', '')).not.toMatch(/[<>"'\u0007]/);
    expect(escaped).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escaped).toContain('&amp;amp;');
    expect(escaped).toContain('<br>second line');
  });

  it('reads back as the text made plain, for any text, and never opens a tag but <br>', () => {
    const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped.replaceAll('<br>', '')).not.toMatch(/[<>"']/);
        expect(escaped.replaceAll('<br>', '\n').replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity]!)).toBe(plainText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives what its replacements give, whether or not it skips them (property)', () => {
    const everyReplacement = (text: string) =>
      plainText(text)
        .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
        .replaceAll('\n', '<br>');
    const htmlish = fc.string({ unit: fc.constantFrom(...'&<>"\'\n\r\t aZ1门') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), htmlish), (text) => {
        expect(escapeHtml(text)).toBe(everyReplacement(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the HTML page', () => {
  const html = page(
    [
      heading(1, HOSTILE),
      paragraph(HOSTILE),
      factsBlock([{ label: HOSTILE, value: { text: HOSTILE, tone: 'far', strong: true } }]),
      gridBlock({ columns: [{ label: HOSTILE, align: 'left' }], rows: [[{ text: HOSTILE }], [{ references: [HOSTILE, 'javascript:alert(3)', 'https://example.com/"><script>'] }]] }),
      figureBlock({ kind: 'bars', chart: { title: HOSTILE, categories: [HOSTILE, 'B'], score: [40, 90], expected: [80, 80] } }),
      figureBlock({ kind: 'lines', chart: { title: 'History', series: [{ name: HOSTILE, points: [{ date: '2026-11-01', score: 30 }, { date: '2026-11-20', score: 60 }] }], expected: 80 } }),
    ],
    HOSTILE,
  );

  it('is one self-contained document: a CSP that forbids scripts and requests, styles inline, A4 print rules', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
    expect(html).toContain('@page { size: A4;');
    // url(#…) is a chart's own clip path; any other url( could fetch.
    expect(html).not.toMatch(/<link|<script|@import|url\((?!#)|src="http/i);
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
  });

  it('turns no user text into markup: only the page’s own tags, no event handler, no script link', () => {
    const own = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'p', 'dl', 'div', 'dt', 'dd', 'strong', 'table', 'thead', 'tr', 'th', 'tbody', 'td', 'br', 'a', 'figure', 'figcaption'];
    const svg = ['svg', 'rect', 'path', 'text', 'g', 'defs', 'clippath', 'circle', 'line', 'polyline', 'polygon', 'tspan'];
    expect([...tagsOf(html)].filter((tag) => !own.includes(tag) && !svg.includes(tag))).toEqual([]);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://example.com/%22%3E%3Cscript%3E" rel="noopener noreferrer">');
  });

  it('draws both kinds of chart as inline SVG, labels escaped', () => {
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('40.0 / 80.0');
  });
});

describe('photos in the HTML report', () => {
  const image: Photo = { kind: 'image', mime: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };
  const photos = new Map<string, Photo>([
    ['photos/door 1.jpg', image],
    ['https://example.com/a(1)|b.jpg', { kind: 'missing', reason: 'not-found' }],
  ]);
  const blocks = reportBlocks({ audits: [{ result: failing, audit: failingAudit, photos }], checklists }, 'en', { leftOut: [], appendices: true });
  const html = page(blocks);

  it('embeds each photo as a data: URI beside its name, and names a missing one', () => {
    expect(html).toContain('<img src="data:image/png;base64,iVBORw==" alt="photos/door 1.jpg">');
    expect(html).toContain('photo not found');
  });
});

describe('an HTML report in pieces', () => {
  it('joins into the page of all its blocks at once, so a report of any size can be written as it is made', () => {
    const blocks = reportBlocks({ audits: [{ result: passing, audit: passingAudit }, { result: failing, audit: failingAudit }], checklists }, 'en', { leftOut: [], appendices: true });
    const html = htmlPage('en');
    const inPieces = html.start('R') + [...html.piece(blocks.slice(0, 10), 0), ...html.piece(blocks.slice(10), 1)].join('') + html.end();
    // Each chart drawn gets ids and class names of its own (zr0-…, zr1-cls-3); the rest is the same byte for byte.
    const ids = (text: string) => text.replace(/zr\d+-(cls-\d+)?/g, 'zr-');
    expect(ids(inPieces)).toBe(ids(page(blocks, 'R')));
  });
});
