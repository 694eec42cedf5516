// An output must never be one of the files a command reads: `report a.yaml -o a.yaml` would replace
// the audit with its own report. Paths are compared as the file system sees them, not as typed:
// `./a.yaml`, `d/../a.yaml`, a link to it and a hard link all name the same file.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { t, type Lang } from '../shared/lang.js';
import { plainLine } from '../shared/plain-text.js';
import { UserError } from '../shared/user-error.js';

/**
 * What makes two paths the same file: device and inode for a file that exists (so hard links and
 * case-insensitive names match too); for one still to be made, its folder's real path and its name.
 */
async function identity(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  if (info) return `${info.dev}:${info.ino}`;
  const folder = await realpath(path.dirname(file)).catch(() => path.dirname(file));
  return path.join(folder, path.basename(file));
}

/**
 * Refuses (UserError, so exit 2, before anything is written) an output that is one of `inputs`: the
 * files the command reads, folders already walked into their files, and any file it is about to write.
 * Relative paths are taken from `cwd`; `out` is named in the message as the user typed it.
 */
export async function checkOutputPath(out: string, inputs: readonly string[], { cwd, lang }: { cwd: string; lang: Lang }): Promise<void> {
  const output = await identity(path.resolve(cwd, out));
  const identities = await Promise.all(inputs.map((input) => identity(path.resolve(cwd, input))));
  const input = inputs[identities.indexOf(output)];
  if (input === undefined) return;
  const [shownOut, shownIn] = [plainLine(out), plainLine(input)];
  throw new UserError(
    t(
      lang,
      `输出文件 ${shownOut} 就是输入文件 ${shownIn};什么也没有写入,请换一个输出文件`,
      `the output ${shownOut} is the input ${shownIn}; nothing was written: choose another output file`,
    ),
  );
}
