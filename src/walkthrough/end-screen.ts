// The end of a walkthrough: the gaps at once, while the supervisor is still on the floor. Scored by
// the same core and drawn by the same views as `score` and `report`, so the numbers are the same;
// every line fits the terminal, and the score and the next command come last, where the eye is.
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';
import { scoreAudit } from '../core/score.js';
import { checklistKey, factorPriorities } from '../core/summarize.js';
import { factsBlock, gridOr, heading } from '../format/document.js';
import { renderTerminal } from '../format/document-terminal.js';
import { renderReport } from '../format/report.js';
import { auditFacts, auditOverview, priorities, viewsIn } from '../format/score-views.js';
import { t } from '../shared/lang.js';
import { describeWriteError } from '../shared/write-errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Audit, Checklist } from '../model/types.js';
import { reportCommand } from './command-line.js';
import { packLines, PROCESS_TERMINAL, wrapLine, type Terminal } from './prompts/layout.js';

export interface Finished {
  readonly file: string;
  readonly audit: Audit;
  readonly checklist: Checklist;
  /** `--report FILE`: where to write the Markdown report of this audit. */
  readonly report?: string | undefined;
  /** The checklist folders the run used, for the printed report command. */
  readonly checklists?: readonly string[];
  readonly terminal?: Terminal;
}

// The issue asks for the five worst: what a supervisor can act on before leaving the site.
const WORST_FACTORS = 5;
// The head of the list is what to start on; the report has the rest.
const FIX_FIRST = 3;

export async function showEnd(io: CommandIo, { file, audit, checklist, report, checklists = [], terminal = PROCESS_TERMINAL }: Finished): Promise<void> {
  const shown = path.relative(io.cwd, file) || file;
  const result = scoreAudit({ file: shown, audit, checklist });
  const known = new Map([[checklistKey(checklist.id, checklist.version), checklist]]);
  const views = viewsIn(known, io.lang);
  const fixFirst = priorities(views, result.checklist, factorPriorities(checklist, result.sections));
  // The overview `score` and `report` show, with its facts moved last and the head of fix first added.
  const blocks = [
    ...auditOverview(views, result, { worstFactors: WORST_FACTORS }).filter((block) => block.kind !== 'facts'),
    heading(2, views.words.fixFirst),
    gridOr({ ...fixFirst, rows: fixFirst.rows.slice(0, FIX_FIRST) }, views.words.nothingToFix),
  ];
  const width = terminal.columns();
  // The facts packed a few to a line, last: on a 24-line terminal the score is what stays in view.
  const facts = auditFacts(views, result).map((fact) => renderTerminal([factsBlock([fact])], io.colour).trimEnd());
  io.stdout(`\n${io.colour.green(t(io.lang, `✔ 审核完成,已保存:${shown}`, `✔ audit complete, saved: ${shown}`))}\n\n`);
  io.stdout(renderTerminal(blocks, io.colour, { width }));
  io.stdout(`\n${packLines(facts, width).join('\n')}\n`);
  if (report === undefined) {
    const command = reportCommand(io, file, checklists);
    io.stdout(`\n${t(io.lang, '生成报告:', 'Make the report:')}\n${wrapLine(`  ${io.colour.cyan(command)}`, width, '    ').join('\n')}\n`);
    return;
  }
  const markdown = renderReport({ audits: [{ result, audit }], checklists: known }, io.lang);
  try {
    // The user named this file, so replacing it is what they asked for.
    await writeFileAtomic(path.resolve(io.cwd, report), markdown, { overwrite: true });
  } catch (error) {
    throw new UserError(t(io.lang, `审核已保存;但${describeWriteError(error, report, io.lang)}`, `the audit is saved, but ${describeWriteError(error, report, io.lang)}`));
  }
  io.stdout(`\n${t(io.lang, `报告:${report}`, `report: ${report}`)}\n`);
}
