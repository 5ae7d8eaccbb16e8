import { z } from 'zod';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';

/** Far above any real answer (a few thousand tokens), far below what would hurt the process. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** As much of a chat completion as Precis reads; the SDK and readAnswer trust these fields. */
const CompletionShape = z.object({
  choices: z.array(
    z.object({
      finish_reason: z.string().nullable().optional(),
      message: z.object({
        content: z.string().nullable().optional(),
        refusal: z.string().nullable().optional(),
        tool_calls: z.array(z.unknown()).nullable().optional(),
      }),
    }),
  ),
  model: z.string().nullable().optional(),
  usage: z
    .object({
      prompt_tokens: z.number().nullable().optional(),
      completion_tokens: z.number().nullable().optional(),
    })
    .nullable()
    .optional(),
});

const NOT_OPENAI = 'the endpoint at OPENAI_BASE_URL did not answer like an OpenAI-compatible API';

/** Not retried: the same endpoint will answer the same way again. */
class NotOpenAiError extends UserError {
  constructor(what: string, details: Record<string, unknown> = {}) {
    super('llm_misconfigured', `${NOT_OPENAI} (${what})`, details);
  }
}

/**
 * Wraps the SDK's fetch so that every answer is read here, capped, and checked to be a chat
 * completion before the SDK sees it. The SDK trusts a 200: an event stream nobody asked for,
 * a gateway's HTML page or a 50 MB body would otherwise crash it or fill memory. Reading the
 * body here also puts it inside the SDK's connection error handling, so a reset mid-body is a
 * connection error (retried) instead of a stray TypeError.
 */
export function createCheckedFetch(
  base: typeof fetch = fetch,
  maxBytes = MAX_ANSWER_BYTES,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const text = await readCapped(response, maxBytes);
    const headers = new Headers(response.headers);
    // The body is handed on decoded: these no longer describe it.
    headers.delete('content-encoding');
    headers.delete('content-length');
    if (response.ok) checkCompletion(response.headers.get('content-type') ?? '', text);
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(maxBytes: number): UserError {
  return new NotOpenAiError(`it sent an answer larger than ${Math.round(maxBytes / 1024)} KB`, {
    maxBytes,
  });
}

function checkCompletion(contentType: string, text: string): void {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'text/event-stream') {
    throw new NotOpenAiError('it sent an event stream although no stream was asked for');
  }
  const kind = mime === '' ? 'no content type' : inert(mime, 60);
  if (!/[/+]json$/.test(mime)) {
    throw new NotOpenAiError(`it sent ${kind} instead of JSON`, { contentType: mime });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NotOpenAiError(
      /^\s*</.test(text) ? 'it sent an HTML page labelled as JSON' : 'its answer is not valid JSON',
      { contentType: mime },
    );
  }
  if (!CompletionShape.safeParse(json).success) {
    throw new NotOpenAiError('its answer is JSON but not a chat completion');
  }
}
