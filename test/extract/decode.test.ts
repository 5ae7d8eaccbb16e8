import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes } from '../../src/core/extract/decode.ts';

describe('GIVEN bytes to decode', () => {
  it('THEN the charset from the header wins over UTF-8', () => {
    expect(decodeBytes(Buffer.from('Ürün', 'latin1'), { charset: 'iso-8859-1' })).toBe('Ürün');
  });

  it('THEN a <meta charset> in the head is used when the header has none', () => {
    const html = '<html><head><meta charset="windows-1252"></head><body>naïve</body></html>';
    expect(decodeBytes(Buffer.from(html, 'latin1'), { sniffMeta: true })).toContain('naïve');
  });

  it('THEN a UTF-8 byte order mark wins and is not part of the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é')]);
    expect(decodeBytes(bytes, { charset: 'iso-8859-1' })).toBe('é');
  });

  it('THEN a UTF-16LE byte order mark is honoured', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    expect(decodeBytes(bytes)).toBe('hi');
  });

  it('THEN invalid UTF-8 without a declared charset falls back to windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0x93, 0x48, 0x69, 0x94]))).toBe('\u201cHi\u201d');
  });

  it('THEN an unknown charset label is ignored', () => {
    expect(decodeBytes(new TextEncoder().encode('ok ✓'), { charset: 'x-made-up' })).toBe('ok ✓');
  });

  it('THEN the charset parameter is read from a Content-Type header', () => {
    expect(charsetFromContentType('text/html; Charset="Shift_JIS"')).toBe('Shift_JIS');
  });
});
