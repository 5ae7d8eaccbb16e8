import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createScheduledLlm } from '../../src/core/llm/scheduled-client.ts';
import type { LlmClient, LlmRequest, LlmResponse } from '../../src/core/llm/types.ts';
import { UserError } from '../../src/shared/errors.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { clientFor, summarize, summary } from './helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A client whose calls finish only when the test says so, recording the order they start. */
function gatedClient() {
  const started: string[] = [];
  const gates: Array<() => void> = [];
  let onStart: (() => void) | null = null;
  const client: LlmClient = {
    model: 'gated',
    complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      started.push(request.queueKey ?? '');
      onStart?.();
      return new Promise((resolve) => {
        gates.push(() =>
          resolve({ value: summary as T, usage: { input: 1, output: 1 }, model: 'gated' }),
        );
      });
    },
  };
  const nextStart = () => new Promise<void>((resolve) => (onStart = resolve));
  return { client, started, release: () => gates.shift()?.(), nextStart };
}

describe('the scheduled model client', () => {
  it('GIVEN one busy server and one quiet server THEN the quiet one does not wait behind the queue', async () => {
    const gated = gatedClient();
    const llm = createScheduledLlm(gated.client, { concurrency: 1 });
    const first = gated.nextStart();
    const busy = Array.from({ length: 5 }, () => summarize(llm, { queueKey: 'busy' }));
    await first;
    const quiet = summarize(llm, { queueKey: 'quiet' });
    for (let i = 0; i < 6; i++) {
      const next = gated.nextStart();
      gated.release();
      if (i < 5) await next;
    }
    await Promise.all([...busy, quiet]);
    expect(gated.started).toEqual(['busy', 'quiet', 'busy', 'busy', 'busy', 'busy']);
  });

  it('GIVEN a limit of two THEN no more than two calls run at once', async () => {
    const gated = gatedClient();
    const llm = createScheduledLlm(gated.client, { concurrency: 2 });
    const calls = Array.from({ length: 4 }, (_, i) => summarize(llm, { queueKey: `s${i}` }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gated.started).toHaveLength(2);
    expect(llm.waiting).toBe(2);
    for (let i = 0; i < 4; i++) {
      const next = gated.nextStart();
      gated.release();
      if (i < 2) await next;
    }
    await Promise.all(calls);
    expect(gated.started).toHaveLength(4);
  });

  it('GIVEN a job whose deadline passes while it waits THEN it fails with deadline and never calls the model', async () => {
    const gated = gatedClient();
    const llm = createScheduledLlm(gated.client, { concurrency: 1 });
    const running = summarize(llm, { queueKey: 'a' });
    const controller = new AbortController();
    const waiting = summarize(llm, { queueKey: 'b', signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'deadline' });
    gated.release();
    await running;
    expect(gated.started).toEqual(['a']);
  });

  it('GIVEN a provider that keeps failing THEN the circuit opens and calls fail at once without reaching it', async () => {
    fake.setDefault(fakeSteps.serverError(500));
    const llm = createScheduledLlm(clientFor(fake, { maxRetries: 0 }), {
      volumeThreshold: 3,
      errorThresholdPercentage: 50,
    });
    for (let i = 0; i < 3; i++) {
      await expect(summarize(llm)).rejects.toMatchObject({ code: 'llm_unavailable' });
    }
    const callsBefore = fake.requests.length;
    await expect(summarize(llm)).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringContaining('paused calls'),
    });
    expect(fake.requests.length).toBe(callsBefore);
    llm.breaker.shutdown();
  });

  it('GIVEN answers of the wrong shape THEN the circuit stays closed', async () => {
    fake.setDefault(fakeSteps.json({ wrong: true }));
    const llm = createScheduledLlm(clientFor(fake, { maxRetries: 0 }), { volumeThreshold: 3 });
    for (let i = 0; i < 5; i++) {
      await expect(summarize(llm)).rejects.toBeInstanceOf(UserError);
    }
    expect(llm.breaker.opened).toBe(false);
    llm.breaker.shutdown();
  });
});
