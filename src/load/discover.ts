// Turning the PATH arguments of a command into the YAML files they mean. Folders are walked by the
// bytes of their names (fs/file-names.ts), so a file named in Latin-1 or GBK is found and opened,
// and shown with its odd bytes escaped.
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

interface Found {
  readonly file: string;
  /** The real path of a link's target; a plain file (or a link that leads nowhere) is told apart by its place. */
  readonly real?: string;
}

/** A folder or file met on a walk: its bytes, to open it, and its name as shown (path.join'd, so `./` goes). */
interface Place {
  readonly bytes: Buffer;
  readonly shown: string;
}

/**
 * A link to a YAML file, or one that leads nowhere (so reading it reports the broken link); never
 * a link to a folder: links are not followed into folders, so no link loop can trap the walk.
 */
async function linkFound(where: Buffer, file: string): Promise<Found | undefined> {
  const target = await stat(where).catch(() => undefined);
  if (target !== undefined && !target.isFile()) return undefined;
  const real = await realpath(where, { encoding: 'buffer' }).then(nameFromBytes, () => undefined);
  return real === undefined ? { file } : { file, real };
}

async function walk(dir: string): Promise<Found[]> {
  const found: Found[] = [];
  const pending: Place[] = [{ bytes: await bytesOf(dir), shown: dir }];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder.bytes, { withFileTypes: true, encoding: 'buffer' }).catch(() => undefined);
    if (!entries) {
      found.push({ file: folder.shown });
      continue;
    }
    // path.join(folder.shown, name) for any name a folder lists (never `.` or `..`, never with a
    // separator), joined once a folder: per entry it was a third of a 100,000-file walk.
    const prefix = path.join(folder.shown, '_').slice(0, -1);
    for (const entry of entries) {
      const name = nameFromBytes(entry.name);
      if (SKIPPED(name)) continue;
      const file = prefix + name;
      if (entry.isDirectory()) pending.push({ bytes: join(folder.bytes, entry.name), shown: file });
      else if (!YAML_FILE.test(name)) continue;
      else if (entry.isFile()) found.push({ file });
      else if (entry.isSymbolicLink()) {
        const link = await linkFound(join(folder.bytes, entry.name), file);
        if (link) found.push(link);
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
    paths.map(async (given): Promise<{ readonly found: readonly Found[]; readonly realOf: (found: Found) => string }> => {
      const info = await stat(await bytesOf(given)).catch(() => undefined);
      if (!info?.isDirectory()) {
        const real = await realOf(given);
        return { found: [{ file: given }], realOf: () => real };
      }
      // Walked files are told apart by their place below the folder's real path: one realpath per
      // folder rather than per file, which would cost more than the walk.
      const [root, found] = await Promise.all([realOf(given), walk(given)]);
      return { found, realOf: ({ file, real }) => real ?? path.join(root, path.relative(given, file)) };
    }),
  );
  // One folder without links lists each file once: real paths for 100,000 files cost more than the walk.
  const [only] = expanded;
  if (expanded.length === 1 && only!.found.every(({ real }) => real === undefined)) return only!.found.map(({ file }) => file);
  const seen = new Set<string>();
  const files: string[] = [];
  for (const { found, realOf: realOfFound } of expanded) {
    for (const each of found) {
      const real = realOfFound(each);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push(each.file);
    }
  }
  return files;
}
