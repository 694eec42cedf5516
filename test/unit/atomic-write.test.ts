// Every file the tool writes goes through writeFileAtomic: on success the new file and nothing else,
// on failure the previous file byte for byte, nothing left beside it, and a message a user can act on.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, openSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';
import { describeStdoutError, describeWriteError, FileExistsError } from '../../src/shared/write-errors.js';
import { ROOT } from '../helpers/cli.js';
import { AS_NOBODY, cloneReachableAsNobody, UNREACHABLE_AS_NOBODY } from '../helpers/nobody.js';

// Lets a test make the next file written fail part way, as a full disk does.
const failing = vi.hoisted(() => ({ write: undefined as NodeJS.ErrnoException | undefined, sync: undefined as NodeJS.ErrnoException | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const error = failing.write;
      if (error) {
        handle.writeFile = async (data) => {
          await actual.appendFile(args[0], String(data).slice(0, 3));
          throw error;
        };
      }
      const syncError = failing.sync;
      if (syncError) {
        handle.sync = async () => {
          throw syncError;
        };
      }
      return handle;
    },
  };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  failing.write = undefined;
  failing.sync = undefined;
});

let folders = 0;
/** A fresh folder per test, so that "nothing else in the folder" is exact. */
function folder(): string {
  const dir = path.join(scratch, `case-${++folders}`);
  mkdirSync(dir);
  return dir;
}

const PREVIOUS = Buffer.from('checklist: previous\r\n# ünïcode, CRLF and no final newline', 'utf8');
const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it.each([true, false])('writes the file and leaves nothing else behind (overwrite: %s)', async (overwrite) => {
    const dir = folder();
    await writeFileAtomic(path.join(dir, 'audit.yaml'), 'site: Store 1\n', { overwrite });
    expect(readdirSync(dir)).toEqual(['audit.yaml']);
    expect(readFileSync(path.join(dir, 'audit.yaml'), 'utf8')).toBe('site: Store 1\n');
  });

  it('replaces an existing file when asked to', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'report.md'), PREVIOUS);
    await writeFileAtomic(path.join(dir, 'report.md'), '# new\n', { overwrite: true });
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('# new\n');
  });

  it('with overwrite: false refuses an existing file and leaves it byte-identical', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'audit.yaml'), PREVIOUS);
    const refused = writeFileAtomic(path.join(dir, 'audit.yaml'), 'site: other\n', { overwrite: false });
    await expect(refused).rejects.toBeInstanceOf(FileExistsError);
    expect(readdirSync(dir)).toEqual(['audit.yaml']);
    expect(readFileSync(path.join(dir, 'audit.yaml'))).toEqual(PREVIOUS);
  });

  it('leaves nothing behind when the final move fails', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'report.md', 'in-the-way'), { recursive: true });
    await expect(writeFileAtomic(path.join(dir, 'report.md'), '# new\n', { overwrite: true })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readdirSync(path.join(dir, 'report.md'))).toEqual(['in-the-way']);
  });

  it('keeps the previous file when the disk fills up part way', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'audit.yaml'), PREVIOUS);
    failing.write = errno('ENOSPC');
    await expect(writeFileAtomic(path.join(dir, 'audit.yaml'), 'site: new\n', { overwrite: true })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(path.join(dir, 'audit.yaml'))).toEqual(PREVIOUS);
  });

  it('leaves no temporary file behind when the disk fills up part way', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'audit.yaml'), PREVIOUS);
    failing.write = errno('ENOSPC');
    await writeFileAtomic(path.join(dir, 'audit.yaml'), 'site: new\n', { overwrite: true }).catch(() => undefined);
    expect(readdirSync(dir)).toEqual(['audit.yaml']);
  });

  it.each([true, false])('keeps the previous file and leaves nothing else when flushing to disk fails (overwrite: %s)', async (overwrite) => {
    const dir = folder();
    writeFileSync(path.join(dir, 'audit.yaml'), PREVIOUS);
    failing.sync = errno('EIO');
    await expect(writeFileAtomic(path.join(dir, 'audit.yaml'), 'site: new\n', { overwrite })).rejects.toMatchObject({ code: 'EIO' });
    expect(readdirSync(dir)).toEqual(['audit.yaml']);
    expect(readFileSync(path.join(dir, 'audit.yaml'))).toEqual(PREVIOUS);
  });

  it.skipIf(!cloneReachableAsNobody())(`in a read-only folder fails with a clear message and keeps the previous file${cloneReachableAsNobody() ? '' : UNREACHABLE_AS_NOBODY}`, () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'report.md'), PREVIOUS);
    chmodSync(dir, 0o555);
    chmodSync(scratch, 0o755);
    // root may write anywhere: the write then runs as nobody, for whom the folder is read-only.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(path.join(ROOT, 'src/fs/atomic-write.ts'))};
      import { describeWriteError } from ${JSON.stringify(path.join(ROOT, 'src/shared/write-errors.ts'))};
      const file = process.argv[1];
      await writeFileAtomic(file, '# new', { overwrite: true }).then(
        () => console.log('written'),
        (error) => console.log(error.code, describeWriteError(error, file, 'en')),
      );`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path.join(dir, 'report.md')], {
      ...AS_NOBODY,
      cwd: ROOT,
      encoding: 'utf8',
    });
    chmodSync(dir, 0o755);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `EACCES cannot write ${path.join(dir, 'report.md')}: no permission to write in ${dir} (EACCES); any previous file is unchanged\n`,
    );
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readFileSync(path.join(dir, 'report.md'))).toEqual(PREVIOUS);
  });
});

describe('writeFileAtomic and what is already at the path', () => {
  const mode = (file: string) => statSync(file).mode & 0o7777;

  it.each([0o600, 0o664, 0o640, 0o444])('keeps the mode %o of the file it replaces', async (previousMode) => {
    const dir = folder();
    const file = path.join(dir, 'report.md');
    writeFileSync(file, PREVIOUS);
    chmodSync(file, previousMode);
    await writeFileAtomic(file, '# new\n', { overwrite: true });
    expect(readFileSync(file)).toEqual(Buffer.from('# new\n'));
    expect(mode(file)).toBe(previousMode);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it.runIf(process.getuid?.() === 0)('as root keeps the owner of the file it replaces', async () => {
    const dir = folder();
    const file = path.join(dir, 'audit.yaml');
    writeFileSync(file, PREVIOUS);
    chownSync(file, 65534, 65534);
    await writeFileAtomic(file, 'site: new\n', { overwrite: true });
    expect(statSync(file)).toMatchObject({ uid: 65534, gid: 65534 });
    expect(readFileSync(file, 'utf8')).toBe('site: new\n');
  });

  it('a new file is 0644 at most (less the umask)', async () => {
    const dir = folder();
    await writeFileAtomic(path.join(dir, 'new.md'), 'x', { overwrite: true });
    expect(mode(path.join(dir, 'new.md')) & ~0o644).toBe(0);
  });

  it('follows a link to the file it leads to, which is replaced, and leaves the link a link', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'report.md');
    writeFileSync(target, PREVIOUS);
    chmodSync(target, 0o600);
    symlinkSync('real/report.md', path.join(dir, 'latest.md'));
    await writeFileAtomic(path.join(dir, 'latest.md'), '# new\n', { overwrite: true });
    expect(lstatSync(path.join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'latest.md'))).toBe('real/report.md');
    expect(readFileSync(target)).toEqual(Buffer.from('# new\n'));
    expect(mode(target)).toBe(0o600);
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['report.md']);
  });

  it('follows a link to a file still to be made, and makes it', async () => {
    const dir = folder();
    symlinkSync('made.md', path.join(dir, 'link.md'));
    await writeFileAtomic(path.join(dir, 'link.md'), '# made\n', { overwrite: true });
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'made.md'), 'utf8')).toBe('# made\n');
  });

  it('refuses a loop of links with ELOOP and writes nothing', async () => {
    const dir = folder();
    symlinkSync('b.md', path.join(dir, 'a.md'));
    symlinkSync('a.md', path.join(dir, 'b.md'));
    await expect(writeFileAtomic(path.join(dir, 'a.md'), 'x', { overwrite: true })).rejects.toMatchObject({ code: 'ELOOP' });
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  it('with overwrite: false refuses a link, leaving it and its target as they were', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'target.yaml'), PREVIOUS);
    symlinkSync('target.yaml', path.join(dir, 'link.yaml'));
    await expect(writeFileAtomic(path.join(dir, 'link.yaml'), 'x', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(path.join(dir, 'target.yaml'))).toEqual(PREVIOUS);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'target.yaml']);
  });

  it.each([true, false])('writes through to a device and never replaces it (overwrite: %s)', async (overwrite) => {
    const before = statSync('/dev/null');
    await writeFileAtomic('/dev/null', '# report\n', { overwrite });
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev, after.mode]).toEqual([before.ino, before.rdev, before.mode]);
  });

  it('a device that cannot take the text (/dev/full) fails with its error, for describeWriteError', async () => {
    const refused = writeFileAtomic('/dev/full', '# report\n', { overwrite: true });
    await expect(refused).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes through a pipe to its reader, leaving the pipe a pipe', async () => {
    const dir = folder();
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The reader copies what comes through the pipe into a file, where it can be checked byte for byte.
    const received = openSync(path.join(dir, 'received'), 'w');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', received, 'ignore'] });
    const readerDone = new Promise((resolve) => reader.on('exit', resolve));
    await writeFileAtomic(fifo, 'through the pipe\n', { overwrite: true });
    expect(await readerDone).toBe(0);
    closeSync(received);
    expect(readFileSync(path.join(dir, 'received'), 'utf8')).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'received']);
  });

  it('uses a short temporary name, so a target named near the 255-byte limit is still written', async () => {
    const dir = folder();
    const name = `${'a'.repeat(250)}.yaml`;
    await writeFileAtomic(path.join(dir, name), 'id: long\n', { overwrite: false });
    await writeFileAtomic(path.join(dir, name), 'id: longer\n', { overwrite: true });
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe('id: longer\n');
  });

  it('refuses a folder in the way with EISDIR, touching nothing', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'out.md'));
    await expect(writeFileAtomic(path.join(dir, 'out.md'), 'x', { overwrite: false })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['out.md']);
    expect(readdirSync(path.join(dir, 'out.md'))).toEqual([]);
  });
});

describe('describeWriteError', () => {
  const file = path.join('/srv/audits', 'store-042.yaml');

  it.each([
    ['EACCES', 'no permission to write in /srv/audits (EACCES)', '没有在 /srv/audits 中写入的权限'],
    ['EPERM', 'no permission to write in /srv/audits (EPERM)', '没有在 /srv/audits 中写入的权限'],
    ['EROFS', '/srv/audits is on a read-only disk (EROFS)', '/srv/audits 位于只读的磁盘上'],
    ['ENOSPC', 'the disk holding /srv/audits is full (ENOSPC)', '/srv/audits 所在的磁盘已满'],
    ['ENOENT', 'the folder /srv/audits does not exist (ENOENT)', '文件夹 /srv/audits 不存在'],
  ])('names the file, the cause and what was kept for %s', (code, en, zh) => {
    expect(describeWriteError(errno(code), file, 'en')).toBe(`cannot write ${file}: ${en}; any previous file is unchanged`);
    expect(describeWriteError(errno(code), file, 'zh-CN')).toContain(zh);
    expect(describeWriteError(errno(code), file, 'zh-CN')).toContain('原有文件(如有)保持不变');
  });

  it('names the folder of a relative file in full', () => {
    expect(describeWriteError(errno('EROFS'), 'report.md', 'en')).toContain(`${process.cwd()} is on a read-only disk`);
  });

  it('says an existing file was not overwritten', () => {
    expect(describeWriteError(new FileExistsError(file), file, 'en')).toBe(`${file} already exists and was not overwritten`);
  });

  it.each([
    ['ENAMETOOLONG', 'the file name is too long (ENAMETOOLONG)'],
    ['ELOOP', 'too many symbolic links, or a loop of them (ELOOP)'],
  ])('says what %s means', (code, en) => {
    expect(describeWriteError(errno(code), file, 'en')).toBe(`cannot write ${file}: ${en}; any previous file is unchanged`);
  });

  it('falls back to the error code, or the message when there is none', () => {
    expect(describeWriteError(errno('EIO'), file, 'en')).toBe(`cannot write ${file}: EIO; any previous file is unchanged`);
    expect(describeWriteError(new Error('odd'), file, 'en')).toBe(`cannot write ${file}: Error: odd; any previous file is unchanged`);
  });
});

describe('describeStdoutError', () => {
  it('says a full disk in one line, in both languages, without a folder', () => {
    expect(describeStdoutError(errno('ENOSPC'), 'en')).toBe('cannot write to standard output: the disk is full (ENOSPC)');
    expect(describeStdoutError(errno('ENOSPC'), 'zh-CN')).toBe('无法写入标准输出:磁盘已满 (ENOSPC)');
    expect(describeStdoutError(errno('EIO'), 'en')).toBe('cannot write to standard output: EIO');
  });
});
