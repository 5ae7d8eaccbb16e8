import { InvalidOutputError } from '../core/llm/invalid-output.ts';
import type { LlmClient, LlmRequest, LlmResponse } from '../core/llm/types.ts';
import { UserError } from '../shared/errors.ts';
import type { RecordedCall } from './recordings.ts';
import { requestKey } from './request-key.ts';

/**
 * Wraps a model client and logs every call of one eval case in the recording format: the
 * validated answer (or the invalid raw text, or the error), its usage and the request key.
 * The log is what `--record` writes and what the schema-valid metric reads.
 */
export function observeCalls(
  inner: LlmClient,
  caseOptions: string,
): { llm: LlmClient; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const llm: LlmClient = {
    get model() {
      return inner.model;
    },
    async complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const base = {
        index: calls.length,
        key: requestKey({
          messages: request.messages,
          schemaName: request.schemaName,
          caseOptions,
        }),
        schemaName: request.schemaName,
      };
      // Reserve the slot now, so concurrent calls keep the order in which they were asked.
      const slot = calls.push({ ...base, usage: { input: 0, output: 0 }, model: inner.model }) - 1;
      try {
        const response = await inner.complete(request);
        calls[slot] = {
          ...base,
          answer: response.value,
          usage: response.usage,
          model: response.model,
        };
        return response;
      } catch (error) {
        if (error instanceof UserError) calls[slot] = { ...base, ...failure(error, inner.model) };
        else calls.splice(slot, 1);
        throw error;
      }
    },
  };
  return { llm, calls };
}

function failure(
  error: UserError,
  fallbackModel: string,
): Omit<RecordedCall, 'index' | 'key' | 'schemaName'> {
  const usage = (error.details.usage as RecordedCall['usage'] | undefined) ?? {
    input: 0,
    output: 0,
  };
  const model = typeof error.details.model === 'string' ? error.details.model : fallbackModel;
  if (error instanceof InvalidOutputError) {
    return { invalid: { raw: error.raw, issues: error.issues }, usage, model };
  }
  return { error: { code: error.code, message: error.message }, usage, model };
}
