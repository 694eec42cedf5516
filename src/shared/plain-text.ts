// User text (site names, auditors, notes, titles, file names) as it may reach a terminal or a
// message. It comes from files that anyone may have written, and it must never send escape
// sequences to a terminal nor make text read differently from what it is.
// C0/C1 control characters except tab and line breaks (handled below), and the bidirectional
// overrides that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
// What the three replacements below would change: a control character, a tab or a line break
// other than `\n`. Most text has none, and one scan for it costs less than three that copy.
const CHANGED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Text without control characters; tabs become spaces and every line break a plain `\n`. */
export function plainText(text: string): string {
  if (!CHANGED.test(text)) return text;
  return text.replace(CONTROL, '').replaceAll('\t', ' ').replace(LINE_BREAK, '\n');
}

/** `plainText` on one line: for titles, labels, file names and quoted values, where a break would tear a layout. */
export function plainLine(text: string): string {
  return plainText(text).replaceAll('\n', ' ');
}
