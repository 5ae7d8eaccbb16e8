import { validateAnswer } from '../core/llm/invalid-output.ts';
import type { ChatMessage, LlmClient, LlmRequest, LlmResponse } from '../core/llm/types.ts';
import { countTokens } from '../core/tokens.ts';
import { normalizeFenceTags } from './request-key.ts';

/** Chat-format overhead per message, as OpenAI counts it for its chat models. */
const TOKENS_PER_MESSAGE = 4;

/** What a real endpoint would bill, near enough; the fence tag is normalized so it never varies. */
export function estimateUsage(messages: readonly ChatMessage[], answer: string) {
  const input = messages.reduce(
    (sum, m) => sum + countTokens(normalizeFenceTags(m.content)) + TOKENS_PER_MESSAGE,
    3,
  );
  return { input, output: countTokens(answer) };
}

/**
 * A stand-in model that gives hand-written answers, in order, and validates them exactly as
 * the OpenAI client does (an answer of the wrong shape throws InvalidOutputError carrying its
 * usage). It is how the committed recordings were made: no real endpoint was reachable.
 */
export function createAuthoredClient(answers: readonly string[], model: string): LlmClient {
  let next = 0;
  return {
    model,
    async complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const raw = answers[next++];
      if (raw === undefined) {
        throw new Error(`the authored answers ran out at call #${next - 1}; write one more`);
      }
      const usage = estimateUsage(request.messages, raw);
      try {
        return { value: validateAnswer(request.schema, raw), usage, model };
      } catch (error) {
        if (error instanceof Error && 'details' in error) {
          Object.assign(error.details as Record<string, unknown>, { usage, model });
        }
        throw error;
      }
    },
  };
}
