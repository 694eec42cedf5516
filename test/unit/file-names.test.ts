// Names that are not UTF-8 are carried as text with their odd bytes escaped, and opened by those bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameFromBytes, openablePath } from '../../src/fs/file-names.js';

const bytesOf = (file: string) => Buffer.from(openablePath(file) as Buffer | string);
const isUtf8 = (bytes: Uint8Array) => Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8').equals(Buffer.from(bytes));

describe('nameFromBytes and openablePath', () => {
  it.each([
    ['Latin-1', Buffer.from('caf\xe9.yaml', 'latin1'), 'caf\\xE9.yaml'],
    ['GBK', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x2e, 0x79, 0x61, 0x6d, 0x6c]), '\\xC4\\xE3\\xBA\\xC3.yaml'],
    ['UTF-8 beside an odd byte, and a backslash', Buffer.concat([Buffer.from('门店\\'), Buffer.of(0xff), Buffer.from('.yaml')]), '门店\\\\\\xFF.yaml'],
    ['a lone continuation byte', Buffer.of(0x61, 0x80, 0x62), 'a\\x80b'],
    ['a sequence cut short', Buffer.of(0xe4, 0xbd, 0x2e), '\\xE4\\xBD.'],
  ])('shows %s escaped and opens it by its bytes', (_, bytes, shown) => {
    expect(nameFromBytes(bytes)).toBe(shown);
    expect(bytesOf(shown)).toEqual(bytes);
  });

  it('leaves UTF-8 names as they are, backslashes included', () => {
    expect(nameFromBytes(Buffer.from('审核\\2026.yaml'))).toBe('审核\\2026.yaml');
    expect(openablePath('审核\\2026.yaml')).toBe('审核\\2026.yaml');
  });

  it('property: any name that is not UTF-8 comes back to its bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((bytes) => !isUtf8(bytes)), (bytes) => {
        expect(bytesOf(nameFromBytes(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });
});
