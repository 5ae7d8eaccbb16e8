import { InvalidOutputError } from '../core/llm/invalid-output.ts';
import type { LlmClient, LlmRequest, LlmResponse } from '../core/llm/types.ts';
import { UserError, type UserErrorCode } from '../shared/errors.ts';
import { MissingRecordingError, type RecordedCall, type Recording } from './recordings.ts';
import { requestKey } from './request-key.ts';

/**
 * Answers an eval case's model calls from its recording. A request that was not recorded
 * (another article text, other options, a changed earlier answer) is an error that says how
 * to record it, never a guess.
 */
export function createReplayClient(recording: Recording, caseOptions: string): LlmClient {
  const unused = new Set<RecordedCall>(recording.calls);
  let index = 0;
  return {
    model: recording.calls[0]?.model ?? 'replay',
    async complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const callIndex = index++;
      const key = requestKey({
        messages: request.messages,
        schemaName: request.schemaName,
        caseOptions,
      });
      // The same index first; any unused call with the same key covers concurrent map calls.
      const call =
        [...unused].find((c) => c.index === callIndex && c.key === key) ??
        [...unused].find((c) => c.key === key);
      if (!call) {
        throw new MissingRecordingError(
          recording.article,
          recording.prompt,
          `call #${callIndex} (${request.schemaName}) was not recorded — the article, the case's options or an earlier answer changed`,
        );
      }
      unused.delete(call);
      const details = { usage: call.usage, model: call.model };
      if (call.invalid) {
        const error = new InvalidOutputError(call.invalid.raw, call.invalid.issues);
        // As the OpenAI client does: an unusable answer still reports what it cost.
        Object.assign(error.details, details);
        throw error;
      }
      if (call.error)
        throw new UserError(call.error.code as UserErrorCode, call.error.message, details);
      const parsed = request.schema.safeParse(call.answer);
      if (!parsed.success) {
        throw new Error(
          `The recorded answer #${callIndex} for article "${recording.article}" with ${recording.prompt} no longer matches the ${request.schemaName} schema; record it again.`,
        );
      }
      return { value: parsed.data, usage: call.usage, model: call.model };
    },
  };
}
