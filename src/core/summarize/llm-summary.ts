import { UserError } from '../../shared/errors.ts';
import type { Quote, SummaryOutput } from '../../shared/schemas.ts';
import type { SourceChecker } from '../checks/checker.ts';
import type { ChatMessage, LlmClient } from '../llm/types.ts';
import { OUTPUT_SCHEMAS } from '../prompts/output-schemas.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import { renderPrompt } from '../prompts/render.ts';
import { PROMPT_STEPS } from '../prompts/steps.ts';
import type { VerifiedQuotes } from '../quotes/index.ts';

export interface VerifiedSummary {
  output: SummaryOutput;
  quotes: Quote[];
  dropped: number;
  unverifiedSpeakers: number;
  reasks: number;
  tokens: { input: number; output: number };
  model: string;
}

interface SummaryCall {
  llm: LlmClient;
  prompt: PromptFile;
  values: Record<string, string>;
  /** The text quotes are verified against: the whole source, even for map-reduce. */
  sourceText: string;
  url: string | null;
  /** Checks the model's quotes against sourceText (off the thread when it is long). */
  checker: Pick<SourceChecker, 'check'>;
  /** Fewer verified quotes than this (when some were rejected) triggers the re-ask. */
  minQuotes: number;
  signal?: AbortSignal;
  queueKey?: string;
  /** Awaited before each check of quotes against the source (long sources show it). */
  onCheck?: () => Promise<void>;
  /** Told when quotes failed the word-for-word check and the model is asked again. */
  onRecheck?: () => void;
  /**
   * The answer's sentences that state facts the source does not hold, one line each with why
   * (the grounding check); any makes the model be asked again.
   */
  checkClaims?: (output: SummaryOutput) => Promise<string[]>;
}

/** The model's invalid answer, as the OpenAI client reports it (see InvalidOutputError). */
function invalidAnswer(error: unknown): { raw: string; issues: string[] } | null {
  if (!(error instanceof UserError) || error.code !== 'invalid_output') return null;
  const { raw, issues } = error as UserError & { raw?: unknown; issues?: unknown };
  return {
    raw: typeof raw === 'string' ? raw : '',
    issues: Array.isArray(issues) ? issues.map(String) : [error.message],
  };
}

/**
 * One summarize call, verified, with at most one re-ask. The re-ask carries what was wrong:
 * the validation errors of an answer of the wrong shape, or the quotes that are not in the
 * source word for word. Whatever the second answer holds, only verified quotes survive.
 */
export async function summarizeWithLlm(call: SummaryCall): Promise<VerifiedSummary> {
  const messages = renderPrompt(call.prompt, call.values);
  const check = async (quotes: SummaryOutput['quotes']) => {
    await call.onCheck?.();
    return call.checker.check(call.sourceText, quotes, { url: call.url, signal: call.signal });
  };
  const tokens = { input: 0, output: 0 };
  const ask = async (conversation: ChatMessage[]) => {
    const response = await call.llm
      .complete({
        messages: conversation,
        // The schema the step's prompts were checked against when they loaded.
        schema: OUTPUT_SCHEMAS[PROMPT_STEPS.summarize.output],
        schemaName: call.prompt.output,
        temperature: call.prompt.model.temperature,
        maxOutputTokens: call.prompt.model.maxOutputTokens,
        signal: call.signal,
        queueKey: call.queueKey,
      })
      .catch((error: unknown) => {
        // An unusable answer still cost tokens; count them with the rest of the job.
        const usage =
          error instanceof UserError
            ? (error.details.usage as typeof tokens | undefined)
            : undefined;
        if (usage) {
          tokens.input += usage.input;
          tokens.output += usage.output;
        }
        throw error;
      });
    tokens.input += response.usage.input;
    tokens.output += response.usage.output;
    return response;
  };

  let first: Awaited<ReturnType<typeof ask>>;
  try {
    first = await ask(messages);
  } catch (error) {
    const invalid = invalidAnswer(error);
    if (!invalid) throw error;
    const second = await ask([...messages, ...reask(invalid.raw, invalid.issues, [])]).catch(
      (again: unknown) => {
        const stillInvalid = invalidAnswer(again);
        if (!stillInvalid) throw again;
        throw new UserError(
          'invalid_output',
          "The model's answer was not in the expected shape, even after it was asked again.",
          { issues: stillInvalid.issues },
        );
      },
    );
    return finish(second.value, 1, second.model, await check(second.value.quotes));
  }

  const checked = await check(first.value.quotes);
  const claims = (await call.checkClaims?.(first.value)) ?? [];
  const tooFew = checked.rejected.length > 0 && checked.quotes.length < call.minQuotes;
  if (!tooFew && claims.length === 0) return finish(first.value, 0, first.model, checked);

  const rejected = tooFew ? checked.rejected.map((quote) => quote.text) : [];
  call.onRecheck?.();
  const second = await ask([
    ...messages,
    ...reask(JSON.stringify(first.value), [], rejected, claims),
  ]).catch((error: unknown) => {
    // A broken re-ask must not lose the verified part of a good first answer.
    if (invalidAnswer(error)) return null;
    throw error;
  });
  if (!second) return finish(first.value, 1, first.model, checked);
  const recheck = await check(second.value.quotes);
  const claimsAgain = (await call.checkClaims?.(second.value)) ?? [];
  // Keep the answer with fewer unsupported claims, then the one with more verified quotes.
  const secondBetter =
    claimsAgain.length !== claims.length
      ? claimsAgain.length < claims.length
      : recheck.quotes.length >= checked.quotes.length;
  return secondBetter
    ? finish(second.value, 1, second.model, recheck)
    : finish(first.value, 1, first.model, checked);

  function finish(
    output: SummaryOutput,
    reasks: number,
    model: string,
    verified: VerifiedQuotes,
  ): VerifiedSummary {
    return {
      output,
      quotes: verified.quotes,
      dropped: verified.rejected.length,
      unverifiedSpeakers: verified.unverifiedSpeakers,
      reasks,
      tokens,
      model,
    };
  }
}

function reask(
  previous: string,
  issues: string[],
  rejectedQuotes: string[],
  rejectedClaims: string[] = [],
): ChatMessage[] {
  const lines = [
    'Your answer has problems. Fix them and answer again with the complete JSON object.',
  ];
  if (issues.length > 0) {
    lines.push('', 'It does not match the required shape:', ...issues.map((issue) => `- ${issue}`));
  }
  if (rejectedQuotes.length > 0) {
    lines.push(
      '',
      'These quotes are not in the article word for word. Copy quotes exactly, character for character, or leave them out:',
      ...rejectedQuotes.map((quote) => `- ${JSON.stringify(quote)}`),
    );
  }
  if (rejectedClaims.length > 0) {
    lines.push(
      '',
      'These sentences state facts that are not in the article. Correct them from the article or leave them out:',
      ...rejectedClaims,
    );
  }
  return [
    { role: 'assistant', content: previous || '(no answer)' },
    { role: 'user', content: lines.join('\n') },
  ];
}
