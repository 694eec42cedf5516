// Why a file could not be written, in words a user can act on. Every write goes through
// writeFileAtomic, which leaves the previous file as it was when it fails, so each message says so.
import path from 'node:path';
import { t, type Lang } from './lang.js';

/** A file the user did not ask to replace is in the way: raised by writeFileAtomic with `overwrite: false`. */
export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

type Reason = (folder: string, lang: Lang) => string;

const noPermission: Reason = (folder, lang) => t(lang, `没有在 ${folder} 中写入的权限`, `no permission to write in ${folder}`);

const REASONS: Record<string, Reason> = {
  EACCES: noPermission,
  // Some file systems say EPERM where they mean what EACCES means.
  EPERM: noPermission,
  EROFS: (folder, lang) => t(lang, `${folder} 位于只读的磁盘上`, `${folder} is on a read-only disk`),
  ENOSPC: (folder, lang) => t(lang, `${folder} 所在的磁盘已满`, `the disk holding ${folder} is full`),
  EDQUOT: (folder, lang) => t(lang, `${folder} 所在磁盘的配额已用完`, `the disk quota for ${folder} is used up`),
  ENOENT: (folder, lang) => t(lang, `文件夹 ${folder} 不存在`, `the folder ${folder} does not exist`),
  ENOTDIR: (folder, lang) => t(lang, `路径 ${folder} 中有一部分不是文件夹`, `part of ${folder} is not a folder`),
  EISDIR: (_, lang) => t(lang, '该位置是一个文件夹', 'a folder of that name is in the way'),
  ENAMETOOLONG: (_, lang) => t(lang, '文件名过长', 'the file name is too long'),
  ELOOP: (_, lang) => t(lang, '符号链接过多或成环', 'too many symbolic links, or a loop of them'),
};

/** One line saying why `file` (as the user named it) was not written, and that nothing was lost. */
export function describeWriteError(error: unknown, file: string, lang: Lang): string {
  if (error instanceof FileExistsError) {
    return t(lang, `${file} 已存在,不会被覆盖`, `${file} already exists and was not overwritten`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  const why = reason ? `${reason(path.dirname(path.resolve(file)), lang)} (${code})` : (code ?? String(error));
  return t(lang, `无法写入 ${file}:${why};原有文件(如有)保持不变`, `cannot write ${file}: ${why}; any previous file is unchanged`);
}

/** One line saying why standard output could not be written (`> /dev/full`): it has no folder to name, and no previous file. */
export function describeStdoutError(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'ENOSPC' ? t(lang, `磁盘已满 (${code})`, `the disk is full (${code})`) : (code ?? String(error));
  return t(lang, `无法写入标准输出:${why}`, `cannot write to standard output: ${why}`);
}
