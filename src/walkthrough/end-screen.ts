// The end of a walkthrough: the gaps at once, while the supervisor is still on the floor. Scored by
// the same core and drawn by the same views as `score` and `report`, so the numbers are the same.
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';
import { scoreAudit } from '../core/score.js';
import { checklistKey } from '../core/summarize.js';
import { renderTerminal } from '../format/document-terminal.js';
import { renderReport } from '../format/report.js';
import { auditOverview, viewsIn } from '../format/score-views.js';
import { t } from '../shared/lang.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Audit, Checklist } from '../model/types.js';

export interface Finished {
  readonly file: string;
  readonly audit: Audit;
  readonly checklist: Checklist;
  /** `--report FILE`: where to write the Markdown report of this audit. */
  readonly report?: string | undefined;
}

// The issue asks for the five worst: what a supervisor can act on before leaving the site.
const WORST_FACTORS = 5;

export async function showEnd(io: CommandIo, { file, audit, checklist, report }: Finished): Promise<void> {
  const shown = path.relative(io.cwd, file) || file;
  const result = scoreAudit({ file: shown, audit, checklist });
  const checklists = new Map([[checklistKey(checklist.id, checklist.version), checklist]]);
  const blocks = auditOverview(viewsIn(checklists, io.lang), result, { worstFactors: WORST_FACTORS });
  io.stdout(`\n${io.colour.green(t(io.lang, `✔ 审核完成,已保存:${shown}`, `✔ audit complete, saved: ${shown}`))}\n\n`);
  io.stdout(renderTerminal(blocks, io.colour));
  if (report === undefined) return;
  const markdown = renderReport({ audits: [{ result, audit }], checklists }, io.lang);
  try {
    // The user named this file, so replacing it is what they asked for.
    await writeFileAtomic(path.resolve(io.cwd, report), markdown, { overwrite: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(t(io.lang, `审核已保存,但无法写入报告 ${report}(${reason})`, `the audit is saved, but the report ${report} cannot be written (${reason})`));
  }
  io.stdout(t(io.lang, `报告:${report}\n`, `report: ${report}\n`));
}
