// Where checklists come from: the files a command was given, `--checklists DIR`s, ./checklists/, and
// the built-in ones shipped with the package, searched in that order (SPEC §3). Every candidate is
// read by the one reader (fs/read-file.ts), with its size and file-kind checks.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readTextSync } from '../fs/read-file.js';
import type { CommandIo } from '../shared/io.js';
import { t, type Lang } from '../shared/lang.js';
import { UserError } from '../shared/user-error.js';
import type { Finding } from '../shared/findings.js';
import { checkFile } from './checked-source.js';
import { checkChecklistSource } from './checklist-check.js';
import { yamlFilesUnder } from './discover.js';
import type { ChecklistCheck, LoadedChecklist } from './loaded.js';

export const BUILTIN_CHECKLISTS_DIR = fileURLToPath(new URL('../../checklists', import.meta.url));

/** Audits name major.minor of the checklist they were made with; patch releases only fix words. */
export function versionsCompatible(wanted: string, found: string): boolean {
  const majorMinor = (version: string) => version.split('.').slice(0, 2).join('.');
  return majorMinor(wanted) === majorMinor(found);
}

export type Lookup =
  | { readonly found: LoadedChecklist }
  | {
      readonly found?: undefined;
      readonly searched: readonly string[];
      readonly versions: readonly string[];
      /** A file named by path that exists but is not a valid checklist: what is wrong with it. */
      readonly invalid?: readonly Finding[];
    };

// A cheap look at the text, so that only likely checklists among many audit files get fully checked.
const LOOKS_LIKE_CHECKLIST = /^sections\s*:/m;

/** What a library is made from; plain data, so that a worker thread can make the same one. */
export interface LibraryOptions {
  /** `--checklists DIR`s, searched first. */
  readonly dirs: readonly string[];
  /** Files a command was given: checklists among them are found by id when no folder has it. */
  readonly inputs: readonly string[];
  /** The folder relative paths start from, and whose ./checklists/ is searched. */
  readonly cwd: string;
  /** The reader's size limit, for every file the library opens. */
  readonly maxFileBytes: number;
}

const found = (all: (LoadedChecklist | undefined)[]): LoadedChecklist[] =>
  all.filter((loaded): loaded is LoadedChecklist => loaded !== undefined);

export class ChecklistLibrary {
  private readonly dirCache = new Map<string, Promise<LoadedChecklist[]>>();
  private readonly fileCache = new Map<string, Promise<ChecklistCheck>>();
  /** Lookups by id and version: thousands of audits of a batch name the same few. */
  private readonly idCache = new Map<string, Promise<Lookup>>();
  private readonly dirs: string[];
  private inputChecklists: Promise<LoadedChecklist[]> | undefined;

  constructor(readonly options: LibraryOptions) {
    const { dirs, cwd } = options;
    this.dirs = [...dirs.map((dir) => path.resolve(cwd, dir)), path.resolve(cwd, 'checklists'), BUILTIN_CHECKLISTS_DIR].filter(
      (dir, index, all) => all.indexOf(dir) === index,
    );
  }

  /**
   * Every valid checklist in the folders, first folder first, each file once (./checklists/ can be
   * the built-in folder itself); invalid files are `validate`'s business.
   */
  async all(): Promise<LoadedChecklist[]> {
    const perDir = await Promise.all(this.dirs.map((dir) => this.loadDir(dir)));
    const all = perDir.flat();
    return all.filter((loaded, index) => all.findIndex((other) => other.file === loaded.file) === index);
  }

  byId(id: string, version?: string): Promise<Lookup> {
    const key = `${id}\n${version ?? ''}`;
    let lookup = this.idCache.get(key);
    if (!lookup) {
      lookup = this.lookUpId(id, version);
      this.idCache.set(key, lookup);
    }
    return lookup;
  }

  private async lookUpId(id: string, version?: string): Promise<Lookup> {
    const matches = (list: LoadedChecklist[]) => list.filter((loaded) => loaded.checklist.id === id);
    const compatible = (loaded: LoadedChecklist) => version === undefined || versionsCompatible(version, loaded.checklist.version);
    let candidates = matches(await this.all());
    if (!candidates.some(compatible)) candidates = [...candidates, ...matches(await this.checklistsAmongInputs())];
    const match = candidates.find(compatible);
    if (match) return { found: match };
    return {
      searched: this.dirs,
      versions: [...new Set(candidates.map((loaded) => loaded.checklist.version))],
    };
  }

  /** A checklist named by path (from an audit, relative to it) or by id, as users type either. */
  async byReference(reference: string, relativeTo: string = this.options.cwd): Promise<Lookup> {
    if (!/\.ya?ml$/i.test(reference)) return this.byId(reference);
    const file = path.resolve(relativeTo, reference);
    const { checklist, findings } = await this.checked(file);
    if (checklist) return { found: checklist };
    const missing = findings.every((finding) => finding.code === 'unreadable' && finding.params.reason === 'ENOENT');
    return { searched: [file], versions: [], ...(!missing && { invalid: findings }) };
  }

  async byFile(file: string): Promise<LoadedChecklist | undefined> {
    return (await this.checked(file)).checklist;
  }

  private checked(file: string): Promise<ChecklistCheck> {
    let loading = this.fileCache.get(file);
    if (!loading) {
      loading = checkFile<ChecklistCheck>(file, this.options.maxFileBytes, checkChecklistSource, (findings) => ({ findings }));
      this.fileCache.set(file, loading);
    }
    return loading;
  }

  private checklistsAmongInputs(): Promise<LoadedChecklist[]> {
    this.inputChecklists ??= Promise.all(
      // Resolved only here, when an audit's checklist is in no folder: a copy of every input path,
      // made up front, was the largest thing a batch of 100,000 small files kept (issue 15).
      this.options.inputs.map(async (given) => {
        const file = path.resolve(this.options.cwd, given);
        const read = readTextSync(file, this.options.maxFileBytes);
        return 'text' in read && LOOKS_LIKE_CHECKLIST.test(read.text) ? this.byFile(file) : undefined;
      }),
    ).then(found);
    return this.inputChecklists;
  }

  private loadDir(dir: string): Promise<LoadedChecklist[]> {
    let loading = this.dirCache.get(dir);
    if (!loading) {
      // yamlFilesUnder never fails: a folder it cannot list is handed back, and reading it is refused.
      loading = yamlFilesUnder(dir)
        .then((files) => Promise.all(files.map((file) => this.byFile(file))))
        .then(found);
      this.dirCache.set(dir, loading);
    }
    return loading;
  }
}

/** The library of a command run from `io`: its folder, its size limit, `--checklists` and its inputs. */
export function libraryFor(io: Pick<CommandIo, 'cwd' | 'settings'>, dirs: readonly string[], inputs: readonly string[] = []): ChecklistLibrary {
  return new ChecklistLibrary({ dirs, inputs, cwd: io.cwd, maxFileBytes: io.settings.maxFileBytes });
}

/** A CHECKLIST argument (an id or a path) to a checked checklist, or a UserError saying why not. */
export async function requireChecklist(library: ChecklistLibrary, reference: string, lang: Lang): Promise<LoadedChecklist> {
  const lookup = await library.byReference(reference);
  if (lookup.found) return lookup.found;
  if (lookup.invalid) {
    const count = lookup.invalid.length;
    throw new UserError(
      t(
        lang,
        `${reference} 不是有效的清单(${count} 个问题);运行 svc-audit validate ${reference} 查看`,
        `${reference} is not a valid checklist (${count} ${count === 1 ? 'problem' : 'problems'}); run \`svc-audit validate ${reference}\` to see them`,
      ),
    );
  }
  throw new UserError(
    t(
      lang,
      `找不到有效的清单 “${reference}”(已查找:${lookup.searched.join('、')});运行 svc-audit list 查看可用清单,或 svc-audit validate 检查文件`,
      `no valid checklist "${reference}" (looked in: ${lookup.searched.join(', ')}); run \`svc-audit list\` to see the checklists, or \`svc-audit validate\` on the file`,
    ),
  );
}
