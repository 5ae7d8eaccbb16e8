import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../src/shared/errors.ts';
import { OUTPUT_LIMITS } from '../../src/shared/schemas.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { rejectedWithUserError } from '../../testkit/user-error.ts';
import { clientFor, summarize, summary } from './helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const NOT_OPENAI = 'the endpoint at OPENAI_BASE_URL did not answer like an OpenAI-compatible API';

describe('answers that are not a chat completion', () => {
  it('GIVEN a 200 event stream nobody asked for THEN it is llm_misconfigured and not retried', async () => {
    fake.setDefault(fakeSteps.eventStream());
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).toContain(NOT_OPENAI);
    expect(error.message).toContain('event stream');
    expect(fake.requests).toHaveLength(1);
  });

  it('GIVEN a 200 HTML gateway page THEN it is llm_misconfigured, naming the content type inertly', async () => {
    fake.setDefault(fakeSteps.htmlPage());
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).toBe(`${NOT_OPENAI} (it sent \`text/html\` instead of JSON)`);
  });

  it('GIVEN an HTML body labelled application/json THEN it is llm_misconfigured', async () => {
    fake.setDefault(fakeSteps.htmlPage(200, 'application/json'));
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).toContain('an HTML page labelled as JSON');
  });

  it('GIVEN JSON that is not a chat completion THEN it is llm_misconfigured', async () => {
    fake.setDefault(fakeSteps.raw('application/json', '{"result":"ok"}'));
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).toContain('not a chat completion');
  });

  it('GIVEN a connection reset mid-body THEN the call is retried and the next answer is used', async () => {
    fake.push(fakeSteps.cutOff(true), fakeSteps.json(summary));
    const response = await summarize(clientFor(fake));
    expect(response.value).toEqual(summary);
    expect(fake.requests).toHaveLength(2);
  });

  it('GIVEN a body shorter than its Content-Length every time THEN it is llm_unavailable after the retries', async () => {
    fake.setDefault(fakeSteps.cutOff(false));
    const error = await rejectedWithUserError(summarize(clientFor(fake, { maxRetries: 1 })));
    expect(error.code).toBe('llm_unavailable');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('bounds on the answer', () => {
  it('GIVEN a 2 MB answer THEN it is refused as too large without being kept', async () => {
    fake.setDefault(fakeSteps.json({ ...summary, tldr: 'x'.repeat(2 * 1024 * 1024) }));
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).toContain('larger than 1024 KB');
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['tldr', { ...summary, tldr: 'y'.repeat(OUTPUT_LIMITS.tldr + 1) }],
    [
      'bullets.0.text',
      { ...summary, bullets: [{ text: 'b'.repeat(OUTPUT_LIMITS.bullet + 1), quoteIds: [] }] },
    ],
    [
      'quotes.0.text',
      {
        ...summary,
        quotes: [{ id: 'q1', text: 'q'.repeat(OUTPUT_LIMITS.quote + 1), speaker: null }],
      },
    ],
    [
      'quotes.0.speaker',
      {
        ...summary,
        quotes: [
          {
            id: 'q1',
            text: 'We made no progress today',
            speaker: 's'.repeat(OUTPUT_LIMITS.speaker + 1),
          },
        ],
      },
    ],
  ])(
    'GIVEN an answer whose %s is longer than the limit THEN it is invalid output naming the field',
    async (path, answer) => {
      fake.push(fakeSteps.json(answer));
      const error = await rejectedWithUserError(summarize(clientFor(fake)));
      expect(error.code).toBe('invalid_output');
      expect((error.details.issues as string[]).join('\n')).toMatch(
        new RegExp(`^${path.replace(/\./g, '\\.')}: Too big`, 'm'),
      );
    },
  );
});

describe('waiting', () => {
  it('GIVEN a 429 asking for 9999 s THEN the message says how long, not "a minute"', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfter: 9999 }));
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('rate_limited');
    const text = describeUserError(error);
    expect(text).toContain('asks to wait about 2 h 47 min');
    expect(text).toContain('Try again in about 2 h 47 min.');
    expect(text).not.toContain('a minute');
  });
});

describe('waiting, once the retries are spent', () => {
  it('GIVEN 429s asking for 5 s each THEN the message says 5 s, not "a minute"', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfter: 5 }));
    const error = await rejectedWithUserError(summarize(clientFor(fake, { maxRetries: 0 })));
    expect(error.code).toBe('rate_limited');
    expect(describeUserError(error)).toContain('asks to wait 5 s. Try again in 5 s.');
  });
});

describe('text a provider or model controls', () => {
  const MASKED = '[Verify your account](https://attacker.example/login)\n@everyone `x`';

  it('GIVEN a refusal holding a masked link THEN the message shows it as one inert code span', async () => {
    fake.push(fakeSteps.refusal(MASKED));
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('refused');
    expect(error.message).toBe(
      "the model refused to summarize this text: `[Verify your account](https://attacker.example/login) @everyone 'x'`",
    );
  });

  it('GIVEN a 400 whose message is a masked link THEN the message shows it as inert text', async () => {
    fake.setDefault({ kind: 'status', status: 400, message: MASKED });
    const error = await rejectedWithUserError(summarize(clientFor(fake)));
    expect(error.code).toBe('llm_misconfigured');
    expect(error.message).not.toContain('\n');
    expect(error.message.match(/`/g)).toHaveLength(2);
  });
});

describe.each(['json_schema', 'json_object'] as const)(
  'whatever the endpoint sends (%s)',
  (mode) => {
    it('GIVEN any status, content type and body THEN the client answers or fails with a UserError, never a bug', async () => {
      const statuses = fc.constantFrom(200, 200, 200, 201, 204, 302, 400, 404, 413, 422, 500, 502);
      const types = fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/html',
        'text/event-stream',
        'text/plain',
        'application/x-ndjson',
        '',
      );
      const completionish = fc
        .record({
          choices: fc.oneof(
            fc.constant([]),
            fc.array(fc.anything(), { maxLength: 2 }),
            fc.constant([{ message: { content: 42 }, finish_reason: 'stop' }]),
            fc.constant([{ message: { content: '{"tldr":1}' }, finish_reason: null }]),
            fc.constant([null]),
          ),
          usage: fc.anything(),
        })
        .map((value) => JSON.stringify(value));
      const bodies = fc.oneof(fc.string(), fc.json(), completionish);
      await fc.assert(
        fc.asyncProperty(statuses, types, bodies, async (status, contentType, body) => {
          fake.reset();
          fake.setDefault(fakeSteps.raw(contentType || 'application/octet-stream', body, status));
          const client = clientFor(fake, { maxRetries: 0, structuredOutput: mode });
          const outcome = await summarize(client).then(
            () => 'answered',
            (error: unknown) => (error instanceof UserError ? 'user error' : error),
          );
          expect(['answered', 'user error']).toContain(outcome);
        }),
        { numRuns: 80 },
      );
    });
  },
);
