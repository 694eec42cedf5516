// One `svc-audit run` from start to end: open the audit, walk it, and either finish it (complete,
// scored, reported) or keep the draft and say how to resume. Terminal-free given its prompts, so the
// tests drive it exactly as a supervisor would.
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';
import { t } from '../shared/lang.js';
import type { Audit } from '../model/types.js';
import { showEnd } from './end-screen.js';
import { isInterruption } from './interrupt.js';
import { localTimestamp } from './local-time.js';
import type { Clock } from './prompts/measure.js';
import type { PromptSet } from './prompts/prompt-set.js';
import { saveAudit } from './save.js';
import { auditOf, progressOf } from './session.js';
import { resumeAudit, startAudit, type RunOptions } from './setup.js';
import { walk } from './walk.js';

export interface RunDeps {
  readonly prompts: PromptSet;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly clock?: Clock;
}

const SHELL_SAFE = /^[\w@%+=:,./-]+$/;
const shellWord = (word: string) => (SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** The exact command that continues this audit, with the checklist folders it needs. */
export function resumeCommand(io: CommandIo, file: string, checklists: readonly string[]): string {
  const shown = path.relative(io.cwd, file);
  const words = ['svc-audit', 'run', '--resume', shown.startsWith('..') ? file : shown];
  for (const dir of checklists) words.push('--checklists', dir);
  return words.map(shellWord).join(' ');
}

/** How a walkthrough ended: the audit finished and marked complete, or a draft kept to resume. */
export type RunOutcome = 'finished' | 'interrupted';

export async function runAudit(io: CommandIo, options: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  let opened;
  try {
    opened = options.resume !== undefined ? await resumeAudit(options, { io, ...deps }) : await startAudit(options, { io, ...deps });
  } catch (error) {
    if (!isInterruption(error) && !deps.signal.aborted) throw error;
    io.stderr(t(io.lang, '\n已中断,尚未保存任何内容\n', '\ninterrupted before the audit began; nothing was saved\n'));
    return 'interrupted';
  }
  const { file } = opened;
  const shown = path.relative(io.cwd, file) || file;
  const save = async (audit: Audit) => {
    try {
      await saveAudit(file, audit);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(t(io.lang, `无法保存 ${shown}(${reason});之前的答案仍在文件中`, `cannot save ${shown} (${reason}); the answers before this one are in the file`));
    }
  };
  io.stdout(io.colour.dim(t(io.lang, `审核文件:${shown}(每次作答后自动保存)\n`, `audit file: ${shown} (saved after every answer)\n`)));

  const end = await walk(opened.session, { io, prompts: deps.prompts, signal: deps.signal, saveDraft: save, ...(deps.clock && { clock: deps.clock }) });
  if (!end.finished) {
    await save(auditOf(end.session, 'draft'));
    const { answered, scored } = progressOf(end.session);
    io.stderr(
      t(
        io.lang,
        `\n草稿已保存:${shown}(已答 ${answered}/${scored})。继续审核:\n  ${resumeCommand(io, file, options.checklists)}\n`,
        `\ndraft saved: ${shown} (${answered}/${scored} answered). To continue:\n  ${resumeCommand(io, file, options.checklists)}\n`,
      ),
    );
    return 'interrupted';
  }
  const audit = auditOf(end.session, 'complete', localTimestamp(deps.now()));
  await save(audit);
  await showEnd(io, { file, audit, checklist: end.session.checklist, report: options.report });
  return 'finished';
}
