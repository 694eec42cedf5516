// Reads generated Markdown the way a renderer does (marked's lexer), so tests check the tables a
// reader sees (header cells, rows, cell text) rather than substrings of the source.
import { marked, type Token, type Tokens } from 'marked';

export interface ParsedTable {
  readonly header: string[];
  readonly rows: string[][];
}

const ENTITY: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&' };

/**
 * The text a reader sees in inline tokens: escapes resolved, entities decoded, `<br>` as a line break.
 * Any other markup (emphasis, code, links other than autolinks, HTML) is an error unless allowed,
 * because user text must never turn into markup.
 */
export function plainTextOf(tokens: readonly Token[], allow: readonly string[] = []): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'text':
          return 'tokens' in token && token.tokens ? plainTextOf(token.tokens, allow) : token.text.replace(/&(lt|gt|amp);/g, (_: string, name: string) => ENTITY[name]!);
        case 'escape':
          return token.text;
        case 'html':
          if (token.text === '<br>') return '\n';
          break;
        case 'link':
          // GitHub links bare web addresses by itself; that is not markup a user injected.
          if (token.raw === token.href || allow.includes('link')) return plainTextOf((token as Tokens.Link).tokens, allow);
          break;
        default:
          if (allow.includes(token.type) && 'tokens' in token && token.tokens) return plainTextOf(token.tokens, allow);
      }
      throw new Error(`unexpected ${token.type} markup: ${JSON.stringify(token.raw)}`);
    })
    .join('');
}

function parsedTable(table: Tokens.Table, allow: readonly string[]): ParsedTable {
  return {
    header: table.header.map((cell) => plainTextOf(cell.tokens, allow)),
    rows: table.rows.map((row) => row.map((cell) => plainTextOf(cell.tokens, allow))),
  };
}

export function tablesOf(markdown: string, allow: readonly string[] = []): ParsedTable[] {
  return marked
    .lexer(markdown)
    .filter((token): token is Tokens.Table => token.type === 'table')
    .map((table) => parsedTable(table, allow));
}

export interface Section {
  readonly depth: number;
  readonly heading: string;
  /** The blocks up to the next heading of any depth. */
  readonly tokens: Token[];
}

/** The document cut at its headings. */
export function sectionsOf(markdown: string): Section[] {
  const sections: { depth: number; heading: string; tokens: Token[] }[] = [];
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading') sections.push({ depth: token.depth, heading: plainTextOf(token.tokens ?? []), tokens: [] });
    else sections.at(-1)?.tokens.push(token);
  }
  return sections;
}

/** The table right under the (first) heading that reads `heading`. */
export function tableUnder(markdown: string, heading: string, allow: readonly string[] = ['strong']): ParsedTable {
  const section = sectionsOf(markdown).find((each) => each.heading === heading);
  if (!section) throw new Error(`no heading "${heading}"`);
  const table = section.tokens.find((token): token is Tokens.Table => token.type === 'table');
  if (!table) throw new Error(`no table under "${heading}"`);
  return parsedTable(table, allow);
}
