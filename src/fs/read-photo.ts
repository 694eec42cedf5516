// Evidence photos for the HTML report: the bytes of an image file an audit names, told by its first
// bytes (not its name) so that only real JPEG, PNG, GIF or WebP images are embedded. A photo that is
// missing, unreadable, too large or not an image is named with the reason, never fatal.
import { readFile, stat } from 'node:fs/promises';

export type Photo =
  | { readonly kind: 'image'; readonly mime: string; readonly data: Uint8Array }
  | { readonly kind: 'missing'; readonly reason: 'not-found' | 'unreadable' | 'too-large' | 'not-an-image' };

// A phone photo is a few megabytes; past this it is more likely a video or a disk image named .jpg,
// and embedding it would make the report unwieldy.
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const SIGNATURES: readonly { readonly mime: string; readonly test: (head: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { mime: 'image/png', test: (h) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => h[i] === byte) },
  { mime: 'image/gif', test: (h) => String.fromCharCode(...h.subarray(0, 4)) === 'GIF8' },
  { mime: 'image/webp', test: (h) => String.fromCharCode(...h.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...h.subarray(8, 12)) === 'WEBP' },
];

/** Evidence that names a local image file by its extension; web addresses and other files stay references. */
export function looksLikePhoto(reference: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(reference) && /\.(jpe?g|png|gif|webp)$/i.test(reference);
}

/** Kind and size are checked before a byte is read (as read-file.ts does), so a pipe named photo.jpg never stalls a report. */
export async function readPhoto(file: string): Promise<Photo> {
  const info = await stat(file).catch((error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unreadable');
  if (typeof info === 'string') return { kind: 'missing', reason: info === 'ENOENT' ? 'not-found' : 'unreadable' };
  if (!info.isFile()) return { kind: 'missing', reason: 'unreadable' };
  if (info.size > MAX_PHOTO_BYTES) return { kind: 'missing', reason: 'too-large' };
  const data = await readFile(file).catch(() => undefined);
  if (!data) return { kind: 'missing', reason: 'unreadable' };
  const mime = SIGNATURES.find(({ test }) => test(data.subarray(0, 12)))?.mime;
  return mime ? { kind: 'image', mime, data } : { kind: 'missing', reason: 'not-an-image' };
}
