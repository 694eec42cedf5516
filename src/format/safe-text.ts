// User text (site names, auditors, notes, evidence) made harmless for Markdown: it comes from audit
// files that anyone may have written, and it must never break a table or inject markup.

import { plainText } from '../shared/plain-text.js';

// Characters that start inline Markdown or GitHub syntax (emphasis, code, links, strikethrough, math),
// end a table cell, close a heading (a trailing `#`), or would be read as HTML.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$#<>&]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
// Whether escapeMarkdown changes plain text at all: most cells (numbers, ids, words) it does not.
const MARKDOWN_CHANGED = /[\\`*_[\]|~$#<>&\n]/;

/**
 * Text that reads literally anywhere inline in Markdown, table cells included. Line breaks become
 * `<br>`, which GitHub renders inside table cells too. Not for the start of a line, where `#` or
 * `-` would still open a block; callers put user text after a label or inside a cell.
 */
export function escapeMarkdown(text: string): string {
  const plain = plainText(text);
  if (!MARKDOWN_CHANGED.test(plain)) return plain;
  return plain.replace(MARKDOWN_SPECIAL, (char) => ENTITIES[char] ?? `\\${char}`).replaceAll('\n', '<br>');
}

/** A web address usable as a link target, or `undefined` for anything else (file paths, `javascript:`). */
export function webLinkTarget(reference: string): string | undefined {
  const text = plainText(reference).trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  // Characters that would end the link target or the table cell, or open a code span, percent-encoded
  // as URLs allow.
  return text.replace(/[()<>|\\`"']/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
