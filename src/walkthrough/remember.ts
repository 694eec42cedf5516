// The site, auditor and checklist of the last walkthrough, offered as defaults next time: a
// supervisor audits the same store under the same name most days.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

export interface Remembered {
  readonly site?: string;
  readonly auditor?: string;
  readonly checklist?: string;
}

const fileIn = (configDir: string) => path.join(configDir, 'last-run.json');

/** What was remembered; nothing when the file is missing or unreadable (it only saves typing). */
export async function recall(configDir: string): Promise<Remembered> {
  try {
    const data = JSON.parse(await readFile(fileIn(configDir), 'utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? { [key]: data[key] } : {});
    return { ...text('site'), ...text('auditor'), ...text('checklist') };
  } catch {
    return {};
  }
}

/** Best effort: a read-only home must not stop an audit. */
export async function remember(configDir: string, values: Remembered): Promise<void> {
  try {
    await mkdir(configDir, { recursive: true });
    await writeFileAtomic(fileIn(configDir), `${JSON.stringify(values, null, 2)}\n`, { overwrite: true });
  } catch {
    // Defaults are a convenience; the audit itself is saved elsewhere.
  }
}
