// An output must never be one of the files a command reads: `report a.yaml -o a.yaml` would replace
// the audit with its own report. Paths are compared as the file system sees them, not as typed:
// `./a.yaml`, `d/../a.yaml`, a link to it and a hard link all name the same file.
import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { t, type Lang } from '../shared/lang.js';
import { plainLine } from '../shared/plain-text.js';
import { UserError } from '../shared/user-error.js';

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Where a file still to be made would be: its folder's real path and its name. */
function placeOf(file: string): string {
  let folder = path.dirname(file);
  try {
    folder = realpathSync(folder);
  } catch {
    // A folder that does not exist either is compared as written.
  }
  return path.join(folder, path.basename(file));
}

/**
 * The input that is the file `output` names. A file that exists is known by its device and inode,
 * so hard links and case-insensitive names match too; one still to be made can only be an input
 * that does not exist either, by the same name in the same real folder. One input at a time, and
 * synchronously: 100,000 stats at once held 250 MB of pending stats.
 */
function inputAt(output: string, inputs: readonly string[], cwd: string): string | undefined {
  const info = statOf(output);
  if (info) {
    return inputs.find((input) => {
      const other = statOf(path.resolve(cwd, input));
      return other !== undefined && other.dev === info.dev && other.ino === info.ino;
    });
  }
  const place = placeOf(output);
  return inputs.find((input) => {
    const file = path.resolve(cwd, input);
    return path.basename(file) === path.basename(output) && statOf(file) === undefined && placeOf(file) === place;
  });
}

/**
 * Refuses (UserError, so exit 2, before anything is written) an output that is one of `inputs`: the
 * files the command reads, folders already walked into their files, and any file it is about to write.
 * Relative paths are taken from `cwd`; `out` is named in the message as the user typed it.
 */
export function checkOutputPath(out: string, inputs: readonly string[], { cwd, lang }: { cwd: string; lang: Lang }): void {
  const input = inputAt(path.resolve(cwd, out), inputs, cwd);
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
