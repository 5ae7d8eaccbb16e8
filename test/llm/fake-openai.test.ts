import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(() => fake.close());

const post = (body: unknown = { model: 'm', messages: [{ role: 'user', content: 'hi' }] }) =>
  fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('fake OpenAI server', () => {
  it('answers a chat completion in the API shape', async () => {
    fake.push(fakeSteps.json({ ok: true }));
    const body = await (await post()).json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: '{"ok":true}', refusal: null },
        },
      ],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
  });

  it('sends errors as {error:{message,type,param,code}} with the scripted headers', async () => {
    fake.push(fakeSteps.rateLimit({ retryAfter: 3 }));
    const response = await post();
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await response.json()).toEqual({
      error: {
        message: expect.any(String),
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('tags every response with an x-request-id', async () => {
    fake.push(fakeSteps.serverError(503));
    const response = await post();
    expect(response.headers.get('x-request-id')).toMatch(/^req_fake_/);
  });

  it('answers an unscripted request with a 400 that says so', async () => {
    const body = await (await post()).json();
    expect(body.error.code).toBe('fake_unscripted');
  });

  it('uses each pushed step once, then the default', async () => {
    fake.push(fakeSteps.serverError(500));
    fake.setDefault(fakeSteps.json({}));
    const statuses = [(await post()).status, (await post()).status, (await post()).status];
    expect(statuses).toEqual([500, 200, 200]);
  });

  it('lets a responder answer from the request body', async () => {
    fake.setDefault((request) => fakeSteps.content(`echo: ${request.messages[0]?.content}`));
    const body = await (await post()).json();
    expect(body.choices[0].message.content).toBe('echo: hi');
  });

  it('answers a throwing responder with a 400 that names the error', async () => {
    fake.setDefault(() => {
      throw new Error('boom');
    });
    const body = await (await post()).json();
    expect(body.error.message).toContain('boom');
  });

  it('records every request body', async () => {
    fake.setDefault(fakeSteps.json({}));
    await post({ model: 'a', messages: [], temperature: 0 });
    await post({ model: 'b', messages: [] });
    expect(fake.requests.map((request) => request.model)).toEqual(['a', 'b']);
  });

  it('answers a delayed step after the delay', async () => {
    fake.push(fakeSteps.delay(20, fakeSteps.json({ late: true })));
    const body = await (await post()).json();
    expect(body.choices[0].message.content).toBe('{"late":true}');
  });

  it('ends a hanging request when it closes', async () => {
    fake.push(fakeSteps.hang());
    const pending = post();
    await fake.waitForRequests(1);
    await fake.close();
    await expect(pending).rejects.toThrow();
  });

  it('forgets requests and steps on reset', async () => {
    fake.push(fakeSteps.json({}));
    await post();
    fake.push(fakeSteps.json({}));
    fake.reset();
    const body = await (await post()).json();
    expect([fake.requests.length, body.error.code]).toEqual([1, 'fake_unscripted']);
  });
});
