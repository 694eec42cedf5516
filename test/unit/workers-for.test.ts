// Workers start only where they pay: decided by the bytes to parse, estimated from a sample of sizes, not by the number of files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimatedBytes, MIN_BYTES_PER_WORKER, workersFor } from '../../src/load/parallel.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'svc-audit-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(count: number, bytes: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(scratch, `${prefix}-${index}.yaml`);
    writeFileSync(file, 'x'.repeat(bytes));
    return file;
  });
}

describe('workersFor', () => {
  it('estimates the bytes of a folder from a sample of its files', () => {
    const even = files(500, 1000, 'even');
    expect(estimatedBytes(even)).toBe(500_000);
    expect(estimatedBytes([])).toBe(0);
    expect(estimatedBytes([path.join(scratch, 'missing.yaml')])).toBe(0);
  });

  it('keeps a small batch in the main thread, and gives a large one a worker a core but the main thread\'s', () => {
    expect(workersFor(files(900, 1000, 'small'))).toBe(0);
    expect(workersFor(files(4, MIN_BYTES_PER_WORKER, 'large'))).toBe(Math.min(os.availableParallelism() - 1, 4));
  });

  it('does what SVC_AUDIT_THREADS says', () => {
    expect(workersFor(files(8, 10, 'asked'), 3)).toBe(Math.min(3, os.availableParallelism()));
    expect(workersFor(files(4, MIN_BYTES_PER_WORKER, 'forced'), 1)).toBe(0);
  });
});

