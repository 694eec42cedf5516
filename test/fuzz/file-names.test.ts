// File names as odd as a file system allows: bytes that are not UTF-8 (Latin-1, GBK, lone
// continuation bytes), control characters and escape sequences, backslashes that look like our own
// escapes, names near the 255-byte limit. Each one holds a valid example audit or a few random bytes put in, is
// loaded through its name and held to harness.ts; and a folder walk finds it once, by that name.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nameFromBytes, openablePath } from '../../src/fs/file-names.js';
import { expandPaths } from '../../src/load/discover.js';
import { testLibrary } from '../helpers/library.js';
import { ROOT } from '../helpers/cli.js';
import { repositoryYamlFiles } from '../helpers/files.js';
import { FUZZ_SEED, fuzz, runsOf, timeoutFor } from './harness.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'svc-audit-fuzz-names-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const library = testLibrary({ cwd: ROOT });
const EXAMPLES = repositoryYamlFiles('examples/audits').map((file) => readFileSync(file));

const SLASH = 0x2f;
/** Bytes a name may hold: anything but NUL and `/`, weighted towards what breaks naive code. */
const nameByte = fc.oneof(
  { arbitrary: fc.integer({ min: 0x61, max: 0x7a }), weight: 4 },
  { arbitrary: fc.integer({ min: 0x80, max: 0xff }), weight: 3 },
  { arbitrary: fc.integer({ min: 0x01, max: 0x1f }), weight: 1 },
  { arbitrary: fc.constantFrom(0x5c, 0x78, 0x7f, 0x20, 0x2e, 0x1b, 0x5b), weight: 2 },
  { arbitrary: fc.integer({ min: 0x01, max: 0xff }).filter((byte) => byte !== SLASH), weight: 1 },
);
const SUFFIX = Buffer.from('.yaml');
/** A name ending in .yaml, from one byte to the file system's 255, never hidden (discovery skips those). */
const nameBytes = fc
  .oneof(
    { arbitrary: fc.array(nameByte, { minLength: 1, maxLength: 24 }), weight: 5 },
    { arbitrary: fc.array(nameByte, { minLength: 200, maxLength: 255 - SUFFIX.length }), weight: 1 },
    { arbitrary: fc.array(fc.oneof(fc.constant(0x5c), fc.constant(0x78), fc.constantFrom(0x41, 0x45, 0x39), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 16 }), weight: 2 },
  )
  .map((bytes) => Buffer.concat([Uint8Array.from(bytes[0] === 0x2e ? [0x5f, ...bytes] : bytes), SUFFIX]).subarray(-255));

/** A valid example audit, or one with a few random bytes put in somewhere: the names are what is fuzzed here. */
const contents: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(...EXAMPLES),
  fc
    .tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([bytes, at, inserted]) => Buffer.concat([bytes.subarray(0, at % bytes.length), inserted, bytes.subarray(at % bytes.length)])),
);

let folders = 0;
const freshFolder = () => {
  const dir = path.join(scratch, `case-${++folders}`);
  mkdirSync(dir);
  return dir;
};

describe('fuzzed file names', () => {
  it(
    'load through their name, held to the harness',
    () =>
      fuzz('odd file names', fc.tuple(nameBytes, contents), ([name, bytes]) => {
        const file = path.join(freshFolder(), nameFromBytes(name));
        return { description: `name ${JSON.stringify(name.toString('latin1'))}`, files: [{ file, bytes }], library };
      }),
    timeoutFor('odd file names'),
  );

  it(
    'are found once by a folder walk, under the name they load by, and that name is the bytes on disk',
    async () => {
      await fc.assert(
        fc.asyncProperty(// Names that show alike (a UTF-8 name spelling `\\xE9` beside one holding the byte 0xE9) are the
        // one ambiguity of the escaped form, documented in file-names.ts.
        fc.uniqueArray(nameBytes, { minLength: 1, maxLength: 4, selector: nameFromBytes }), async (names) => {
          const dir = freshFolder();
          for (const name of names) writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), EXAMPLES[0]!);
          const found = await expandPaths([dir]);
          expect(found.toSorted()).toEqual(names.map((name) => path.join(dir, nameFromBytes(name))).toSorted());
          for (const file of found) {
            expect(Buffer.from(openablePath(file) as Buffer | string)).toEqual(Buffer.concat([Buffer.from(`${dir}/`), names.find((name) => file.endsWith(nameFromBytes(name)))!]));
          }
        }),
        { numRuns: Math.max(1, Math.round(runsOf('odd file names') / 4)), seed: FUZZ_SEED },
      );
    },
    timeoutFor('odd file names'),
  );
});
