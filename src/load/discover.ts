// Turning the PATH arguments of a command into the YAML files they mean. Folders are walked by the
// bytes of their names (fs/file-names.ts), so a file named in Latin-1 or GBK is found and opened,
// and shown with its odd bytes escaped.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { nameFromBytes, pathToOpen } from '../fs/file-names.js';

const YAML_FILE = /\.ya?ml$/i;
// Folders nobody keeps audits in, and that can be huge or hold copies (dependencies, VCS data), and
// hidden files (editor backups, the temporary files of an atomic write).
const SKIPPED = (name: string) => name === 'node_modules' || name.startsWith('.');

const SLASH = Buffer.from(path.sep);
/** The bytes of a path as given or found: the bytes of its escapes, unless a file of that very text exists. */
const bytesOf = async (file: string): Promise<Buffer> => {
  const openable = await pathToOpen(file);
  return Buffer.isBuffer(openable) ? openable : Buffer.from(String(openable), 'utf8');
};
const join = (folder: Buffer, name: Buffer): Buffer =>
  folder.at(-1) === SLASH[0] ? Buffer.concat([folder, name]) : Buffer.concat([folder, SLASH, name]);

/**
 * A YAML file, a folder to walk, or neither. A link counts as a file when it leads to one, or leads
 * nowhere (so reading it reports the broken link), and never as a folder: links are not followed
 * into folders, so no link loop can trap the walk.
 */
async function kindOf(entry: Dirent<Buffer>, name: string, where: Buffer): Promise<'yaml' | 'link' | 'dir' | undefined> {
  if (entry.isDirectory()) return 'dir';
  if (!YAML_FILE.test(name)) return undefined;
  if (entry.isFile()) return 'yaml';
  if (!entry.isSymbolicLink()) return undefined;
  const target = await stat(where).catch(() => undefined);
  return target === undefined || target.isFile() ? 'link' : undefined;
}

interface Found {
  readonly file: string;
  /** What tells two finds apart: the real path of a link's target, else the path itself. */
  readonly real: string;
}

/** A folder or file met on a walk: its bytes, to open it, and its name as shown (path.join'd, so `./` goes). */
interface Place {
  readonly bytes: Buffer;
  readonly shown: string;
}

async function walk(dir: string): Promise<Found[]> {
  const found: Found[] = [];
  const pending: Place[] = [{ bytes: await bytesOf(dir), shown: dir }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder.bytes, { withFileTypes: true, encoding: 'buffer' }).catch(() => undefined);
    if (!entries) {
      found.push({ file: folder.shown, real: folder.shown });
      continue;
    }
    for (const entry of entries) {
      const name = nameFromBytes(entry.name);
      if (SKIPPED(name)) continue;
      const where = join(folder.bytes, entry.name);
      const file = path.join(folder.shown, name);
      const kind = await kindOf(entry, name, where);
      if (kind === 'dir') pending.push({ bytes: where, shown: file });
      else if (kind !== undefined) {
        const real = kind === 'link' ? await realpath(where, { encoding: 'buffer' }).then(nameFromBytes, () => file) : file;
        found.push({ file, real });
      }
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Every *.yaml / *.yml below `dir`, sorted, so output order never depends on the file system. A
 * folder that cannot be listed is kept in the list, so that reading it reports why in line with
 * every other file's findings, and the rest of the walk goes on.
 */
export async function yamlFilesUnder(dir: string): Promise<string[]> {
  return (await walk(dir)).map(({ file }) => file);
}

/** The real path of the folder a walk starts from, with the found file's place below it. */
async function realOf(given: string): Promise<string> {
  return realpath(await bytesOf(given), { encoding: 'buffer' }).then(nameFromBytes, () => path.resolve(given));
}

/**
 * Files first as given, folders expanded in place, each file once however it is named (`d`,
 * `d/a.yaml` and `./d/a.yaml` score a.yaml once, by its real path). A path that does not exist is
 * kept, so that reading it reports the problem in line with every other file's findings.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const expanded = await Promise.all(
    paths.map(async (given): Promise<Found[]> => {
      const info = await stat(await bytesOf(given)).catch(() => undefined);
      if (!info?.isDirectory()) return [{ file: given, real: await realOf(given) }];
      // Walked files are told apart by their place below the folder's real path: one realpath per
      // folder rather than per file, which would cost more than the walk.
      const [root, found] = await Promise.all([realOf(given), walk(given)]);
      return found.map(({ file, real }) => ({ file, real: real === file ? path.join(root, path.relative(given, file)) : real }));
    }),
  );
  const seen = new Set<string>();
  const files: string[] = [];
  for (const { file, real } of expanded.flat()) {
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(file);
  }
  return files;
}
