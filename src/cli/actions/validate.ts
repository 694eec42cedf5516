import { loadFiles } from '../../load/batch.js';
import { ChecklistNames } from '../../load/checklist-names.js';
import { byPosition, type Finding } from '../../shared/findings.js';
import { renderFindings, renderFindingsSummary } from '../../format/findings.js';
import type { ValidateOptions } from '../commands/validate.js';
import { openInputs } from '../load-audits.js';
import { EXIT } from '../io.js';
import type { CommandIo } from '../../shared/io.js';

export async function validate(io: CommandIo, paths: readonly string[], options: ValidateOptions): Promise<number> {
  const { files, library, workers } = await openInputs(io, paths, options.checklists);
  const findings: Finding[] = [];
  const names = new ChecklistNames(library.options.cwd);
  for await (const result of loadFiles(files, library, workers)) {
    findings.push(...result.findings.toSorted(byPosition));
    const conflict = result.kind === 'audit' && result.audit ? names.conflict(result.audit) : undefined;
    if (conflict) findings.push(conflict);
  }
  const summary = { files: files.length, findings };
  io.stdout(renderFindings(summary, options.format, io.lang));
  if (options.format === 'text') io.stdout(renderFindingsSummary(summary, io.lang, io.colour));
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
