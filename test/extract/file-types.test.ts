import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index.ts';
import { UserError } from '../../src/shared/errors.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function codeOf(input: Parameters<typeof extractDocument>[0]): Promise<string | null> {
  const error = await extractDocument(input).then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof UserError ? error.code : null;
}

describe('GIVEN files and links of kinds Precis does not read', () => {
  it('THEN an attached image is an unsupported file', async () => {
    expect(
      await codeOf({ bytes: PNG, contentType: 'image/png', url: null, fileName: 'a.png' }),
    ).toBe('unsupported_file');
  });

  it('THEN the unsupported-file message lists what is supported', async () => {
    const error = await extractDocument({
      bytes: PNG,
      contentType: 'application/zip',
      url: null,
      fileName: 'a.zip',
    }).catch((e: unknown) => e);
    expect((error as UserError).message).toBe(
      'this file type is not supported; send HTML, PDF, text or Markdown',
    );
  });

  it('THEN a link to a video is not an article', async () => {
    expect(
      await codeOf({ bytes: PNG, contentType: 'video/mp4', url: 'https://example.com/v.mp4' }),
    ).toBe('not_article');
  });

  it('THEN a link to an octet-stream is not an article', async () => {
    expect(
      await codeOf({
        bytes: PNG,
        contentType: 'application/octet-stream',
        url: 'https://example.com/blob',
      }),
    ).toBe('not_article');
  });

  it('THEN an untyped file that starts like HTML is read as HTML', async () => {
    const html = `<!DOCTYPE html><html><body><article><p>${'The harbour opened at dawn. '.repeat(30)}</p></article></body></html>`;
    const doc = await extractDocument({
      bytes: new TextEncoder().encode(html),
      contentType: null,
      url: null,
    });
    expect(doc.text).toMatch(/^The harbour opened at dawn\./);
  });
});

describe('GIVEN an attached .html file labelled text/plain', () => {
  it('THEN it is read as HTML, not shown as markup', async () => {
    const html = `<html><body><article><p>${'The harbour opened at dawn. '.repeat(30)}</p></article></body></html>`;
    const doc = await extractDocument({
      bytes: new TextEncoder().encode(html),
      contentType: 'text/plain',
      url: null,
      fileName: 'saved-page.html',
    });
    expect(doc.text).not.toContain('<article>');
  });
});
