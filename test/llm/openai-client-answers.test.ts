import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidOutputError } from '../../src/core/llm/invalid-output.ts';
import { MapOutputSchema } from '../../src/shared/schemas.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { clientFor, summarize, summary } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(() => fake.close());

describe('json_schema mode', () => {
  it('returns the validated answer', async () => {
    fake.push(fakeSteps.json(summary));
    const result = await summarize(clientFor(fake));
    expect(result.value).toEqual(summary);
  });

  it('asks for strict JSON-schema output under the schema name', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake));
    expect(fake.requests[0]?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'summary', strict: true, schema: { type: 'object' } },
    });
  });

  it('sends the model, temperature and max_completion_tokens', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake), { temperature: 0.2, maxOutputTokens: 800 });
    expect(fake.requests[0]).toMatchObject({
      model: 'gpt-test',
      temperature: 0.2,
      max_completion_tokens: 800,
    });
  });

  it('leaves the messages as the caller wrote them', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake));
    expect(fake.requests[0]?.messages).toEqual([
      { role: 'system', content: 'You summarize articles.' },
      { role: 'user', content: 'The article text.' },
    ]);
  });

  it('sends a placeholder key when none is configured, for local servers', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake, { apiKey: '' }));
    expect(fake.headers[0]?.authorization).toBe('Bearer no-key');
  });

  it('sends the API key as a bearer token', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake));
    expect(fake.headers[0]?.authorization).toBe('Bearer sk-test');
  });
});

describe('json_object mode', () => {
  const jsonObject = { structuredOutput: 'json_object' } as const;

  it('returns the validated answer', async () => {
    fake.push(fakeSteps.json(summary));
    const result = await summarize(clientFor(fake, jsonObject));
    expect(result.value).toEqual(summary);
  });

  it('asks for json_object output', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake, jsonObject));
    expect(fake.requests[0]?.response_format).toEqual({ type: 'json_object' });
  });

  it('appends the JSON Schema to the system message', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake, jsonObject));
    const system = fake.requests[0]?.messages[0];
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(
      /^You summarize articles\.\n\nAnswer with one JSON object that matches this JSON Schema: \{.*"tldr"/s,
    );
  });

  it('adds a system message with the schema when the caller has none', async () => {
    fake.push(fakeSteps.json({ points: ['a'], quotes: [] }));
    await clientFor(fake, jsonObject).complete({
      messages: [{ role: 'user', content: 'Notes, please.' }],
      schema: MapOutputSchema,
      schemaName: 'map',
    });
    expect(fake.requests[0]?.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('sends max_tokens, which older local servers understand', async () => {
    fake.push(fakeSteps.json(summary));
    await summarize(clientFor(fake, jsonObject), { maxOutputTokens: 500 });
    expect(fake.requests[0]).toMatchObject({ max_tokens: 500 });
  });

  it('accepts an answer wrapped in a markdown code fence', async () => {
    fake.push(fakeSteps.content(`\`\`\`json\n${JSON.stringify(summary)}\n\`\`\``));
    const result = await summarize(clientFor(fake, jsonObject));
    expect(result.value).toEqual(summary);
  });
});

describe.each(['json_schema', 'json_object'] as const)(
  'answers that cannot be used (%s)',
  (mode) => {
    const client = () => clientFor(fake, { structuredOutput: mode });

    it('rejects an answer of the wrong shape with the Zod issues', async () => {
      fake.push(fakeSteps.json({ ...summary, quotes: [{ id: 'q1', text: 42, speaker: null }] }));
      await expect(summarize(client())).rejects.toMatchObject({
        code: 'invalid_output',
        issues: [expect.stringMatching(/^quotes\.0\.text: .*expected string/)],
      });
    });

    it('rejects an answer of the wrong shape with an InvalidOutputError', async () => {
      fake.push(fakeSteps.json({ tldr: '' }));
      await expect(summarize(client())).rejects.toBeInstanceOf(InvalidOutputError);
    });

    it('rejects text that is not JSON, keeping the raw text', async () => {
      fake.push(fakeSteps.content('Here is your summary: the talks failed.'));
      await expect(summarize(client())).rejects.toMatchObject({
        code: 'invalid_output',
        raw: 'Here is your summary: the talks failed.',
        issues: [expect.stringMatching(/not valid JSON/)],
      });
    });

    it('does not retry an invalid answer (the caller re-asks)', async () => {
      fake.push(fakeSteps.content('not json'));
      await expect(summarize(client())).rejects.toMatchObject({ code: 'invalid_output' });
      expect(fake.requests).toHaveLength(1);
    });

    it('reports an answer cut off by the token limit as output_truncated', async () => {
      fake.push(fakeSteps.length());
      await expect(summarize(client())).rejects.toMatchObject({
        code: 'output_truncated',
        message: "the model's answer was cut off before it finished",
      });
    });

    it('reports a refusal as refused, quoting the model as inert text', async () => {
      fake.push(fakeSteps.refusal('I cannot help with that request.'));
      await expect(summarize(client())).rejects.toMatchObject({
        code: 'refused',
        message: 'the model refused to summarize this text: `I cannot help with that request.`',
      });
    });

    it('reports a content-filter stop as refused', async () => {
      fake.push({ kind: 'content_filter' });
      await expect(summarize(client())).rejects.toMatchObject({ code: 'refused' });
    });

    it('rejects an empty answer as invalid output', async () => {
      fake.push(fakeSteps.content(''));
      await expect(summarize(client())).rejects.toMatchObject({ code: 'invalid_output' });
    });
  },
);

describe('usage and model', () => {
  it('maps prompt and completion tokens to input and output', async () => {
    fake.push(fakeSteps.json(summary, { usage: { prompt_tokens: 123, completion_tokens: 45 } }));
    const result = await summarize(clientFor(fake));
    expect(result.usage).toEqual({ input: 123, output: 45 });
  });

  it('reports the model the provider says answered', async () => {
    fake.push(fakeSteps.json(summary, { model: 'gpt-test-2026-01-01' }));
    const result = await summarize(clientFor(fake));
    expect(result.model).toBe('gpt-test-2026-01-01');
  });

  it('reports the tokens an unusable answer cost in the error details', async () => {
    fake.push({
      kind: 'content',
      content: 'not json',
      usage: { prompt_tokens: 10, completion_tokens: 3 },
    });
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({
      code: 'invalid_output',
      details: { usage: { input: 10, output: 3 } },
    });
  });

  it('falls back to the configured model when the provider names none', async () => {
    fake.push(fakeSteps.json(summary, { model: '' }));
    const result = await summarize(clientFor(fake));
    expect(result.model).toBe('gpt-test');
  });
});
