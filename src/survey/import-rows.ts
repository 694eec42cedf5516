// Every data row of an export made into an audit, checked by the same checks as any audit file
// (src/load/), and written to its own new file when it passes. A row with a bad cell is not written
// and its findings name the cells; the other rows are written all the same.
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { auditFileBase, auditYaml } from '../fs/audit-file.js';
import { byPosition, findingAt, type Finding } from '../shared/findings.js';
import { FileExistsError } from '../shared/write-errors.js';
import { checkAuditRules } from '../load/audit-rules.js';
import type { ChecklistLibrary } from '../load/library.js';
import { checkShape } from '../load/shape.js';
import { sourceOfData, type SourceDocument } from '../yaml/source.js';
import type { Audit } from '../model/types.js';
import type { ResolvedMap } from './map-columns.js';
import { checklistReference, rowAudit } from './row-audit.js';
import type { Table, TableRow } from './table.js';

export interface ImportResult {
  /** The audit files written, in row order. */
  readonly written: readonly string[];
  /** The cells that kept their rows from being written, in row order. */
  readonly findings: readonly Finding[];
  /** Rows not written because their file is already there (an import run twice into one folder). */
  readonly existing: readonly Finding[];
}

/** Writing `file` failed for a reason other than its being there already; the files written before it stay. */
export class WriteFailure extends Error {
  constructor(
    readonly file: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${file}`);
  }
}

/** Audit files being written at once: enough to overlap the disk's flushes, few enough to keep memory flat. */
const WRITE_WINDOW = 32;

/** `2026-11-20-lujiazui-branch-row-7.yaml`: sorts by date and site like `run`'s files; the row makes it unique. */
export function rowFileName(date: string, site: string, row: TableRow): string {
  return `${auditFileBase(date, site)}-row-${row.number}.yaml`;
}

const notFromYaml = (): never => {
  throw new Error('an audit made from a row has no YAML nodes; its findings are placed by locate');
};

/** Stand-ins that fit the schema, for site, auditor and date cells that do not. */
const STAND_INS = { site: '-', auditor: '-', date: '2000-01-01' } as const;

/**
 * The answers' own findings when the shape check failed: a bad site, auditor or date cell must not
 * hide bad answers in the same row, so the answers are checked again beside stand-ins for those
 * three. An answer whose shape is wrong was reported already; only then are no rules run.
 */
async function answersBesideStandIns(source: SourceDocument, audit: Audit, library: ChecklistLibrary): Promise<Finding[]> {
  const standIn = sourceOfData(source.file, { ...audit, ...STAND_INS }, { locate: source.locate, noYaml: notFromYaml });
  const shape = checkShape(standIn, 'audit');
  return shape.data ? (await checkAuditRules(standIn, shape.data, library)).findings : [];
}

/** Where the audits of one import go and what they are checked against. */
export interface ImportTarget {
  readonly resolved: ResolvedMap;
  readonly library: ChecklistLibrary;
  readonly outDir: string;
  readonly reference: Audit['checklist'];
}

/** One row's audit, or every finding about its cells (the audit is then not to be written). */
export async function checkRow(table: Table, row: TableRow, { resolved, library, outDir, reference }: ImportTarget): Promise<{ findings: Finding[]; audit?: Audit }> {
  const made = rowAudit(table, row, resolved, reference);
  // Checked as if it were already in the folder it goes to: a checklist path is relative to there.
  const source = sourceOfData(path.join(outDir, 'row.yaml'), made.audit, { locate: made.locate, noYaml: notFromYaml });
  const shape = checkShape(source, 'audit');
  const checked = shape.data ? await checkAuditRules(source, shape.data, library) : { findings: shape.findings };
  const findings = [...made.findings, ...checked.findings];
  if (!shape.data) findings.push(...(await answersBesideStandIns(source, made.audit, library)));
  return findings.length > 0 ? { findings } : { findings, audit: made.audit };
}

/** Imports every row of `table` into `outDir`, which must exist. */
export async function importRows(
  table: Table,
  resolved: ResolvedMap,
  library: ChecklistLibrary,
  outDir: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const target = { resolved, library, outDir, reference: checklistReference(resolved, outDir) };
  const results: ({ file: string } | { findings: Finding[] } | { existing: Finding })[] = [];
  const writing = new Set<Promise<void>>();
  // A folder that cannot be written to (permissions, a full disk) stops the import: every row would fail alike.
  let failure: { error: unknown; file: string } | undefined;
  for (const [index, row] of table.rows.entries()) {
    const checked = await checkRow(table, row, target);
    const { audit } = checked;
    if (!audit) {
      results[index] = { findings: checked.findings.toSorted(byPosition) };
    } else {
      const file = path.join(outDir, rowFileName(audit.date, audit.site, row));
      // The folder exists (the caller made it): no mkdir per file, which cost a twentieth of the time.
      const write = writeFileAtomic(file, auditYaml(audit), { overwrite: false }).then(
        () => void (results[index] = { file }),
        (error: unknown) => {
          if (error instanceof FileExistsError) {
            results[index] = { existing: findingAt(table.file, { line: row.number, col: 1 }, 'audit-exists', { file }) };
          } else failure ??= { error, file };
        },
      );
      writing.add(write);
      void write.then(() => writing.delete(write));
      if (writing.size >= WRITE_WINDOW) await Promise.race(writing);
    }
    progress(index + 1, table.rows.length);
    if (failure) break;
  }
  await Promise.all(writing);
  if (failure) throw new WriteFailure(failure.file, failure.error);
  return {
    written: results.flatMap((result) => ('file' in result ? [result.file] : [])),
    findings: results.flatMap((result) => ('findings' in result ? result.findings : [])),
    existing: results.flatMap((result) => ('existing' in result ? [result.existing] : [])),
  };
}
