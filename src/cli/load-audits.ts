// The loading loop of the commands that read audits: PATH arguments to files, then every audit among
// them checked against its checklist, a bad file never stopping the others.
import { byPosition, type Finding } from '../shared/findings.js';
import { scoreAudit } from '../core/score.js';
import type { AuditResult } from '../core/score-types.js';
import { checklistKey } from '../core/summarize.js';
import { t } from '../shared/lang.js';
import { expandPaths } from '../load/discover.js';
import { loadFiles } from '../load/batch.js';
import { ChecklistNames } from '../load/checklist-names.js';
import { libraryFor, type ChecklistLibrary } from '../load/library.js';
import type { LoadedAudit } from '../load/loaded.js';
import { workersFor } from '../load/parallel.js';
import type { Checklist } from '../model/types.js';
import { UserError } from '../shared/user-error.js';
import { pathArguments } from './io.js';
import type { CommandIo } from '../shared/io.js';

export interface Inputs {
  readonly files: readonly string[];
  readonly library: ChecklistLibrary;
  /** Worker threads to load the files on; 0 for none. */
  readonly workers: number;
}

/** The YAML files the paths name, and where to look their checklists up; finding none is a usage error. */
export async function openInputs(io: CommandIo, paths: readonly string[], checklistDirs: readonly string[]): Promise<Inputs> {
  const files = await expandPaths(pathArguments(paths));
  if (files.length === 0) {
    throw new UserError(t(io.lang, `在 ${paths.join('、')} 中没有找到 YAML 文件`, `no YAML files found in ${paths.join(', ')}`));
  }
  return { files, library: libraryFor(io, checklistDirs, files), workers: workersFor(files, io.settings.threads) };
}

export interface AuditsSeen {
  /** The checklists the audits were checked against, by `checklistKey`. */
  readonly checklists: Map<string, Checklist>;
  /** What is wrong with the files that are not valid, in file and position order. */
  readonly findings: Finding[];
}

/**
 * Hands every valid audit among the inputs to `visit` as it is loaded, in the order of the files, with
 * the position of its file among them, so that a caller streaming results holds none of them. Valid
 * checklists among the inputs are not audits and are skipped (the library already uses them for
 * look-ups); invalid files of either kind are reported.
 */
export async function forEachAudit(
  { files, library, workers }: Inputs,
  visit: (loaded: LoadedAudit, position: number) => void | Promise<void>,
): Promise<AuditsSeen> {
  const seen: AuditsSeen = { checklists: new Map(), findings: [] };
  const names = new ChecklistNames(library.options.cwd);
  // loadFiles gives one result a file, in the order of the files.
  let position = -1;
  for await (const result of loadFiles(files, library, workers)) {
    position += 1;
    seen.findings.push(...result.findings.toSorted(byPosition));
    if (result.kind !== 'audit' || !result.audit) continue;
    const conflict = names.conflict(result.audit);
    if (conflict) {
      seen.findings.push(conflict);
      continue;
    }
    const { checklist } = result.audit.checklist;
    seen.checklists.set(checklistKey(checklist.id, checklist.version), checklist);
    await visit(result.audit, position);
  }
  return seen;
}

/** A loaded audit scored against the checklist it was checked against. */
export function scoreLoaded({ file, audit, checklist }: LoadedAudit): AuditResult {
  return scoreAudit({ file, audit, checklist: checklist.checklist });
}
