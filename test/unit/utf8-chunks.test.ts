import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, Utf8Chunks } from '../../src/shared/utf8-chunks.js';

/** Every chunk the pieces make, in order, and the pieces' own encodings. */
function chunked(pieces: readonly string[]): Uint8Array[] {
  const chunks = new Utf8Chunks();
  return [...pieces.flatMap((piece) => chunks.add(piece)), ...chunks.rest()];
}

describe('Utf8Chunks', () => {
  it('property: the chunks are the UTF-8 of the pieces joined, none empty, none over the size unless one piece is', () => {
    // Pieces from a few characters to several chunks' worth, in every script the reports hold, lone surrogates included.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ maxLength: 40 }),
      fc.tuple(fc.constantFrom('a', '顾客', '😀', '\uD800'), fc.integer({ min: 1, max: 50_000 })).map(([text, times]) => text.repeat(times)),
      // Halves of a character: one piece may end where the next one's pair begins.
      fc.constantFrom('\uD83D', '\uDE00', 'x\uD83D', '\uDE00y'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const chunks = chunked(pieces);
        expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join('')))).toBe(true);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          // Larger only for a piece that alone may not fit a chunk.
          if (chunk.length > CHUNK_BYTES) expect(pieces.some((each) => each.length * 3 > CHUNK_BYTES)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a character whole when its two halves end one piece and start the next', () => {
    expect(Buffer.concat(chunked(['a\uD83D', '\uDE00b'])).toString()).toBe('a😀b');
    expect(Buffer.concat(chunked(['a\uD83D'])).equals(Buffer.from('a\uD83D'))).toBe(true);
  });

  it('fills chunks close to the size with small pieces, so that writes stay few', () => {
    const chunks = chunked(Array.from({ length: 10_000 }, (_, i) => `{"row": ${i}, "site": "徐家汇"}\n`));
    expect(chunks.slice(0, -1).every((chunk) => chunk.length > CHUNK_BYTES - 200)).toBe(true);
  });
});
