// What every fuzz case is held to, whatever its files hold. Each file is loaded in-process by the code
// behind `validate` and `score` (loadFile with a ChecklistLibrary, then scoreAudit on an audit that
// loads without findings), and:
// - loading ends in findings or data: no exception, no rejected promise, and within CASE_TIME_LIMIT_MS;
// - every finding has a known code, names the file, a line of it and a column from 1, and reads as one
//   line of plain text in both languages;
// - a file that passes passes exactly as the position-aware parse alone gives (the fast path only saves time);
// - an audit that loads scores to finite numbers: scores and expectations on 0–100, gaps on −100–100;
// - nothing reaches Object.prototype or Array.prototype.
// A failure names the mutations and shows every file's text, so it can be reproduced by hand.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { scoreAudit } from '../../src/core/score.js';
import type { AuditResult, Measured } from '../../src/core/score-types.js';
import { FINDING_CODES, type Finding } from '../../src/shared/findings.js';
import { describeFinding } from '../../src/format/finding-messages.js';
import { checkParsed } from '../../src/load/checked-source.js';
import type { ChecklistLibrary } from '../../src/load/library.js';
import { checkSource, loadFile } from '../../src/load/load-file.js';
import type { FileResult } from '../../src/load/loaded.js';
import { decodeText } from '../../src/fs/read-file.js';
import { openablePath } from '../../src/fs/file-names.js';

/** Total cases over all fuzz tests; the default keeps them to about 25 s of test time in `npm test`. */
const DEFAULT_RUNS = 2_000;
const DEFAULT_SEED = 20_261_123;
/** A case taking longer than this is taken for a hang: real files load in milliseconds. */
const CASE_TIME_LIMIT_MS = 2_000;

/** A whole number from the environment; a value that is not one stops the run rather than being ignored. */
function integerFromEnv(name: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${text}"`);
  return value;
}

const FUZZ_RUNS = integerFromEnv('FUZZ_RUNS', DEFAULT_RUNS, 1);
export const FUZZ_SEED = integerFromEnv('FUZZ_SEED', DEFAULT_SEED);
/** `npm run fuzz` and any run asking for more than the default: the long cases run too. */
export const FULL_FUZZ = FUZZ_RUNS > DEFAULT_RUNS;

/**
 * Each fuzz test's share of FUZZ_RUNS; the shares add up to 1. A case with a large shipped checklist
 * takes about 45 ms, one with a random checklist 20, an example audit 8 and random YAML 4: the
 * shipped checklists get fewer cases, so that none of the tests takes most of the time.
 */
const SHARES = {
  'mutated example audits': 0.45,
  'mutated shipped checklists with their audits': 0.1,
  'mutated random checklists with their audits': 0.2,
  'random YAML': 0.2,
  'odd file names': 0.05,
} as const;

export type FuzzTest = keyof typeof SHARES;

export const runsOf = (test: FuzzTest): number => Math.max(1, Math.round(FUZZ_RUNS * SHARES[test]));

/**
 * vitest's 20 s per test is for ordinary tests; a fuzz test gets 200 ms a case on top, several times
 * what a case takes on a busy machine. Slow cases fail on their own, against CASE_TIME_LIMIT_MS.
 */
export const timeoutFor = (test: FuzzTest): number => 20_000 + runsOf(test) * 200;

export interface FuzzFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** One case: files written and then loaded in this order with `library`, and how they were made. */
export interface FuzzCase {
  readonly description: string;
  readonly files: readonly FuzzFile[];
  readonly library: ChecklistLibrary;
}

// Line breaks as the loader counts them (source.ts): CRLF, LF and a lone CR.
const LINE_BREAK = /\r\n|\r|\n/;
// One line of plain text: no C0 or C1 control characters, no Unicode line or paragraph separators.
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The text a finding's line and column count in: decoded leniently, as source.ts does for not-utf8, without a BOM. */
const textOf = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

function findingProblems(findings: readonly Finding[], { file, bytes }: FuzzFile): string[] {
  const lines = textOf(bytes).split(LINE_BREAK);
  return findings.flatMap((finding) => {
    const { code, line, column } = finding;
    const problems: string[] = [];
    if (!(FINDING_CODES as readonly string[]).includes(code)) problems.push('unknown code');
    if (finding.file !== file) problems.push(`names another file`);
    if (!Number.isInteger(line) || line < 1 || line > lines.length) problems.push(`line outside the file's ${lines.length} lines`);
    // Not also `column <= length of its line + 1`: yaml places some syntax errors (a flow sequence not
    // indented enough) at a column past the end of a short line.
    if (!Number.isInteger(column) || column < 1) problems.push('column is not a whole number from 1');
    for (const lang of ['en', 'zh-CN'] as const) {
      const message = describeFinding(finding, lang);
      if (message.length === 0 || NOT_PLAIN.test(message)) problems.push(`${lang} message is not one line of plain text: ${JSON.stringify(message)}`);
    }
    return problems.map((problem) => `${problem}: ${JSON.stringify(finding)}`);
  });
}

function scoreProblems(result: AuditResult): string[] {
  const problems: string[] = [];
  const inRange = (where: string, { score, expected, gap }: Measured) => {
    const numbers = [
      ['score', score, 0, 100],
      ['expected', expected, 0, 100],
      ['gap', gap, -100, 100],
    ] as const;
    for (const [name, value, min, max] of numbers) {
      if (!(Number.isFinite(value) && value >= min && value <= max)) problems.push(`${where}: ${name} ${value} is not within ${min}..${max}`);
    }
  };
  inRange('audit', result);
  for (const section of result.sections) {
    inRange(section.id, section);
    for (const factor of section.factors) {
      inRange(`${section.id}/${factor.id}`, factor);
      for (const item of factor.items) if ('score' in item) inRange(`${section.id}/${factor.id}/${item.id}`, item);
    }
  }
  for (const failure of result.criticalFailures) inRange(`critical failure ${failure.item}`, failure);
  return problems;
}

/** What loadFile gives when only the position-aware parse is used: the result loadFile must give. */
async function slowPathResult({ file, bytes }: FuzzFile, library: ChecklistLibrary): Promise<FileResult> {
  const decoded = decodeText(file, bytes);
  if ('finding' in decoded) return { kind: 'unknown', file, findings: [decoded.finding] };
  return checkParsed(file, decoded.text, (source) => checkSource(source, library), (findings): FileResult => ({ kind: 'unknown', file, findings }));
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).length;
const ARRAY_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Array.prototype).length;

function pollution(): string | undefined {
  const polluted =
    ({} as Record<string, unknown>).polluted !== undefined ||
    Object.keys(Object.prototype).length > 0 ||
    Object.getOwnPropertyNames(Object.prototype).length !== PROTOTYPE_NAMES ||
    Object.getOwnPropertyNames(Array.prototype).length !== ARRAY_PROTOTYPE_NAMES;
  return polluted ? `Object.prototype or Array.prototype changed: ${Object.getOwnPropertyNames(Object.prototype).join(', ')}` : undefined;
}

function failureReport(fuzzCase: FuzzCase, problems: readonly string[]): Error {
  const files = fuzzCase.files.map(({ file, bytes }) => {
    const text = textOf(bytes);
    return `----- ${path.basename(file)}: ${bytes.length} bytes -----\n${text}\n----- as a JSON string -----\n${JSON.stringify(text)}`;
  });
  return new Error(`${fuzzCase.description}\n${problems.join('\n')}\n${files.join('\n')}\n----- end -----`);
}

/** What a fuzz test saw, for the summary line it prints. */
class Tally {
  cases = 0;
  /** Files that loaded without findings. */
  passed = 0;
  /** Audits among them, which were scored. */
  scored = 0;
  totalMs = 0;
  slowestMs = 0;
  slowest = '';

  record(ms: number, description: string): void {
    this.cases++;
    this.totalMs += ms;
    if (ms > this.slowestMs) [this.slowestMs, this.slowest] = [ms, description];
  }

  summary(test: FuzzTest, wallMs: number): string {
    return (
      `fuzz "${test}": ${this.cases} cases (${this.passed} files passed, ${this.scored} audits scored), ` +
      `${Math.round(wallMs)} ms in all, ${Math.round(this.totalMs)} ms of it loading and scoring; ` +
      `slowest case ${this.slowestMs.toFixed(1)} ms: ${this.slowest}; seed ${FUZZ_SEED}`
    );
  }
}

/** Loads and scores one file, which is timed, then checks what came out. Returns the time taken. */
async function loadAndCheck(fuzzFile: FuzzFile, library: ChecklistLibrary, tally: Tally, problems: string[]): Promise<number> {
  const started = performance.now();
  const result = await loadFile(fuzzFile.file, library);
  const loaded = result.kind === 'audit' ? result.audit : undefined;
  const scored = loaded && scoreAudit({ file: loaded.file, audit: loaded.audit, checklist: loaded.checklist.checklist });
  const ms = performance.now() - started;
  problems.push(...findingProblems(result.findings, fuzzFile));
  if (scored) {
    tally.scored++;
    problems.push(...scoreProblems(scored));
  }
  // Only a file that passes can have taken the fast path: any finding sends it through the slow one.
  if (result.findings.length === 0) {
    tally.passed++;
    try {
      expect(result).toStrictEqual(await slowPathResult(fuzzFile, library));
    } catch (error) {
      problems.push(`${path.basename(fuzzFile.file)}: passes, but not as the position-aware parse alone gives: ${(error as Error).message}`);
    }
  }
  return ms;
}

async function checkCase(fuzzCase: FuzzCase, tally: Tally, strayRejections: unknown[]): Promise<void> {
  const { files, library } = fuzzCase;
  // A name that is not UTF-8 is carried escaped (fs/file-names.ts): written, like read, by its bytes.
  for (const { file, bytes } of files) writeFileSync(openablePath(file), bytes);
  const problems: string[] = [];
  let ms = 0;
  for (const fuzzFile of files) {
    try {
      ms += await loadAndCheck(fuzzFile, library, tally, problems);
    } catch (error) {
      throw failureReport(fuzzCase, [...problems, `${path.basename(fuzzFile.file)}: ${error instanceof Error ? error.stack : String(error)}`]);
    }
  }
  tally.record(ms, fuzzCase.description);
  if (ms > CASE_TIME_LIMIT_MS) problems.push(`took ${Math.round(ms)} ms, over the ${CASE_TIME_LIMIT_MS} ms allowed`);
  // Node reports a promise nobody handled once the current macrotask ends.
  await new Promise((resolve) => setImmediate(resolve));
  problems.push(...strayRejections.splice(0).map((reason) => `a promise was rejected and never handled: ${String(reason)}`));
  const polluted = pollution();
  if (polluted) problems.push(polluted);
  if (problems.length > 0) throw failureReport(fuzzCase, problems);
}

/**
 * Runs the test's share of the cases from `arbitrary` with the seed, then prints the summary line.
 * fast-check shrinks a failure to the smallest recipe and reports it with the files' text.
 */
export async function fuzz<T>(test: FuzzTest, arbitrary: fc.Arbitrary<T>, caseOf: (value: T) => FuzzCase): Promise<void> {
  const tally = new Tally();
  const strayRejections: unknown[] = [];
  const onRejection = (reason: unknown) => strayRejections.push(reason);
  process.on('unhandledRejection', onRejection);
  const started = performance.now();
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, (value) => checkCase(caseOf(value), tally, strayRejections)),
      { numRuns: runsOf(test), seed: FUZZ_SEED, includeErrorInReport: true },
    );
  } finally {
    process.off('unhandledRejection', onRejection);
    console.log(tally.summary(test, performance.now() - started));
  }
}
