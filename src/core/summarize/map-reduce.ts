import type { MapOutput } from '../../shared/schemas.ts';
import type { LlmClient } from '../llm/types.ts';
import { OUTPUT_SCHEMAS } from '../prompts/output-schemas.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import { renderPrompt } from '../prompts/render.ts';
import { PROMPT_STEPS } from '../prompts/steps.ts';

export interface MapStep {
  llm: LlmClient;
  prompt: PromptFile;
  parts: string[];
  title: string;
  signal?: AbortSignal;
  queueKey?: string;
  /** How many parts are sent to the model at once. */
  concurrency?: number;
  /** Told as each part (numbered from 1) goes to the model. */
  onPart?: (part: number) => void;
}

/**
 * The map half of map-reduce for sources beyond the model's budget: notes and verbatim quotes
 * from each part, joined into one text that the summarize prompt then reduces. Quotes are
 * still verified against the whole source afterwards, never against these notes.
 */
export async function mapParts(
  step: MapStep,
): Promise<{ notes: string; tokens: { input: number; output: number } }> {
  const outputs: MapOutput[] = new Array(step.parts.length);
  const tokens = { input: 0, output: 0 };
  let next = 0;
  const worker = async () => {
    while (next < step.parts.length) {
      const index = next++;
      step.onPart?.(index + 1);
      const response = await step.llm.complete({
        messages: renderPrompt(step.prompt, {
          part: step.parts[index] ?? '',
          partNumber: String(index + 1),
          partCount: String(step.parts.length),
          title: step.title,
        }),
        // The schema the step's prompts were checked against when they loaded.
        schema: OUTPUT_SCHEMAS[PROMPT_STEPS.map.output],
        schemaName: step.prompt.output,
        temperature: step.prompt.model.temperature,
        maxOutputTokens: step.prompt.model.maxOutputTokens,
        signal: step.signal,
        queueKey: step.queueKey,
      });
      tokens.input += response.usage.input;
      tokens.output += response.usage.output;
      outputs[index] = response.value;
    }
  };
  const workers = Math.min(step.concurrency ?? 2, step.parts.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return { notes: outputs.map(formatNotes).join('\n\n'), tokens };
}

function formatNotes(output: MapOutput, index: number): string {
  const lines = [`Part ${index + 1}:`, ...output.points.map((point) => `- ${point}`)];
  for (const quote of output.quotes) {
    lines.push(`- Quote${quote.speaker ? ` (${quote.speaker})` : ''}: “${quote.text}”`);
  }
  return lines.join('\n');
}
