import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MapOutputSchema, SummaryOutputSchema } from '../../src/shared/schemas.ts';
import { type FakeChatRequest, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { clientFor, summarize, summary } from './helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const LENGTH_AND_NUMBER = /^(min|max|exclusive)|^(pattern|format|multipleOf|uniqueItems|default)$/;

/** Every problem a strict provider could have with the schema in a request body. */
function unportable(node: unknown, path = 'schema', inProperties = false): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => unportable(item, `${path}.${i}`));
  if (node === null || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  const problems: string[] = [];
  if (!inProperties) {
    for (const key of Object.keys(object)) {
      if (LENGTH_AND_NUMBER.test(key)) problems.push(`${path}: ${key}`);
    }
    if (object.type === 'object') {
      if (object.additionalProperties !== false) problems.push(`${path}: additionalProperties`);
      const required = (object.required as string[] | undefined) ?? [];
      for (const key of Object.keys((object.properties as object) ?? {})) {
        if (!required.includes(key)) problems.push(`${path}: ${key} not required`);
      }
    }
  }
  for (const [key, value] of Object.entries(object)) {
    problems.push(...unportable(value, `${path}.${key}`, !inProperties && key === 'properties'));
  }
  return problems;
}

const sentSchema = (request: FakeChatRequest | undefined) =>
  request?.response_format?.type === 'json_schema'
    ? request.response_format.json_schema.schema
    : undefined;

describe('the JSON schema sent to the provider', () => {
  it.each([
    ['SummaryOutput', SummaryOutputSchema],
    ['MapOutput', MapOutputSchema],
  ])(
    'GIVEN %s THEN the schema sent is the strict common subset and a strict provider accepts it',
    async (name, schema) => {
      fake.push(fakeSteps.json(name === 'MapOutput' ? { points: ['p'], quotes: [] } : summary));
      await clientFor(fake).complete({
        messages: [{ role: 'user', content: 'text' }],
        schema: schema as typeof SummaryOutputSchema,
        schemaName: name,
      });
      expect(fake.requests).toHaveLength(1);
      const sent = sentSchema(fake.requests[0]);
      expect(sent).toMatchObject({ type: 'object' });
      expect(unportable(sent)).toEqual([]);
    },
  );

  it('GIVEN an answer breaking a rule left out of the schema THEN Zod still rejects it', async () => {
    fake.push(fakeSteps.json({ ...summary, tldr: '' }));
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'invalid_output' });
  });
});

describe('an endpoint without JSON-schema output', () => {
  it('GIVEN a 400 about response_format THEN the client falls back once to json_object for good, and logs it', async () => {
    const noSchema = await startFakeOpenAi({ jsonSchema: false });
    try {
      const fallbacks: string[] = [];
      const client = clientFor(noSchema, { onFallback: (event) => fallbacks.push(event.reason) });
      noSchema.push(fakeSteps.json(summary), fakeSteps.json(summary));
      expect((await summarize(client)).value).toEqual(summary);
      expect((await summarize(client)).value).toEqual(summary);
      expect(noSchema.requests.map((r) => r.response_format?.type)).toEqual([
        'json_schema',
        'json_object',
        'json_object',
      ]);
      expect(noSchema.requests[1]?.messages[0]?.content).toContain('JSON Schema');
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toContain('json_schema');
    } finally {
      await noSchema.close();
    }
  });

  it('GIVEN a 400 about something else THEN there is no fallback', async () => {
    fake.setDefault(fakeSteps.contextTooLong());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'source_too_long' });
    expect(fake.requests).toHaveLength(1);
  });
});
