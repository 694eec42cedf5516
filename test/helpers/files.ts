import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

/** Every YAML file under the given folders of the repository, as absolute paths in a stable order. */
export function repositoryYamlFiles(...dirs: readonly string[]): string[] {
  return dirs
    .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
