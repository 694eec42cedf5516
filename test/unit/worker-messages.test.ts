import { describe, expect, it } from 'vitest';
import type { FileRead } from '../../src/fs/read-file.js';
import { findingAt, FILE_START } from '../../src/shared/findings.js';
import { readOf, readTask } from '../../src/load/worker-messages.js';

describe('readTask and readOf', () => {
  it('carry each file as it was read, bytes or the finding that refused it, in one buffer for the batch', () => {
    const reads: Record<string, FileRead> = {
      'a.yaml': { bytes: Buffer.from('site: A\n') },
      'empty.yaml': { bytes: new Uint8Array(0) },
      'big.yaml': { finding: findingAt('big.yaml', FILE_START, 'too-large', { size: 9, limit: 8 }) },
      'b.yaml': { bytes: Buffer.from('站点: 乙\n') },
    };
    const files = Object.keys(reads);
    const task = readTask(64, files, (file) => reads[file]!);
    expect(task.first).toBe(64);
    expect(task.bytes.byteOffset).toBe(0);
    expect(task.bytes.buffer.byteLength).toBe(Buffer.byteLength('site: A\n') + Buffer.byteLength('站点: 乙\n'));
    // What the worker receives: a structured clone, its buffer moved.
    const received = structuredClone(task, { transfer: [task.bytes.buffer] });
    files.forEach((file, index) => {
      const read = readOf(received, index);
      const sent = reads[file]!;
      if ('finding' in sent) expect(read).toEqual(sent);
      else expect('bytes' in read && Buffer.from(read.bytes).equals(Buffer.from(sent.bytes))).toBe(true);
    });
  });
});
