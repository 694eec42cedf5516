// Tests of what another user may not read or write run as `nobody` when the suite runs as root
// (root may read and write anything). nobody can only run the clone when every folder above it
// lets others in: a clone in a private folder (mode 700, as `mktemp -d` makes) cannot be run so.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

const isRoot = process.getuid?.() === 0;

/** Spawn options that drop root to nobody; nothing for any other user, who is restricted already. */
export const AS_NOBODY = isRoot ? { uid: 65534, gid: 65534 } : {};

function othersMayEnter(dir: string): boolean {
  return (statSync(dir).mode & 0o001) !== 0;
}

/** Whether a test run as nobody can reach the clone's files (always, when the suite is not root). */
export function cloneReachableAsNobody(): boolean {
  if (!isRoot) return true;
  const folders: string[] = [];
  for (let dir = path.resolve(ROOT); ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  return folders.every(othersMayEnter);
}

/** Why a test run as nobody is skipped, put into its name so the report says it. */
export const UNREACHABLE_AS_NOBODY = ' (skipped: the clone lies in a folder that user nobody may not enter)';
