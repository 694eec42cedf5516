// Blocks as GitHub-flavoured Markdown: tables, lists, and Mermaid charts GitHub draws in place.
// Every piece of text goes through escapeMarkdown, so nothing a user wrote can turn into markup.
import { roundToTenth, rowRuns, type Block, type Page, type Cell, type Chart, type Column, type Fact, type Grid, type LongGrid } from './document.js';
import { plainText } from '../shared/plain-text.js';
import { escapeMarkdown, webLinkTarget } from './safe-text.js';

function reference(text: string): string {
  const target = webLinkTarget(text);
  return target === undefined ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${target})`;
}

function cell(content: Cell): string {
  if ('references' in content) return content.references.map(reference).join('<br>');
  const text = escapeMarkdown(content.text);
  return content.strong && text !== '' ? `**${text}**` : text;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function delimiter(column: Column): string {
  return column.align === 'right' ? '---:' : '---';
}

/** A table's text in parts: its head, then its rows a run at a time. */
function* table({ columns, rows }: Grid | LongGrid): Generator<string> {
  yield `${row(columns.map((column) => escapeMarkdown(column.label)))}\n${row(columns.map(delimiter))}`;
  for (const run of rowRuns(rows)) yield `\n${run.map((cells) => row(cells.map(cell))).join('\n')}`;
}

function facts(list: readonly Fact[]): string {
  return list.map(({ label, value }) => `- **${escapeMarkdown(label)}:** ${cell(value)}`).join('\n');
}

// Mermaid reads its own syntax inside quoted labels: quotes and brackets would end them early.
function mermaidLabel(text: string): string {
  return `"${plainText(text).replace(/["[\]\n]/g, ' ').trim()}"`;
}

function numbers(values: readonly number[]): string {
  return `[${values.map(roundToTenth).join(', ')}]`;
}

function chart({ title, categories, score, expected, legend }: Chart): string {
  const drawing = [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidLabel(title)}`,
    `  x-axis [${categories.map(mermaidLabel).join(', ')}]`,
    '  y-axis 0 --> 100',
    `  bar ${numbers(score)}`,
    `  line ${numbers(expected)}`,
    '```',
  ].join('\n');
  return legend === undefined ? drawing : `${drawing}\n\n${escapeMarkdown(legend)}`;
}

function block(content: Block): Iterable<string> | undefined {
  switch (content.kind) {
    case 'heading':
      return [`${'#'.repeat(content.level)} ${escapeMarkdown(content.text)}`];
    case 'paragraph':
      return [escapeMarkdown(content.text)];
    case 'facts':
      return [facts(content.facts)];
    case 'grid':
    case 'long-grid':
      return table(content.grid);
    case 'chart':
      return [chart(content.chart)];
    case 'figure':
      // Drawn only where charts are drawn well (HTML); the table beside it has the numbers.
      return undefined;
  }
}

/** The Markdown of `blocks`, in parts to write one after another. */
function* markdownParts(blocks: readonly Block[]): Generator<string> {
  let first = true;
  for (const content of blocks) {
    const parts = block(content);
    if (parts === undefined) continue;
    if (!first) yield '\n\n';
    first = false;
    yield* parts;
  }
  yield '\n';
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return [...markdownParts(blocks)].join('');
}

/** Markdown in pieces: written one after another, they join into what `renderMarkdown` gives for all their blocks. */
export const markdownPage: Page = {
  start: () => '',
  *piece(blocks, index) {
    if (index > 0) yield '\n';
    yield* markdownParts(blocks);
  },
  end: () => '',
};
