// Turning the PATH arguments of a command into the YAML files they mean.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
// Folders nobody keeps audits in, and that can be huge or hold copies (dependencies, VCS data), and
// hidden files (editor backups, the temporary files of an atomic write).
const SKIPPED = (entry: Dirent) => entry.name === 'node_modules' || entry.name.startsWith('.');

/**
 * A YAML file, a folder to walk, or neither. A link counts as a file when it leads to one, or leads
 * nowhere (so reading it reports the broken link), and never as a folder: links are not followed
 * into folders, so no link loop can trap the walk.
 */
async function kindOf(entry: Dirent, where: string): Promise<'yaml' | 'dir' | undefined> {
  if (entry.isDirectory()) return 'dir';
  if (!YAML_FILE.test(entry.name)) return undefined;
  if (entry.isFile()) return 'yaml';
  if (!entry.isSymbolicLink()) return undefined;
  const target = await stat(where).catch(() => undefined);
  return target === undefined || target.isFile() ? 'yaml' : undefined;
}

/**
 * Every *.yaml / *.yml below `dir`, sorted, so output order never depends on the file system. A
 * folder that cannot be listed is kept in the list, so that reading it reports why in line with
 * every other file's findings, and the rest of the walk goes on.
 */
export async function yamlFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      found.push(folder);
      continue;
    }
    for (const entry of entries.filter((entry) => !SKIPPED(entry))) {
      const where = path.join(folder, entry.name);
      const kind = await kindOf(entry, where);
      if (kind === 'dir') pending.push(where);
      else if (kind === 'yaml') found.push(where);
    }
  }
  return found.sort();
}

/**
 * Files first as given, folders expanded in place. A path that does not exist is kept, so that
 * reading it reports the problem in line with every other file's findings.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const expanded = await Promise.all(
    paths.map(async (given) => {
      const info = await stat(given).catch(() => undefined);
      return info?.isDirectory() ? yamlFilesUnder(given) : [given];
    }),
  );
  return [...new Set(expanded.flat())];
}
