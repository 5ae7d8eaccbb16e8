import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { clientFor, summarize, summary } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(() => fake.close());

/** Real 5xx carry no retry header; this one keeps the backoff short so the test stays fast. */
const quick500 = { kind: 'status', status: 500, headers: { 'retry-after-ms': '5' } } as const;

describe('rate limits and quota', () => {
  it('retries a 429 after the wait it asks for, then succeeds on the second request', async () => {
    fake.push(fakeSteps.rateLimit({ retryAfterMs: 50 }), fakeSteps.json(summary));
    const result = await summarize(clientFor(fake));
    expect(result.value).toEqual(summary);
    expect(fake.requests).toHaveLength(2);
  });

  it('reports rate_limited once the retries are spent', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfterMs: 5 }));
    await expect(summarize(clientFor(fake, { maxRetries: 2 }))).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'the model provider is rate-limiting Precis',
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('fails fast with rate_limited when the provider asks for a wait longer than the cap', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfter: 60 }));
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retryAfterMs: 60_000 },
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports an exhausted quota as quota', async () => {
    fake.setDefault(fakeSteps.quota());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({
      code: 'quota',
      message: 'the model provider says the account is out of quota',
    });
  });

  it('does not retry an exhausted quota', async () => {
    fake.setDefault(fakeSteps.quota());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'quota' });
    expect(fake.requests).toHaveLength(1);
  });

  it('tells the retry hook how long it waits', async () => {
    const waits: number[] = [];
    fake.push(fakeSteps.rateLimit({ retryAfterMs: 40 }), fakeSteps.json(summary));
    await summarize(clientFor(fake, { onRetry: (event) => waits.push(event.delayMs) }));
    expect(waits).toEqual([40]);
  });
});

describe('server and connection failures', () => {
  it('reports llm_unavailable after maxRetries + 1 requests of 500', async () => {
    fake.setDefault(quick500);
    await expect(summarize(clientFor(fake, { maxRetries: 2 }))).rejects.toMatchObject({
      code: 'llm_unavailable',
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('succeeds when a 503 is followed by an answer', async () => {
    fake.push({ ...quick500, status: 503 }, fakeSteps.json(summary));
    await expect(summarize(clientFor(fake))).resolves.toMatchObject({ value: summary });
  });

  it('retries a dropped connection', async () => {
    fake.push(fakeSteps.reset(), fakeSteps.json(summary));
    await expect(summarize(clientFor(fake))).resolves.toMatchObject({ value: summary });
  });

  it('reports a server that cannot be reached as llm_unavailable', async () => {
    const url = fake.url;
    await fake.close();
    const client = clientFor({ ...fake, url }, { maxRetries: 0 });
    await expect(summarize(client)).rejects.toMatchObject({ code: 'llm_unavailable' });
  });

  it('makes a single attempt when maxRetries is 0', async () => {
    fake.setDefault(quick500);
    await expect(summarize(clientFor(fake, { maxRetries: 0 }))).rejects.toMatchObject({
      code: 'llm_unavailable',
    });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('requests the provider rejects', () => {
  it('reports a 401 as bad_key', async () => {
    fake.setDefault(fakeSteps.badKey());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({
      code: 'bad_key',
      message: 'the model provider rejected the API key',
    });
  });

  it('does not retry a 401', async () => {
    fake.setDefault(fakeSteps.badKey());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'bad_key' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a 403 as bad_key', async () => {
    fake.setDefault({ kind: 'status', status: 403 });
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'bad_key' });
  });

  it('reports context_length_exceeded as source_too_long', async () => {
    fake.setDefault(fakeSteps.contextTooLong());
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'source_too_long' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a context-length 400 without a code as source_too_long', async () => {
    fake.setDefault({
      kind: 'status',
      status: 400,
      message: 'the request exceeds the available context size, try increasing it',
    });
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({ code: 'source_too_long' });
  });

  it('calls a request the provider rejects for another reason a configuration problem, naming its message', async () => {
    fake.setDefault({
      kind: 'status',
      status: 404,
      message: 'The model `gpt-nope` does not exist',
    });
    await expect(summarize(clientFor(fake))).rejects.toMatchObject({
      code: 'llm_misconfigured',
      message:
        "the model provider rejected the request (status 404: `The model 'gpt-nope' does not exist`)",
    });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('timeouts and the deadline', () => {
  it('reports a hung attempt as llm_timeout', async () => {
    fake.setDefault(fakeSteps.hang());
    await expect(
      summarize(clientFor(fake, { timeoutMs: 300, maxRetries: 0 })),
    ).rejects.toMatchObject({ code: 'llm_timeout', message: 'the model took too long to answer' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports an answer that stalls after its headers as llm_timeout', async () => {
    fake.setDefault(fakeSteps.stall());
    await expect(
      summarize(clientFor(fake, { timeoutMs: 300, maxRetries: 0 })),
    ).rejects.toMatchObject({ code: 'llm_timeout' });
  }, 3_000); // the SDK's own timeout stops at the headers; this must not wait for the suite's

  it('stops with deadline when the signal aborts during a stalled answer', async () => {
    fake.setDefault(fakeSteps.stall());
    const controller = new AbortController();
    const call = summarize(clientFor(fake), { signal: controller.signal });
    await fake.waitForRequests(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'deadline' });
  });

  it('retries a hung attempt, then succeeds', async () => {
    fake.push(fakeSteps.hang(), fakeSteps.json(summary));
    const client = clientFor(fake, { timeoutMs: 200, maxRetries: 1 });
    await expect(summarize(client)).resolves.toMatchObject({ value: summary });
  });

  it('stops promptly with deadline when the signal aborts during a hang', async () => {
    fake.setDefault(fakeSteps.hang());
    const controller = new AbortController();
    const call = summarize(clientFor(fake), { signal: controller.signal });
    await fake.waitForRequests(1);
    const abortedAt = performance.now();
    controller.abort();
    await expect(call).rejects.toMatchObject({
      code: 'deadline',
      message: 'the summary took too long and was stopped',
    });
    expect(performance.now() - abortedAt).toBeLessThan(500);
  });

  it('closes the in-flight request when the signal aborts', async () => {
    fake.setDefault(fakeSteps.hang());
    const controller = new AbortController();
    const call = summarize(clientFor(fake), { signal: controller.signal });
    await fake.waitForRequests(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'deadline' });
    await fake.waitForAbandoned(1);
    expect(fake.abandoned).toBe(1);
  }, 2_000); // well under the 5 s attempt timeout: only the abort can have closed it

  it('stops with deadline when the signal aborts during the wait before a retry', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfterMs: 10_000 }));
    const controller = new AbortController();
    const client = clientFor(fake, { onRetry: () => controller.abort() });
    await expect(summarize(client, { signal: controller.signal })).rejects.toMatchObject({
      code: 'deadline',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('makes no request when the signal has already aborted', async () => {
    fake.setDefault(fakeSteps.json(summary));
    await expect(summarize(clientFor(fake), { signal: AbortSignal.abort() })).rejects.toMatchObject(
      { code: 'deadline' },
    );
    expect(fake.requests).toHaveLength(0);
  });
});
