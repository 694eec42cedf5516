// Blocks as one self-contained HTML page: styles inline, charts as inline SVG (charts-svg.ts), photos
// as data: URIs, and a Content-Security-Policy that forbids every script and every request, so that
// opening the file never touches the network. Written in pieces (start, blocks, end) so that a report
// of any size can be written as it is made. All text goes through escapeHtml: nothing a user wrote
// becomes markup or script.
import type { Photo } from '../fs/read-photo.js';
import { t, type Lang } from '../shared/lang.js';
import { plainText } from '../shared/plain-text.js';
import { barsSvg, fontsFor, linesSvg, quadrantsSvg, TONE_COLOURS } from './charts-svg.js';
import { rowRuns, type Block, type Cell, type Column, type Fact, type Figure, type Grid, type LongGrid, type Page, type ReferencesCell } from './document.js';
import { webLinkTarget } from './safe-text.js';
import { wordsIn } from './score-words.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Whether escapeHtml changes plain text at all: most cells (numbers, ids, words) it does not.
const HTML_CHANGED = /[&<>"'\n]/;

/** Text safe anywhere in HTML content or a quoted attribute; line breaks become `<br>`. */
export function escapeHtml(text: string): string {
  const plain = plainText(text);
  if (!HTML_CHANGED.test(plain)) return plain;
  return plain.replace(/[&<>"']/g, (char) => ENTITIES[char]!).replaceAll('\n', '<br>');
}

const style = (lang: Lang) => `
:root { --met: ${TONE_COLOURS.met}; --near: ${TONE_COLOURS.near}; --far: ${TONE_COLOURS.far}; --ink: #1f2933; --muted: #52606d; --rule: #d9dee3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 ${fontsFor(lang)}; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 40px 64px; }
h1 { font-size: 28px; margin: 0 0 16px; padding-bottom: 12px; border-bottom: 3px solid var(--ink); }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 17px; margin: 28px 0 10px; }
h4 { font-size: 15px; margin: 20px 0 8px; color: var(--muted); }
p { margin: 8px 0; max-width: 75em; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 6px 24px; margin: 12px 0 20px; }
dl.facts div { border-left: 3px solid var(--rule); padding-left: 8px; }
dl.facts dt { font-size: 12px; color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f3f5f7; font-weight: 600; white-space: nowrap; }
/* A short cell (an answer such as 3(一般)) next to a long item text keeps a readable width. */
td { min-width: 5.5em; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.met { color: var(--met); } .near { color: var(--near); } .far { color: var(--far); }
figure { margin: 12px 0 20px; }
figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; }
figure.photo { display: inline-block; margin: 4px 8px 4px 0; }
figure.photo img { display: block; max-width: 220px; max-height: 165px; border: 1px solid var(--rule); }
figure.photo figcaption { font-size: 11px; color: var(--muted); overflow-wrap: anywhere; max-width: 220px; }
.missing { color: var(--far); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  h2.new-page { break-before: page; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure, dl.facts div { break-inside: avoid; }
  a { color: inherit; }
}
`;

/** The page up to the first block. */
export function htmlStart(title: string, lang: Lang): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Defence in depth: even if text slipped through as markup, no script runs and nothing is fetched.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style(lang)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '',
  ].join('\n');
}

export function htmlEnd(): string {
  return '</main>\n</body>\n</html>\n';
}

function base64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

function missingReason(reason: Extract<Photo, { kind: 'missing' }>['reason'], lang: Lang): string {
  switch (reason) {
    case 'not-found':
      return t(lang, '照片不存在', 'photo not found');
    case 'unreadable':
      return t(lang, '照片无法读取', 'photo cannot be read');
    case 'too-large':
      return t(lang, '照片过大,未嵌入', 'photo too large to embed');
    case 'not-an-image':
      return t(lang, '不是 JPEG、PNG、GIF 或 WebP 图片', 'not a JPEG, PNG, GIF or WebP image');
  }
}

function reference(text: string, photos: ReferencesCell['photos'], lang: Lang): string {
  const photo = photos?.get(text);
  if (photo?.kind === 'image') {
    return `<figure class="photo"><img src="data:${photo.mime};base64,${base64(photo.data)}" alt="${escapeHtml(text)}"><figcaption>${escapeHtml(text)}</figcaption></figure>`;
  }
  if (photo?.kind === 'missing') return `<span class="missing">${escapeHtml(text)} — ${escapeHtml(missingReason(photo.reason, lang))}</span>`;
  const target = webLinkTarget(text);
  return target === undefined ? escapeHtml(text) : `<a href="${escapeHtml(target)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

function cellContent(content: Cell, lang: Lang): string {
  if ('references' in content) return content.references.map((each) => reference(each, content.photos, lang)).join('<br>');
  const text = escapeHtml(content.text);
  return content.strong && text !== '' ? `<strong>${text}</strong>` : text;
}

// A date split over two lines reads as two numbers.
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellClass(content: Cell, column: Column | undefined): string {
  // Joined by hand, not by an array: this runs for every cell of every appendix.
  let classes = column?.align === 'right' ? 'num' : '';
  if ('text' in content && DATE.test(content.text)) classes += classes === '' ? 'date' : ' date';
  if ('tone' in content && content.tone) classes += classes === '' ? content.tone : ` ${content.tone}`;
  return classes === '' ? '' : ` class="${classes}"`;
}

/** A table's text in parts: its head, then its rows a run at a time. */
function* table({ columns, rows }: Grid | LongGrid, lang: Lang): Generator<string> {
  const head = columns.map((column) => `<th${column.align === 'right' ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('');
  yield `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n`;
  let first = true;
  for (const run of rowRuns(rows)) {
    const body = run.map((cells) => `<tr>${cells.map((content, index) => `<td${cellClass(content, columns[index])}>${cellContent(content, lang)}</td>`).join('')}</tr>`);
    yield `${first ? '' : '\n'}${body.join('\n')}`;
    first = false;
  }
  yield '\n</tbody>\n</table>';
}

function facts(list: readonly Fact[], lang: Lang): string {
  const items = list.map(({ label, value }) => `<div><dt>${escapeHtml(label)}</dt><dd${cellClass(value, undefined)}>${cellContent(value, lang)}</dd></div>`);
  return `<dl class="facts">\n${items.join('\n')}\n</dl>`;
}

/** A chart under its caption; a chart block sits under a heading that already names it. */
function figure(content: Figure, lang: Lang, { caption }: { caption: boolean }): string {
  const words = { ...wordsIn(lang), fonts: fontsFor(lang) };
  const svg =
    content.kind === 'bars' ? barsSvg(content.chart, words) : content.kind === 'lines' ? linesSvg(content.chart, words) : quadrantsSvg(content.chart, words);
  return `<figure class="chart">${caption ? `<figcaption>${escapeHtml(content.chart.title)}</figcaption>` : ''}${svg}</figure>`;
}

function block(content: Block, lang: Lang): Iterable<string> {
  switch (content.kind) {
    case 'heading':
      return [`<h${content.level}${content.newPage ? ' class="new-page"' : ''}>${escapeHtml(content.text)}</h${content.level}>`];
    case 'paragraph':
      return [`<p>${escapeHtml(content.text)}</p>`];
    case 'facts':
      return [facts(content.facts, lang)];
    case 'grid':
    case 'long-grid':
      return table(content.grid, lang);
    case 'chart':
      return [figure({ kind: 'bars', chart: content.chart }, lang, { caption: false })];
    case 'figure':
      return [figure(content.figure, lang, { caption: true })];
  }
}

/** The HTML of `blocks`, in parts to write one after another. */
function* htmlParts(blocks: readonly Block[], lang: Lang): Generator<string> {
  for (const content of blocks) {
    yield* block(content, lang);
    yield '\n';
  }
}

export function htmlPage(lang: Lang): Page {
  return { start: (title) => htmlStart(title, lang), piece: (blocks) => htmlParts(blocks, lang), end: htmlEnd };
}
