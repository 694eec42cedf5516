// The site, auditor and checklist of the last walkthrough, offered as defaults next time: a
// supervisor audits the same store under the same name most days.
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';

export interface Remembered {
  readonly site?: string;
  readonly auditor?: string;
  readonly checklist?: string;
}

/** $XDG_CONFIG_HOME/svc-audit/, else ~/.config/svc-audit/ (the XDG base directory default). */
export function configDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), '.config');
  return path.join(base, 'svc-audit');
}

const fileIn = (env: NodeJS.ProcessEnv) => path.join(configDir(env), 'last-run.json');

/** What was remembered; nothing when the file is missing or unreadable (it only saves typing). */
export async function recall(env: NodeJS.ProcessEnv): Promise<Remembered> {
  try {
    const data = JSON.parse(await readFile(fileIn(env), 'utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? { [key]: data[key] } : {});
    return { ...text('site'), ...text('auditor'), ...text('checklist') };
  } catch {
    return {};
  }
}

/** Best effort: a read-only home must not stop an audit. */
export async function remember(env: NodeJS.ProcessEnv, values: Remembered): Promise<void> {
  try {
    await mkdir(configDir(env), { recursive: true });
    await writeFileAtomic(fileIn(env), `${JSON.stringify(values, null, 2)}\n`, { overwrite: true });
  } catch {
    // Defaults are a convenience; the audit itself is saved elsewhere.
  }
}
