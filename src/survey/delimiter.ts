// Which character separates the fields of a CSV export. Excel writes `;` where the decimal mark is a
// comma, Google Forms and most tools `,`, "Unicode text" exports a tab.
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many records are looked at: enough to see a pattern, few enough for any file size. */
const SAMPLE_RECORDS = 10;

/** Per record of the first few, how often each candidate occurs outside quotes; blank records left out. */
function countsPerRecord(text: string): Record<Delimiter, number>[] {
  const records: Record<Delimiter, number>[] = [];
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted; // a doubled quote inside quotes toggles twice: still inside
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (!empty) records.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
      empty = true;
      continue;
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
    if (char.trim() !== '') empty = false;
  }
  if (!empty && records.length < SAMPLE_RECORDS) records.push(counts);
  return records;
}

/**
 * The candidate that splits the header record and then every sampled record into as many fields: the
 * one with the most fields if several do; failing that, the one the header record holds most of;
 * a comma when nothing tells (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  const records = countsPerRecord(text);
  const header = records[0];
  if (!header) return ',';
  const steady = DELIMITERS.filter((d) => header[d] > 0 && records.every((counts) => counts[d] === header[d]));
  const candidates = steady.length > 0 ? steady : DELIMITERS.filter((d) => header[d] > 0);
  return candidates.reduce<Delimiter>((best, d) => (header[d] > header[best] ? d : best), candidates[0] ?? ',');
}
