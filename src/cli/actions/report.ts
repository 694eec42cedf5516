// `svc-audit report`: the Markdown report of the audits among the paths, on stdout or written atomically to -o FILE.
import path from 'node:path';
import { scoreAudit } from '../../core/score.js';
import { summarize } from '../../core/summarize.js';
import { renderFindings } from '../../format/findings.js';
import { renderReport, type ReportedAudit } from '../../format/report.js';
import { t } from '../../shared/lang.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { checkOutputPath } from '../../fs/output-path.js';
import { describeWriteError } from '../../shared/write-errors.js';
import type { ReportOptions } from '../commands/report.js';
import { EXIT } from '../io.js';
import { UserError } from '../../shared/user-error.js';
import type { CommandIo } from '../../shared/io.js';
import { loadAudits, openInputs } from '../load-audits.js';


async function writeReport(io: CommandIo, out: string, text: string): Promise<void> {
  try {
    // The user named this file, so replacing it is what they asked for; atomically, so a crash never leaves half a report.
    await writeFileAtomic(path.resolve(io.cwd, out), text, { overwrite: true });
  } catch (error) {
    throw new UserError(describeWriteError(error, out, io.lang));
  }
}

export async function report(io: CommandIo, paths: readonly string[], options: ReportOptions): Promise<number> {
  const inputs = await openInputs(io, paths, options.checklists);
  if (options.out !== undefined) await checkOutputPath(options.out, inputs.files, io);
  const { audits, checklists, findings } = await loadAudits(
    inputs,
    ({ file, audit, checklist }): ReportedAudit => ({ result: scoreAudit({ file, audit, checklist: checklist.checklist }), audit }),
  );
  io.stderr(renderFindings({ files: inputs.files.length, findings }, 'text', io.lang));
  if (audits.length === 0) {
    if (findings.length > 0) return EXIT.findings;
    throw new UserError(t(io.lang, `${paths.join('、')} 中没有审核记录`, `no audits among ${paths.join(', ')}`));
  }
  const results = audits.map(({ result }) => result);
  const report = renderReport({ audits, summaries: summarize(results, checklists), checklists }, io.lang);
  if (options.out === undefined) io.stdout(report);
  else await writeReport(io, options.out, report);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
