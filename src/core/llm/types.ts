import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest<T> {
  messages: ChatMessage[];
  /** Every answer is validated with this schema, whatever the structured-output mode. */
  schema: z.ZodType<T>;
  /** The schema's name as sent in response_format (the prompt's `output` field). */
  schemaName: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** The job's overall deadline; aborting it ends the call at once. */
  signal?: AbortSignal;
  /** Who the call is for (a server id): the scheduler shares model calls fairly between them. */
  queueKey?: string;
}

export interface LlmResponse<T> {
  value: T;
  usage: { input: number; output: number };
  model: string;
}

/** The one thing the pipeline needs from a model. The OpenAI implementation is one of them. */
export interface LlmClient {
  readonly model: string;
  complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>>;
}
