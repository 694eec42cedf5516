// Output made of many small pieces (an audit's JSON, a CSV row, a run of a report's rows) is written
// in chunks of UTF-8 bytes: a write a piece would cost more than making it, and encoding each piece
// straight into its chunk is about five times cheaper than joining the pieces into a string and
// encoding that (the 76 MB of JSON for 10,000 survey audits: 40 ms against 190).

/** The bytes a chunk holds at most, unless one piece alone is larger. */
export const CHUNK_BYTES = 64 * 1024;
/** The most bytes of UTF-8 one UTF-16 code unit becomes. */
const MAX_BYTES_PER_UNIT = 3;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export class Utf8Chunks {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** A high surrogate that ended the last piece: its pair may start the next, and the two are one character. */
  private carried = '';

  /**
   * Adds a piece and returns the chunks that are ready, to be written in order: mostly none. A
   * character never straddles two chunks, so the bytes are those of all the pieces joined.
   */
  add(piece: string): Uint8Array[] {
    let text = this.carried + piece;
    this.carried = '';
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    return this.encode(text);
  }

  /** The chunks left to write once every piece is added. */
  rest(): Uint8Array[] {
    const ready = this.encode(this.carried);
    this.carried = '';
    if (this.used > 0) ready.push(this.take());
    return ready;
  }

  private encode(text: string): Uint8Array[] {
    const ready: Uint8Array[] = [];
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (this.used + most > CHUNK_BYTES && this.used > 0) ready.push(this.take());
    if (most > CHUNK_BYTES) ready.push(Buffer.from(text));
    else this.used += this.chunk.write(text, this.used);
    return ready;
  }

  // A new chunk each time rather than the same one again: a write to a pipe may still hold the last.
  private take(): Uint8Array {
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    return full;
  }
}
