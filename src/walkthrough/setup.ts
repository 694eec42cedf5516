// Opening an audit: a new one (asking for what the command line did not say, then creating its
// file), a draft to resume (`--resume FILE`, or one found for the same checklist, site and date), or
// a complete audit re-opened for correction (`--reopen FILE`). Each is locked for this run.
import { access, constants, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../shared/user-error.js';
import type { CommandIo } from '../shared/io.js';
import { itemsOf } from '../model/checklist.js';
import { byPosition } from '../shared/findings.js';
import { renderFindings } from '../format/findings.js';
import { localize, t } from '../shared/lang.js';
import { describeWriteError } from '../shared/write-errors.js';
import { readTextSync } from '../fs/read-file.js';
import { libraryFor, requireChecklist, type ChecklistLibrary } from '../load/library.js';
import type { LoadedChecklist } from '../load/loaded.js';
import { checkSource, loadFile } from '../load/load-file.js';
import { parseYaml } from '../yaml/source.js';
import type { Audit } from '../model/types.js';
import { isIsoDate, localDate, localTimestamp } from './local-time.js';
import { AuditLockedError, lockAudit } from './lock.js';
import { screenText } from './prompts/item-view.js';
import { selectTheme, type PromptSet } from './prompts/prompt-set.js';
import { recall, remember } from './remember.js';
import { auditFileBase } from '../fs/audit-file.js';
import { AuditFile, createNumberedAuditFile, numberedAuditFiles, removeLeftoverTemps, type CheckAudit } from './save.js';
import { auditOf, headerOf, progressOf, startSession, toReview, type Session } from './session.js';

export interface RunOptions {
  readonly checklist?: string;
  readonly site?: string;
  readonly auditor?: string;
  readonly date?: string;
  readonly out?: string;
  readonly resume?: string;
  readonly reopen?: string;
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
  readonly file: AuditFile;
  readonly session: Session;
  /** Gives back the lock on the file. */
  readonly release: () => Promise<void>;
}

/** Where new audits go unless `--out` says otherwise. */
export const AUDITS_DIR = 'audits';

/** Re-opened audits record when, so a corrected audit never looks as if it had been written so at first. */
export const REOPENED_KEY = 'x-reopened';

/** What validate would say about an audit file's contents, with the checklists this run sees. */
function checkerFor(library: ChecklistLibrary): CheckAudit {
  return async (file, text) => {
    const parsed = parseYaml(file, text);
    return parsed.ok ? (await checkSource(parsed.source, library)).findings : parsed.findings;
  };
}

async function chooseChecklist(options: RunOptions, deps: SetupDeps, library: ChecklistLibrary, last: string | undefined): Promise<LoadedChecklist> {
  const { io } = deps;
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

const exists = (file: string) => stat(file).then(
  (found) => found,
  () => undefined,
);

/**
 * `--out FILE` checked before any question: not a folder, not an existing file (a draft is pointed to
 * --resume), and in a folder this user can write to, else the reason describeWriteError gives.
 */
async function checkOut(out: string, deps: SetupDeps, library: ChecklistLibrary): Promise<string> {
  const { io } = deps;
  const file = path.resolve(io.cwd, out);
  const found = await exists(file);
  if (found?.isDirectory()) {
    throw new UserError(t(io.lang, `--out ${out} 是一个文件夹;请写出其中的审核文件名,如 ${path.join(out, 'audit.yaml')}`, `--out ${out} is a folder; name the audit file in it, e.g. ${path.join(out, 'audit.yaml')}`));
  }
  if (found) {
    const loaded = await loadFile(file, library);
    const draft = loaded.kind === 'audit' && loaded.audit?.audit.status === 'draft';
    throw new UserError(
      draft
        ? t(io.lang, `${out} 已存在,不会覆盖;继续这份草稿请用 svc-audit run --resume ${out}`, `${out} already exists and is never overwritten; to continue that draft use svc-audit run --resume ${out}`)
        : t(io.lang, `${out} 已存在,不会覆盖;请换一个 --out 文件`, `${out} already exists and is never overwritten; choose another --out FILE`),
    );
  }
  // The nearest folder that exists is where the first save creates the rest.
  let dir = path.dirname(file);
  while (!(await exists(dir)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    await access(dir, constants.W_OK);
    if (!(await exists(dir))?.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new UserError(describeWriteError(error, out, io.lang));
  }
  return file;
}

/** Drafts already begun for this checklist, site and date (a run Ctrl-C'd this morning), with their progress. */
async function draftsFor(dir: string, base: string, checklistId: string, library: ChecklistLibrary): Promise<{ file: string; answered: string }[]> {
  const drafts: { file: string; answered: string }[] = [];
  for (const file of numberedAuditFiles(dir, base)) {
    if (!(await exists(file))) break;
    const loaded = await loadFile(file, library);
    const audit = loaded.kind === 'audit' ? loaded.audit : undefined;
    if (audit?.audit.status !== 'draft' || audit.checklist.checklist.id !== checklistId) continue;
    const { answered, scored } = progressOf(startSession(audit.checklist.checklist, headerOf(audit.audit), audit.audit.responses));
    drafts.push({ file, answered: `${answered}/${scored}` });
  }
  return drafts;
}

async function lock(file: string, deps: SetupDeps): Promise<() => Promise<void>> {
  try {
    return await lockAudit(file);
  } catch (error) {
    if (!(error instanceof AuditLockedError)) throw new UserError(describeWriteError(error, file, deps.io.lang));
    const shown = path.relative(deps.io.cwd, file) || file;
    throw new UserError(
      t(
        deps.io.lang,
        `${shown} 正由另一个 svc-audit run(进程 ${error.pid})打开;请先在那里完成或按 Ctrl-C 退出`,
        `${shown} is open in another svc-audit run (process ${error.pid}); finish it there or press Ctrl-C in it first`,
      ),
    );
  }
}

export async function startAudit(options: RunOptions, deps: SetupDeps): Promise<OpenAudit> {
  const { io } = deps;
  if (options.date !== undefined && !isIsoDate(options.date)) {
    throw new UserError(t(io.lang, `--date ${options.date} 不是有效日期;格式为 YYYY-MM-DD`, `--date ${options.date} is not a date; write it as YYYY-MM-DD`));
  }
  const library = libraryFor(io, options.checklists);
  const check = checkerFor(library);
  const out = options.out === undefined ? undefined : await checkOut(options.out, deps, library);
  const last = await recall(io.settings.configDir);
  const loaded = await chooseChecklist(options, deps, library, last.checklist);
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
  if (out !== undefined) {
    const session = draft(out);
    const file = new AuditFile(out, check);
    try {
      await mkdir(path.dirname(out), { recursive: true });
    } catch (error) {
      throw new UserError(describeWriteError(error, options.out!, io.lang));
    }
    // Locked before it exists: a run refused the lock leaves nothing behind.
    const release = await lock(out, deps);
    try {
      await file.create(auditOf(session, 'draft'));
    } catch (error) {
      await release();
      throw new UserError(describeWriteError(error, options.out!, io.lang));
    }
    return { file, session, release };
  }
  const dir = path.resolve(io.cwd, AUDITS_DIR);
  const base = auditFileBase(date, site);
  const drafts = await draftsFor(dir, base, loaded.checklist.id, library);
  if (drafts.length > 0) {
    const shown = (file: string) => path.relative(io.cwd, file);
    const picked = await deps.prompts.pick(
      {
        lang: io.lang,
        colour: io.colour,
        message: t(io.lang, `这家门店这一天已有草稿:继续它,还是开始新的审核?`, `A draft of this site and day exists: continue it, or start a new audit?`),
        choices: [
          ...drafts.map(({ file, answered }) => t(io.lang, `继续 ${shown(file)}(已答 ${answered})`, `continue ${shown(file)} (${answered} answered)`)),
          t(io.lang, '开始新的审核(另存一个文件)', 'start a new audit (in a new file)'),
        ],
      },
      { signal: deps.signal },
    );
    if (picked !== undefined && picked < drafts.length) return openExisting(drafts[picked]!.file, 'resume', deps, library);
  }
  // The file name is known only once a free one is claimed, and a path reference depends on it;
  // every candidate sits in the same folder, so any candidate gives the same reference.
  const session = draft(path.join(dir, 'audit.yaml'));
  let file: AuditFile;
  try {
    file = await createNumberedAuditFile(dir, base, auditOf(session, 'draft'), check);
  } catch (error) {
    throw new UserError(describeWriteError(error, path.join(AUDITS_DIR, `${base}.yaml`), io.lang));
  }
  return { file, session, release: await lock(file.file, deps) };
}

/** A draft to continue, or a complete audit to correct: its own file, checklist and answers. */
async function openExisting(file: string, how: 'resume' | 'reopen', deps: SetupDeps, library: ChecklistLibrary): Promise<OpenAudit> {
  const { io } = deps;
  const named = path.relative(io.cwd, file) || file;
  const release = await lock(file, deps);
  try {
    const result = await loadFile(file, library);
    if (result.kind !== 'audit' || !result.audit) {
      const problems = result.findings.map((finding) => ({ ...finding, file: named })).toSorted(byPosition);
      io.stderr(renderFindings({ files: 1, findings: problems }, 'text', io.lang));
      const why =
        result.kind === 'audit' || problems.length > 0
          ? t(io.lang, '文件有上述问题', 'the file has the problems above')
          : t(io.lang, '这不是审核记录', 'it is not an audit');
      throw new UserError(t(io.lang, `无法打开 ${named}:${why}`, `cannot ${how} ${named}: ${why}`));
    }
    const { audit, checklist } = result.audit;
    if (how === 'resume' && audit.status === 'complete') {
      throw new UserError(
        t(io.lang, `${named} 是已完成的审核;要更正它请用 svc-audit run --reopen ${named}`, `${named} is a complete audit; to correct it use svc-audit run --reopen ${named}`),
      );
    }
    if (how === 'reopen' && audit.status !== 'complete') {
      throw new UserError(t(io.lang, `${named} 是草稿;继续它请用 svc-audit run --resume ${named}`, `${named} is a draft; continue it with svc-audit run --resume ${named}`));
    }
    const read = readTextSync(file, io.settings.maxFileBytes);
    if ('finding' in read) throw new UserError(t(io.lang, `无法读取 ${named}`, `cannot read ${named}`));
    await removeLeftoverTemps(file);
    const header = headerOf(audit);
    const session =
      how === 'resume'
        ? startSession(checklist.checklist, header, audit.responses)
        : toReview(
            startSession(
              checklist.checklist,
              {
                ...header,
                extensions: {
                  ...header.extensions,
                  [REOPENED_KEY]: [...reopenedBefore(header.extensions?.[REOPENED_KEY]), localTimestamp(deps.now())],
                },
              },
              audit.responses,
            ),
          );
    return { file: new AuditFile(file, checkerFor(library), read.text), session, release };
  } catch (error) {
    await release();
    throw error;
  }
}

const reopenedBefore = (kept: unknown): unknown[] => (Array.isArray(kept) ? kept : kept === undefined ? [] : [kept]);

/** `--resume FILE` or `--reopen FILE`: the file says the checklist, site, auditor and date. */
export async function continueAudit(options: RunOptions, deps: SetupDeps): Promise<OpenAudit> {
  const { io } = deps;
  const how = options.reopen !== undefined ? 'reopen' : 'resume';
  const given = [
    options.checklist !== undefined && 'CHECKLIST',
    options.site !== undefined && '--site',
    options.auditor !== undefined && '--auditor',
    options.date !== undefined && '--date',
    options.out !== undefined && '--out',
    options.reopen !== undefined && options.resume !== undefined && '--resume',
  ].filter(Boolean);
  if (given.length > 0) {
    throw new UserError(
      t(io.lang, `--${how} 按文件中的记录继续;请去掉 ${given.join('、')}`, `--${how} continues the file as it was started; leave out ${given.join(', ')}`),
    );
  }
  const file = path.resolve(io.cwd, (options.reopen ?? options.resume)!);
  return openExisting(file, how, deps, libraryFor(io, options.checklists));
}
