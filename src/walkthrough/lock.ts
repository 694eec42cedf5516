// One walkthrough per audit file at a time: two `run --resume` of one draft would each overwrite the
// other's answers. The lock is a file beside the audit holding the pid of the run that took it,
// created in one step (O_EXCL); a lock whose process is gone (a crash, kill -9) is taken over, so a
// crash never leaves the audit locked.
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The audit is open in another run that is still alive. */
export class AuditLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`${lockFile} is held by process ${pid}`);
  }
}

export function lockFileOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(lockFile: string): Promise<number | undefined> {
  const text = await readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

async function create(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx', 0o644);
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock of `file` for this process; returns how to give it back. */
export async function lockAudit(file: string): Promise<() => Promise<void>> {
  const lockFile = lockFileOf(file);
  // An exit on the way out (a closed terminal's write error ends the process at once) gives it back too.
  const onExit = () => {
    try {
      if (Number.parseInt(readFileSync(lockFile, 'utf8'), 10) === process.pid) unlinkSync(lockFile);
    } catch {
      // Gone already.
    }
  };
  const release = async () => {
    process.off('exit', onExit);
    if ((await holder(lockFile)) === process.pid) await unlink(lockFile).catch(() => undefined);
  };
  // Twice at most: once as it is, once after removing a dead run's lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await create(lockFile)) {
      process.on('exit', onExit);
      return release;
    }
    const pid = await holder(lockFile);
    if (pid !== undefined && isAlive(pid)) throw new AuditLockedError(lockFile, pid);
    await unlink(lockFile).catch(() => undefined);
  }
  throw new AuditLockedError(lockFile, (await holder(lockFile)) ?? 0);
}
