import { createOpenAiClient, type OpenAiClientOptions } from '../../src/core/llm/openai-client.ts';
import type { LlmClient, LlmRequest } from '../../src/core/llm/types.ts';
import { type SummaryOutput, SummaryOutputSchema } from '../../src/shared/schemas.ts';
import type { FakeOpenAi } from '../../testkit/fake-openai.ts';

export const summary: SummaryOutput = {
  tldr: 'The talks ended without a deal.',
  bullets: [{ text: 'Neither side moved.', quoteIds: ['q1'] }],
  quotes: [{ id: 'q1', text: 'We made no progress today', speaker: 'A spokesman' }],
};

export function clientFor(
  fake: FakeOpenAi,
  overrides: Partial<OpenAiClientOptions> = {},
): LlmClient {
  return createOpenAiClient({
    apiKey: 'sk-test',
    baseURL: fake.url,
    model: 'gpt-test',
    structuredOutput: 'json_schema',
    timeoutMs: 5_000,
    maxRetries: 2,
    ...overrides,
  });
}

export function summarize(
  client: LlmClient,
  extra: Partial<LlmRequest<SummaryOutput>> = {},
): Promise<{ value: SummaryOutput; usage: { input: number; output: number }; model: string }> {
  return client.complete({
    messages: [
      { role: 'system', content: 'You summarize articles.' },
      { role: 'user', content: 'The article text.' },
    ],
    schema: SummaryOutputSchema,
    schemaName: 'summary',
    ...extra,
  });
}
