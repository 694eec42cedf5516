// Scores, summaries and reports know a checklist by its id and version. Two different checklists
// under one id and version (one edited without a version bump, audits naming each by its path)
// would be scored as one: one site's answers shown as "not answered". The ambiguity is refused.
import path from 'node:path';
import { FILE_START, findingAt, type Finding } from '../shared/findings.js';
import type { LoadedAudit, LoadedChecklist } from './loaded.js';

/**
 * The checklists of the audits of one run, by id and version. Keying them by file instead would let
 * both be scored, but every summary, table and report would then show two columns of one name that
 * no reader could tell apart; a new version number is the mend, and the finding says so.
 */
export class ChecklistNames {
  private readonly byName = new Map<string, LoadedChecklist>();
  private readonly sameAsFirst = new Map<string, boolean>();

  /** `cwd`: where the files named in findings are shown from. */
  constructor(private readonly cwd: string) {}

  /** The finding for an audit whose checklist is not the one seen first under its id and version; undefined when it is. */
  conflict(audit: LoadedAudit): Finding | undefined {
    const { id, version } = audit.checklist.checklist;
    const name = `${id}@${version}`;
    const first = this.byName.get(name);
    if (!first) {
      this.byName.set(name, audit.checklist);
      return undefined;
    }
    if (this.same(first, audit.checklist)) return undefined;
    const files = [first.file, audit.checklist.file].map((file) => path.relative(this.cwd, file) || file);
    return findingAt(audit.file, FILE_START, 'checklist-ambiguous', { id, version, files });
  }

  /** Copies of one checklist are one checklist; compared once per file. */
  private same(first: LoadedChecklist, other: LoadedChecklist): boolean {
    if (first.file === other.file) return true;
    let same = this.sameAsFirst.get(other.file);
    if (same === undefined) {
      same = JSON.stringify(first.checklist) === JSON.stringify(other.checklist);
      this.sameAsFirst.set(other.file, same);
    }
    return same;
  }
}
