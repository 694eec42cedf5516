// Opening an audit: a new one (asking for what the command line did not say, then creating its
// file) or a draft to resume (`--resume FILE`, with the checklist the file names).
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';
import { itemsOf } from '../model/checklist.js';
import { byPosition } from '../shared/findings.js';
import { renderFindings } from '../format/findings.js';
import { localize, t } from '../shared/lang.js';
import { FileExistsError } from '../shared/write-errors.js';
import { libraryFor, requireChecklist } from '../load/library.js';
import type { LoadedChecklist } from '../load/loaded.js';
import { loadFile } from '../load/load-file.js';
import type { Audit } from '../model/types.js';
import { isIsoDate, localDate, localTimestamp } from './local-time.js';
import { screenText } from './prompts/item-view.js';
import { selectTheme, type PromptSet } from './prompts/prompt-set.js';
import { recall, remember } from './remember.js';
import { auditFileBase, createAuditFile } from '../fs/audit-file.js';
import { createNumberedAuditFile, removeLeftoverTemps } from './save.js';
import { auditOf, headerOf, startSession, type Session } from './session.js';

export interface RunOptions {
  readonly checklist?: string;
  readonly site?: string;
  readonly auditor?: string;
  readonly date?: string;
  readonly out?: string;
  readonly resume?: string;
  readonly report?: string;
  readonly checklists: readonly string[];
}

export interface SetupDeps {
  readonly io: CommandIo;
  readonly prompts: PromptSet;
  readonly signal: AbortSignal;
  readonly now: () => Date;
}

export interface OpenAudit {
  readonly file: string;
  readonly session: Session;
}

/** Where new audits go unless `--out` says otherwise. */
export const AUDITS_DIR = 'audits';

async function chooseChecklist(options: RunOptions, deps: SetupDeps, last: string | undefined): Promise<LoadedChecklist> {
  const { io } = deps;
  const library = libraryFor(io, options.checklists);
  if (options.checklist) return requireChecklist(library, options.checklist, io.lang);
  const found = await library.all();
  if (found.length === 0) {
    throw new UserError(
      t(io.lang, '没有找到清单;用 --checklists DIR 指定清单文件夹', 'no checklists found; name a folder of checklists with --checklists DIR'),
    );
  }
  if (found.length === 1) return found[0]!;
  return deps.prompts.select(
    {
      message: t(io.lang, '清单', 'Checklist'),
      theme: selectTheme(io.lang),
      choices: found.map((loaded) => {
        const { id, version, title } = loaded.checklist;
        const items = [...itemsOf(loaded.checklist)].length;
        return {
          name: `${screenText(localize(title, io.lang))}  (${id} ${version}, ${t(io.lang, `${items} 题`, `${items} items`)})`,
          short: screenText(localize(title, io.lang)),
          value: loaded,
        };
      }),
      ...(last && found.some((loaded) => loaded.checklist.id === last) && { default: found.find((loaded) => loaded.checklist.id === last) }),
    },
    { signal: deps.signal },
  );
}

async function askText(deps: SetupDeps, message: string, remembered: string | undefined): Promise<string> {
  const answer = await deps.prompts.input(
    {
      message,
      ...(remembered && { default: remembered }),
      validate: (text) => text.trim() !== '' || t(deps.io.lang, '不能为空', 'cannot be empty'),
    },
    { signal: deps.signal },
  );
  return answer.trim();
}

/**
 * How the new audit names its checklist: by id and version, or by path when the user gave a path.
 * The path is relative to the audit when both live in the working folder (they move together),
 * absolute otherwise.
 */
function checklistReference(reference: string | undefined, loaded: LoadedChecklist, auditFile: string, cwd: string): Audit['checklist'] {
  if (reference === undefined || !/\.ya?ml$/i.test(reference)) return { id: loaded.checklist.id, version: loaded.checklist.version };
  if (path.relative(cwd, loaded.file).startsWith('..')) return loaded.file;
  return path.relative(path.dirname(auditFile), loaded.file).split(path.sep).join('/');
}

export async function startAudit(options: RunOptions, deps: SetupDeps): Promise<OpenAudit> {
  const { io } = deps;
  if (options.date !== undefined && !isIsoDate(options.date)) {
    throw new UserError(t(io.lang, `--date ${options.date} 不是有效日期;格式为 YYYY-MM-DD`, `--date ${options.date} is not a date; write it as YYYY-MM-DD`));
  }
  const last = await recall(io.settings.configDir);
  const loaded = await chooseChecklist(options, deps, last.checklist);
  const site = options.site?.trim() || (await askText(deps, t(io.lang, '门店/地点', 'Site'), last.site));
  const auditor = options.auditor?.trim() || (await askText(deps, t(io.lang, '审核人', 'Auditor'), last.auditor));
  const date =
    options.date ??
    (await deps.prompts.input(
      {
        message: t(io.lang, '日期', 'Date'),
        default: localDate(deps.now()),
        validate: (text) => isIsoDate(text.trim()) || t(io.lang, '格式为 YYYY-MM-DD,如 2026-11-23', 'write it as YYYY-MM-DD, e.g. 2026-11-23'),
      },
      { signal: deps.signal },
    )).trim();
  await remember(io.settings.configDir, { site, auditor, checklist: loaded.checklist.id });

  const header = { site, auditor, date, started: localTimestamp(deps.now()) };
  const draft = (file: string) =>
    startSession(loaded.checklist, { ...header, checklist: checklistReference(options.checklist, loaded, file, io.cwd) });
  if (options.out !== undefined) {
    const file = path.resolve(io.cwd, options.out);
    const session = draft(file);
    try {
      await createAuditFile(file, auditOf(session, 'draft'));
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      throw new UserError(
        t(
          io.lang,
          `${options.out} 已存在,不会覆盖;继续草稿请用 svc-audit run --resume ${options.out},或换一个 --out 文件`,
          `${options.out} already exists and is never overwritten; to continue a draft use svc-audit run --resume ${options.out}, or choose another --out FILE`,
        ),
      );
    }
    return { file, session };
  }
  // The file name is known only once a free one is claimed, and a path reference depends on it;
  // every candidate sits in the same folder, so any candidate gives the same reference.
  const dir = path.resolve(io.cwd, AUDITS_DIR);
  const session = draft(path.join(dir, 'audit.yaml'));
  const file = await createNumberedAuditFile(dir, auditFileBase(date, site), auditOf(session, 'draft'));
  return { file, session };
}

export async function resumeAudit(options: RunOptions, deps: SetupDeps): Promise<OpenAudit> {
  const { io } = deps;
  const resume = options.resume!;
  const given = [
    options.checklist !== undefined && 'CHECKLIST',
    options.site !== undefined && '--site',
    options.auditor !== undefined && '--auditor',
    options.date !== undefined && '--date',
    options.out !== undefined && '--out',
  ].filter(Boolean);
  if (given.length > 0) {
    throw new UserError(
      t(
        io.lang,
        `--resume 按文件中的记录继续;请去掉 ${given.join('、')}`,
        `--resume continues the file as it was started; leave out ${given.join(', ')}`,
      ),
    );
  }
  const file = path.resolve(io.cwd, resume);
  const library = libraryFor(io, options.checklists);
  const result = await loadFile(file, library);
  if (result.kind !== 'audit' || !result.audit) {
    const problems = result.findings.map((finding) => ({ ...finding, file: resume })).toSorted(byPosition);
    io.stderr(renderFindings({ files: 1, findings: problems }, 'text', io.lang));
    const why =
      result.kind === 'audit' || problems.length > 0
        ? t(io.lang, '文件有上述问题', 'the file has the problems above')
        : t(io.lang, '这不是审核记录', 'it is not an audit');
    throw new UserError(t(io.lang, `无法继续 ${resume}:${why}`, `cannot resume ${resume}: ${why}`));
  }
  const { audit, checklist } = result.audit;
  if (audit.status === 'complete') {
    throw new UserError(
      t(
        io.lang,
        `${resume} 是已完成的审核,不会再修改;新的审核请运行 svc-audit run`,
        `${resume} is a complete audit and is never changed; start a new one with svc-audit run`,
      ),
    );
  }
  await removeLeftoverTemps(file);
  return { file, session: startSession(checklist.checklist, headerOf(audit), audit.responses) };
}
