// The one reader (src/fs/read-file.ts) opens, checks and reads without a stat of its own: what the
// open file says decides, and a path that will not open is still refused for what it is.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextSync } from '../../src/fs/read-file.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-read-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const codeOf = (read: ReturnType<typeof readTextSync>) => ('finding' in read ? [read.finding.code, read.finding.params] : read.text);

describe('readTextSync', () => {
  it('reads a file of exactly the limit, and refuses one byte more with its size', () => {
    const file = path.join(scratch, 'ten.yaml');
    writeFileSync(file, 'a: 123456\n');
    expect(codeOf(readTextSync(file, 10))).toBe('a: 123456\n');
    expect(codeOf(readTextSync(file, 9))).toEqual(['too-large', { size: 10, limit: 9 }]);
  });

  // /proc files say they are empty and are not: the limit holds for the bytes read, not the size told.
  it.runIf(process.platform === 'linux')('reads a file longer than its size says, up to the limit and one byte more', () => {
    expect(codeOf(readTextSync('/proc/self/status', 100))).toEqual(['too-large', { size: 101, limit: 100 }]);
    expect(readTextSync('/proc/self/status', 1_000_000)).toMatchObject({ text: expect.stringContaining('Name:') });
  });

  it('reads an empty file as empty text', () => {
    const file = path.join(scratch, 'empty.yaml');
    writeFileSync(file, '');
    expect(codeOf(readTextSync(file, 10))).toBe('');
  });

  it('refuses a pipe with no writer and a device at once, as not files', () => {
    const fifo = path.join(scratch, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(codeOf(readTextSync(fifo, 100))).toEqual(['not-a-file', {}]);
    expect(codeOf(readTextSync('/dev/zero', 100))).toEqual(['not-a-file', {}]);
  });

  it('refuses a socket, which will not open, as not a file', async () => {
    const socket = path.join(scratch, 'socket.yaml');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(codeOf(readTextSync(socket, 100))).toEqual(['not-a-file', {}]);
    } finally {
      server.close();
    }
  });

  it('says why a folder or a missing file cannot be read', () => {
    const dir = path.join(scratch, 'folder.yaml');
    mkdirSync(dir);
    expect(codeOf(readTextSync(dir, 100))).toEqual(['unreadable', { reason: 'EISDIR' }]);
    expect(codeOf(readTextSync(path.join(scratch, 'missing.yaml'), 100))).toEqual(['unreadable', { reason: 'ENOENT' }]);
  });
});
