// Every file the tool writes goes through here: written beside its target, flushed to disk, then
// moved into place in one step, so a crash or kill leaves the old file or the new one, never a torn one.
//
// What is at the path decides how:
// - nothing: a new file (mode 0644 less the umask), claimed in one step when `overwrite` is false;
// - a regular file: replaced in one step, keeping its mode and, where the system allows, its owner,
//   so a private 0600 report stays private;
// - a symbolic link: followed to the file it leads to, which is written as above, and the link stays
//   a link (replacing it would cut whatever else relies on it);
// - a device, a pipe or a terminal (`-o /dev/stdout`, `-o /dev/null`): written through, as a shell's
//   `>` would, and never replaced: renaming over /dev/null would swap the system's device for a file;
// - a folder: refused (EISDIR).
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, lstat, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FileExistsError } from '../shared/write-errors.js';

export interface WriteOptions {
  /** false: refuse when the target exists (checked and claimed in one step, so no race can clobber it). */
  readonly overwrite: boolean;
}

/** The kernel's own limit on links followed in one lookup (Linux MAXSYMLINKS). */
const MAX_LINKS = 40;

const errno = (code: string, file: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${file}`), { code, path: file });

const statOrNothing = (file: string, look: typeof stat | typeof lstat): Promise<Stats | undefined> =>
  look(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

/**
 * The file a write to `file` lands on: `file` itself, or, for a link, the end of its chain of links
 * (which may not exist yet: a link to a file still to be made). With what is there, if anything.
 */
async function landingPlace(file: string): Promise<{ file: string; info?: Stats }> {
  let current = file;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const here = await statOrNothing(current, lstat);
    if (!here?.isSymbolicLink()) return { file: current, ...(here && { info: here }) };
    // /dev/stdout and /proc/self/fd/N lead to "pipe:[123]" or a terminal: stat sees through them, readlink cannot.
    const through = await statOrNothing(current, stat);
    if (through && !through.isFile()) return { file: current, info: through };
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw errno('ELOOP', file);
}

/**
 * Beside the target, so the final rename or link stays on one file system; short and fixed in length,
 * so a target whose name is near the 255-byte limit still gets one; hidden, so folder walks skip it.
 */
const temporaryBeside = (file: string) => path.join(path.dirname(file), `.svc-audit-${randomBytes(6).toString('hex')}.tmp`);

/** The names temporaryBeside gives, for clearing what a killed write left behind. */
export const TEMPORARY_NAME = /^\.svc-audit-[0-9a-f]{12}\.tmp$/;

/** A file written in pieces that appears whole when `commit` is called, or, on `abort`, not at all. */
export interface AtomicFile {
  write(text: string | Uint8Array): Promise<void>;
  /** Flushes and moves the file into place (a device or pipe has simply had everything written). */
  commit(): Promise<void>;
  /** Removes the temporary file; the target keeps its previous contents, if any. */
  abort(): Promise<void>;
}

/** A device, a pipe or a terminal takes the text as it comes; there is nothing to replace. */
async function openThrough(file: string): Promise<AtomicFile> {
  const handle = await open(file, 'w');
  return {
    write: (text) => handle.writeFile(text, 'utf8'),
    commit: () => handle.close(),
    abort: () => handle.close().catch(() => undefined),
  };
}

/**
 * `writeFileAtomic` in pieces, for outputs too large to hold as one string (a report of tens of
 * thousands of audits): the same landing place, temporary file, mode and owner, and final move.
 */
export async function openFileAtomic(file: string, { overwrite }: WriteOptions): Promise<AtomicFile> {
  const target = await landingPlace(file);
  if (target.info?.isDirectory()) throw errno('EISDIR', file);
  if (target.info && !target.info.isFile()) return openThrough(target.file);
  const previous = overwrite ? target.info : undefined;
  const temp = temporaryBeside(target.file);
  const handle = await open(temp, 'wx', 0o644);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  // A full disk, an I/O error or a failed move: the partly written temporary file goes (only ever
  // the temporary file, never the target, which still holds the previous contents, if any).
  const discard = async () => {
    await close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
  };
  const orDiscard = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      await discard();
      throw error;
    }
  };
  await orDiscard(async () => {
    if (previous) await keepModeAndOwner(handle, previous);
  });
  return {
    // writeFile on an open handle writes on from where the last piece ended.
    write: (text) => orDiscard(() => handle.writeFile(text, 'utf8')),
    commit: async () => {
      await orDiscard(async () => {
        await handle.sync();
        await close();
        if (overwrite) await rename(temp, target.file);
        else await link(temp, target.file);
      }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new FileExistsError(file) : error;
      });
      // After a link the target holds the new contents under both names; the temporary one goes.
      if (!overwrite) await unlink(temp);
    },
    abort: discard,
  };
}

export async function writeFileAtomic(file: string, contents: string, options: WriteOptions): Promise<void> {
  const written = await openFileAtomic(file, options);
  await written.write(contents);
  await written.commit();
}

/** The replacement gets the mode of the file it replaces, and its owner where we may give it (as root, or a group we are in). */
async function keepModeAndOwner(handle: Awaited<ReturnType<typeof open>>, previous: Stats): Promise<void> {
  await handle.chmod(previous.mode & 0o7777);
  const mine = await handle.stat();
  if (mine.uid === previous.uid && mine.gid === previous.gid) return;
  await handle.chown(previous.uid, previous.gid).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPERM') throw error;
  });
}
