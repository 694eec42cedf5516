// Where checklists come from: the files a command was given, `--checklists DIR`s, ./checklists/, and
// the built-in ones shipped with the package, searched in that order (SPEC §3).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Checklist } from '../schema/types.js';
import { yamlFilesUnder } from './discover.js';
import { checkChecklistSource, type ChecklistCheck } from './load-file.js';
import { checkFile } from './checked-source.js';
import { readFile } from 'node:fs/promises';

export interface LoadedChecklist {
  readonly file: string;
  readonly checklist: Checklist;
}

export const BUILTIN_CHECKLISTS_DIR = fileURLToPath(new URL('../../checklists', import.meta.url));

/** Audits name major.minor of the checklist they were made with; patch releases only fix words. */
export function versionsCompatible(wanted: string, found: string): boolean {
  const majorMinor = (version: string) => version.split('.').slice(0, 2).join('.');
  return majorMinor(wanted) === majorMinor(found);
}

export type Lookup =
  | { readonly found: LoadedChecklist }
  | { readonly found?: undefined; readonly searched: string[]; readonly versions: string[] };

// A cheap look at the text, so that only likely checklists among many audit files get fully checked.
const LOOKS_LIKE_CHECKLIST = /^sections\s*:/m;

export interface LibraryOptions {
  /** `--checklists DIR`s, searched first. */
  readonly dirs?: readonly string[];
  /** Files a command was given: checklists among them are found by id when no folder has it. */
  readonly inputs?: readonly string[];
  readonly cwd?: string;
}

export class ChecklistLibrary {
  private readonly dirCache = new Map<string, Promise<LoadedChecklist[]>>();
  private readonly fileCache = new Map<string, Promise<LoadedChecklist | undefined>>();
  private readonly dirs: string[];
  private readonly inputs: readonly string[];
  private inputChecklists: Promise<LoadedChecklist[]> | undefined;
  /** What the library was made from, so that a worker thread can make the same one. */
  readonly options: Required<LibraryOptions>;

  constructor({ dirs = [], inputs = [], cwd = process.cwd() }: LibraryOptions = {}) {
    this.options = { dirs, inputs, cwd };
    this.dirs = [...dirs.map((dir) => path.resolve(cwd, dir)), path.resolve(cwd, 'checklists'), BUILTIN_CHECKLISTS_DIR].filter(
      (dir, index, all) => all.indexOf(dir) === index,
    );
    this.inputs = inputs.map((file) => path.resolve(cwd, file));
  }

  /** Every valid checklist in the folders, first folder first; invalid files are `validate`'s business. */
  async all(): Promise<LoadedChecklist[]> {
    const perDir = await Promise.all(this.dirs.map((dir) => this.loadDir(dir)));
    return perDir.flat();
  }

  async byId(id: string, version?: string): Promise<Lookup> {
    const matches = (list: LoadedChecklist[]) =>
      list.filter((loaded) => loaded.checklist.id === id);
    const compatible = (loaded: LoadedChecklist) => version === undefined || versionsCompatible(version, loaded.checklist.version);
    let candidates = matches(await this.all());
    if (!candidates.some(compatible)) candidates = [...candidates, ...matches(await this.checklistsAmongInputs())];
    const found = candidates.find(compatible);
    if (found) return { found };
    return {
      searched: this.dirs,
      versions: [...new Set(candidates.map((loaded) => loaded.checklist.version))],
    };
  }

  /** A checklist named by path (from an audit, relative to it) or by id, as users type either. */
  async byReference(reference: string, relativeTo: string = process.cwd()): Promise<Lookup> {
    if (!/\.ya?ml$/i.test(reference)) return this.byId(reference);
    const file = path.resolve(relativeTo, reference);
    const loaded = await this.byFile(file);
    return loaded ? { found: loaded } : { searched: [file], versions: [] };
  }

  byFile(file: string): Promise<LoadedChecklist | undefined> {
    let loading = this.fileCache.get(file);
    if (!loading) {
      loading = checkFile<ChecklistCheck>(file, checkChecklistSource, (findings) => ({ findings })).then((checked) => checked.checklist);
      this.fileCache.set(file, loading);
    }
    return loading;
  }

  private checklistsAmongInputs(): Promise<LoadedChecklist[]> {
    this.inputChecklists ??= Promise.all(
      this.inputs.map(async (file) => {
        const text = await readFile(file, 'utf8').catch(() => '');
        return LOOKS_LIKE_CHECKLIST.test(text) ? this.byFile(file) : undefined;
      }),
    ).then((all) => all.filter((loaded): loaded is LoadedChecklist => loaded !== undefined));
    return this.inputChecklists;
  }

  private loadDir(dir: string): Promise<LoadedChecklist[]> {
    let loading = this.dirCache.get(dir);
    if (!loading) {
      loading = yamlFilesUnder(dir)
        .then((files) => Promise.all(files.map((file) => this.byFile(file))))
        .then((all) => all.filter((loaded): loaded is LoadedChecklist => loaded !== undefined))
        .catch(() => []);
      this.dirCache.set(dir, loading);
    }
    return loading;
  }
}
