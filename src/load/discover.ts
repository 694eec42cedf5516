// Turning the PATH arguments of a command into the YAML files they mean.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
// Folders nobody keeps audits in, and that can be huge or hold copies (dependencies, VCS data).
const SKIPPED_DIR = /(^|[\\/])(node_modules|\.[^\\/]+)([\\/]|$)/;

/** Every *.yaml / *.yml below `dir`, sorted, so output order never depends on the file system. */
export async function yamlFilesUnder(dir: string): Promise<string[]> {
  // `recursive` lists symbolic links without following them, so a link loop cannot trap the walk.
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !SKIPPED_DIR.test(path.relative(dir, file)))
    .sort();
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
