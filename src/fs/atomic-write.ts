// Every file the tool writes goes through here: written beside its target, flushed to disk, then
// moved into place in one step, so a crash or kill leaves the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FileExistsError } from '../shared/write-errors.js';

export interface WriteOptions {
  /** false: refuse when the target exists (checked and claimed in one step, so no race can clobber it). */
  readonly overwrite: boolean;
}

export async function writeFileAtomic(file: string, contents: string, { overwrite }: WriteOptions): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temp, file);
    else await link(temp, file);
  } catch (error) {
    // A full disk, an I/O error or a failed move: the partly written temporary file goes (only ever
    // the temporary file, never the target, which still holds the previous contents, if any).
    await unlink(temp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
    throw error;
  }
  // After a link the target holds the new contents under both names; the temporary one goes.
  if (!overwrite) await unlink(temp);
}
