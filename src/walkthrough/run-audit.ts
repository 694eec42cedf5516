// One `svc-audit run` from start to end: open the audit, walk it, and either finish it (complete,
// scored, reported) or keep the draft and say how to resume. Terminal-free given its prompts, so the
// tests drive it exactly as a supervisor would.
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import { checkOutputPath } from '../fs/output-path.js';
import type { CommandIo } from '../shared/io.js';
import { t, type Lang } from '../shared/lang.js';
import { describeWriteError } from '../shared/write-errors.js';
import { describeFinding } from '../format/finding-messages.js';
import type { Audit } from '../model/types.js';
import { resumeCommand } from './command-line.js';
import { showEnd } from './end-screen.js';
import { isInterruption } from './interrupt.js';
import { localTimestamp } from './local-time.js';
import type { Terminal } from './prompts/layout.js';
import type { Clock } from './prompts/measure.js';
import type { PromptSet } from './prompts/prompt-set.js';
import { InvalidAuditError } from './save.js';
import { auditOf, progressOf } from './session.js';
import { continueAudit, startAudit, type OpenAudit, type RunOptions } from './setup.js';
import { walk } from './walk.js';

export interface RunDeps {
  readonly prompts: PromptSet;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly clock?: Clock;
  readonly terminal?: Terminal;
}

/** How a walkthrough ended: the audit finished and marked complete, or a draft kept to resume. */
export type RunOutcome = 'finished' | 'interrupted';

/** `--report` must never replace the audit being written: the same file by device and inode, not by name. */
function refuseReportOverAudit(io: CommandIo, options: RunOptions): void {
  const audit = options.out ?? options.resume ?? options.reopen;
  if (options.report === undefined || audit === undefined) return;
  checkOutputPath(options.report, [audit], io);
}

/** Settles with the setup, or rejects as soon as a signal comes: a slow start must not hold off SIGTERM. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('interrupted'), { name: 'AbortPromptError' }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function saveProblem(error: unknown, shown: string, lang: Lang): string {
  if (error instanceof InvalidAuditError) {
    const reasons = error.findings.map((finding) => describeFinding(finding, lang)).join('; ');
    return t(lang, `未保存 ${shown}:这样写入的文件无法通过校验(${reasons});之前的答案仍在文件中`, `${shown} not saved: the file would not pass validate (${reasons}); the answers before this one are in the file`);
  }
  return describeWriteError(error, shown, lang);
}

export async function runAudit(io: CommandIo, options: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  refuseReportOverAudit(io, options);
  let opened: OpenAudit;
  try {
    const continuing = options.resume !== undefined || options.reopen !== undefined;
    const setup = continuing ? continueAudit(options, { io, ...deps }) : startAudit(options, { io, ...deps });
    // A lock taken by a setup that lost the race against a signal is given back.
    setup.then(
      (late) => deps.signal.aborted && void late.release(),
      () => undefined,
    );
    opened = await unlessAborted(setup, deps.signal);
  } catch (error) {
    if (!isInterruption(error) && !deps.signal.aborted) throw error;
    io.stderr(t(io.lang, '\n已中断,尚未保存任何内容\n', '\ninterrupted before the audit began; nothing was saved\n'));
    return 'interrupted';
  }
  try {
    return await walkOpened(io, options, deps, opened);
  } finally {
    await opened.release();
  }
}

async function walkOpened(io: CommandIo, options: RunOptions, deps: RunDeps, { file, session }: OpenAudit): Promise<RunOutcome> {
  const shown = path.relative(io.cwd, file.file) || file.file;
  const save = async (audit: Audit) => {
    try {
      await file.save(audit);
    } catch (error) {
      throw new UserError(saveProblem(error, shown, io.lang));
    }
  };
  io.stdout(io.colour.dim(t(io.lang, `审核文件:${shown}(每次作答后自动保存)\n`, `audit file: ${shown} (saved after every answer)\n`)));

  const end = await walk(session, {
    io,
    prompts: deps.prompts,
    signal: deps.signal,
    saveDraft: save,
    ...(deps.clock && { clock: deps.clock }),
    ...(deps.terminal && { terminal: deps.terminal }),
  });
  if (!end.finished) {
    await save(auditOf(end.session, 'draft'));
    const { answered, scored } = progressOf(end.session);
    const command = resumeCommand(io, file.file, options.checklists);
    io.stderr(
      t(
        io.lang,
        `\n草稿已保存:${shown}(已答 ${answered}/${scored})。继续审核:\n  ${command}\n`,
        `\ndraft saved: ${shown} (${answered}/${scored} answered). To continue:\n  ${command}\n`,
      ),
    );
    return 'interrupted';
  }
  const audit = auditOf(end.session, 'complete', localTimestamp(deps.now()));
  await save(audit);
  await showEnd(io, { file: file.file, audit, checklist: end.session.checklist, report: options.report, checklists: options.checklists, ...(deps.terminal && { terminal: deps.terminal }) });
  return 'finished';
}
