// A survey or spreadsheet export as the import sees it, whatever file it came from: the header row
// and the data rows, each cell as text, each row with the number it has in the file.
export interface TableRow {
  /** 1-based, counting records as a spreadsheet shows rows: the header row is 1. */
  readonly number: number;
  readonly cells: readonly string[];
}

export interface Table {
  readonly file: string;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
}

/** A row is blank when every cell is empty or white space: exports end with such rows, and forms leave them. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Table rows from records, the first the headers; blank rows go, the others keep their numbers. */
export function tableOf(file: string, records: readonly (readonly string[])[]): Table {
  const [headers = [], ...data] = records;
  const rows = data.flatMap((cells, index) => (isBlankRow(cells) ? [] : [{ number: index + 2, cells }]));
  return { file, headers, rows };
}
