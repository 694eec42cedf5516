// User text (site names, auditors, notes, evidence) made harmless for where it is shown. It comes
// from audit files that anyone may have written, and it must never break a table, inject markup, or
// send escape sequences to a terminal.

// C0/C1 control characters except tab and line breaks (handled below), and the bidirectional
// overrides that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** Text without control characters; tabs become spaces and every line break a plain `\n`. */
export function plainText(text: string): string {
  return text.replace(CONTROL, '').replaceAll('\t', ' ').replace(LINE_BREAK, '\n');
}

// Characters that start inline Markdown or GitHub syntax (emphasis, code, links, strikethrough, math),
// end a table cell, close a heading (a trailing `#`), or would be read as HTML.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$#<>&]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Text that reads literally anywhere inline in Markdown, table cells included. Line breaks become
 * `<br>`, which GitHub renders inside table cells too. Not for the start of a line, where `#` or
 * `-` would still open a block; callers put user text after a label or inside a cell.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text)
    .replace(MARKDOWN_SPECIAL, (char) => ENTITIES[char] ?? `\\${char}`)
    .replaceAll('\n', '<br>');
}

/** A web address usable as a link target, or `undefined` for anything else (file paths, `javascript:`). */
export function webLinkTarget(reference: string): string | undefined {
  const text = plainText(reference).trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  // Characters that would end the link target or the table cell, or open a code span, percent-encoded
  // as URLs allow.
  return text.replace(/[()<>|\\`"']/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
