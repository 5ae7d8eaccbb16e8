import { describe, expect, it } from 'vitest';
import {
  loadSource,
  PROVIDERS,
  providerFor,
  wireInputSchema,
} from '../../src/core/inputs/index.ts';
import { SourceKindSchema, type SummarizeInput } from '../../src/shared/schemas.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('input providers', () => {
  it('GIVEN the provider list THEN each source kind has exactly one provider', () => {
    expect(PROVIDERS.map((provider) => provider.id).sort()).toEqual(
      [...SourceKindSchema.options].sort(),
    );
  });

  it('GIVEN an input of each kind THEN the provider of that kind reads it', () => {
    const inputs: SummarizeInput[] = [
      { kind: 'url', url: 'https://example.com/a' },
      { kind: 'text', text: 'x' },
      { kind: 'file', name: 'a.txt', bytes: new Uint8Array() },
      { kind: 'message', text: 'x', url: null },
    ];
    expect(inputs.map((input) => providerFor(input).id)).toEqual([
      'url',
      'text',
      'file',
      'message',
    ]);
  });

  it('GIVEN a message with its link THEN a quote links into the message; pasted text links nowhere', async () => {
    const url = 'https://discord.com/channels/1/2/3';
    const source = await loadSource({ kind: 'message', text: words(30), url }, {});
    expect(source.document.url).toBe(url);
    expect(providerFor({ kind: 'message', text: '', url }).link(url, 'word1 word2')).toBe(
      `${url}#:~:text=word1%20word2`,
    );
    expect(providerFor({ kind: 'text', text: '' }).link(null, 'word1')).toBeNull();
  });

  it('GIVEN a link and no way to fetch THEN it is refused in words that say what to do', async () => {
    await expect(loadSource({ kind: 'url', url: 'https://example.com/' }, {})).rejects.toThrow(
      'Links cannot be read in this setup; paste the text instead.',
    );
  });

  it('GIVEN an input of each kind that is JSON THEN the queue form reads it back as it was written', () => {
    const inputs: SummarizeInput[] = [
      { kind: 'url', url: 'https://example.com/a' },
      { kind: 'text', text: 'Some pasted text.', title: null },
      { kind: 'message', text: 'A message.', url: 'https://discord.com/channels/1/2/3' },
    ];
    const wire = wireInputSchema();
    for (const input of inputs) {
      expect(wire.parse(JSON.parse(JSON.stringify(input)))).toEqual(input);
    }
    // Each of them comes from its provider: a kind without a JSON form is not in the union.
    expect(PROVIDERS.filter((provider) => provider.wire).map((provider) => provider.id)).toEqual(
      inputs.map((input) => input.kind),
    );
  });

  it("GIVEN a file's bytes THEN the queue form refuses it: a file travels as what to download", () => {
    const file = { kind: 'file', name: 'a.txt', bytes: [104, 105] };
    expect(wireInputSchema().safeParse(file).success).toBe(false);
  });
});
