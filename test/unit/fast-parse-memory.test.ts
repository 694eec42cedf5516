// What the fast path keeps between files must not keep the files themselves: a batch parses
// thousands of them on one thread. A file of its own, so that no other test has filled the
// fast path's cache of plain scalars first.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { fastParse } from '../../src/yaml/fast-parse.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const FILES = 200;
const NOTE_CHARACTERS = 100_000;

/** A file with a plain scalar of its own (long enough for V8 to slice it) and a long note. */
const textOf = (index: number) => `id: site-${String(index).padStart(12, '0')}\nnote: "${'x'.repeat(NOTE_CHARACTERS)}"\n`;

it('keeps no file text alive once its data is dropped', () => {
  const parse = (from: number) => {
    for (let index = from; index < from + FILES; index++) expect(fastParse(textOf(index))?.data).toMatchObject({ note: expect.any(String) });
  };
  // A first round compiles and warms up what the measured round uses.
  parse(0);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  parse(FILES);
  collectGarbage();
  const kept = process.memoryUsage().heapUsed - before;
  // Keeping each text would be FILES × NOTE_CHARACTERS bytes (20 MB); the scalars themselves are a few KB.
  expect(kept).toBeLessThan((FILES * NOTE_CHARACTERS) / 10);
});
