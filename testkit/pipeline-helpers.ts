import { readFileSync } from 'node:fs';
import { createOpenAiClient } from '../src/core/llm/openai-client.ts';
import { createPipeline, type PipelineDeps } from '../src/core/pipeline.ts';
import type { SummaryOutput } from '../src/shared/schemas.ts';
import type { FakeOpenAi } from './fake-openai.ts';

export const EXAMPLE = readFileSync(
  new URL('./fixtures/biden-putin-talks.txt', import.meta.url),
  'utf8',
);

/** The real pipeline with the real openai SDK pointed at the loopback fake. */
export function pipelineAgainst(fake: FakeOpenAi, deps: Partial<PipelineDeps> = {}) {
  const llm = createOpenAiClient({
    apiKey: 'sk-test',
    baseURL: fake.url,
    model: 'fake-model',
    structuredOutput: 'json_schema',
    timeoutMs: 5_000,
    maxRetries: 1,
  });
  return createPipeline({ llm, ...deps });
}

/** An answer whose quotes are typed the way models type them: straight quotes, "..." for "…". */
export const GOOD_ANSWER: SummaryOutput = {
  tldr: 'Biden and Putin talked for two hours without a breakthrough on Ukraine.',
  bullets: [
    {
      text: 'Biden warned of severe economic penalties if Russia attacks Ukraine.',
      quoteIds: ['q2'],
    },
    { text: 'Russia says its forces endanger no one.', quoteIds: ['q1'] },
    { text: 'Sullivan saw room to cooperate on Iran.', quoteIds: ['q3'] },
  ],
  quotes: [
    {
      id: 'q1',
      text: "the Russian forces are on their own soil, and they don't endanger anyone",
      speaker: 'Vladimir Putin',
    },
    {
      id: 'q2',
      text: 'give additional defense materiel to the Ukrainians... and we will bolster our NATO partners',
      speaker: 'Joe Biden',
    },
    {
      id: 'q3',
      text: 'The more Iran shows a lack of sincerity at the negotiation table, the more there will be a sense of solidarity',
      speaker: 'Jake Sullivan',
    },
  ],
};

/** The same answer with every quote invented or reworded. */
export const INVENTED_ANSWER: SummaryOutput = {
  ...GOOD_ANSWER,
  quotes: [
    {
      id: 'q1',
      text: 'Russian troops are on Russian land and threaten nobody at all',
      speaker: 'Vladimir Putin',
    },
    { id: 'q2', text: 'We will send weapons to Ukraine tomorrow morning', speaker: 'Joe Biden' },
    { id: 'q3', text: 'Iran is the key to everything we do here', speaker: 'Jake Sullivan' },
  ],
};

export const lastUserMessage = (fake: FakeOpenAi, index: number) =>
  fake.requests[index]?.messages.at(-1)?.content ?? '';
