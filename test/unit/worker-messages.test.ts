import { describe, expect, it } from 'vitest';
import type { FileRead } from '../../src/fs/read-file.js';
import { findingAt, FILE_START } from '../../src/shared/findings.js';
import { MAX_FILES_PER_TASK, readOf, readTask, TASK_BYTES } from '../../src/load/worker-messages.js';

describe('readTask and readOf', () => {
  it('carry each file as it was read, bytes or the finding that refused it, in one buffer for the batch', () => {
    const reads: Record<string, FileRead> = {
      'a.yaml': { bytes: Buffer.from('site: A\n') },
      'empty.yaml': { bytes: new Uint8Array(0) },
      'big.yaml': { finding: findingAt('big.yaml', FILE_START, 'too-large', { size: 9, limit: 8 }) },
      'b.yaml': { bytes: Buffer.from('站点: 乙\n') },
    };
    const files = Object.keys(reads);
    const task = readTask(['before.yaml', ...files], 1, (file) => reads[file]!);
    expect(task.first).toBe(1);
    expect(task.files).toEqual(files);
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

  it('takes at least one file, then files until they come to TASK_BYTES, up to MAX_FILES_PER_TASK', () => {
    const sized = (bytes: number) => (): FileRead => ({ bytes: new Uint8Array(bytes) });
    const names = (count: number) => Array.from({ length: count }, (_, index) => `f${index}.yaml`);
    // Small files: as many as a task may carry, then the rest in the next.
    expect(readTask(names(40), 0, sized(830)).files).toHaveLength(MAX_FILES_PER_TASK);
    expect(readTask(names(40), MAX_FILES_PER_TASK, sized(830)).files).toHaveLength(40 - MAX_FILES_PER_TASK);
    // Files of 30 KB: the third takes the task over TASK_BYTES, and it stops there.
    const third = readTask(names(10), 0, sized(30 * 1024));
    expect([third.files.length, third.bytes.length]).toEqual([3, 90 * 1024]);
    expect(TASK_BYTES).toBeLessThan(90 * 1024);
    // A file larger than a task goes alone; a refused file adds no bytes.
    expect(readTask(names(3), 0, sized(5 * 1024 * 1024)).files).toHaveLength(1);
    const refused = (): FileRead => ({ finding: findingAt('x.yaml', FILE_START, 'not-a-file') });
    expect(readTask(names(50), 0, refused).files).toHaveLength(MAX_FILES_PER_TASK);
  });
});
