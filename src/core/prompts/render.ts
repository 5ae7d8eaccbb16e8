import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../llm/types.ts';
import { type PromptFile, VARIABLE } from './prompt-file.ts';

/**
 * Fills a prompt's variables. Untrusted values (the article, a message) go between markers
 * that carry a random tag drawn per call, so the text cannot close the fence and talk to the
 * model as if it were us: it cannot know the tag, and a tag that happens to occur in the text
 * is drawn again.
 */
export function renderPrompt(
  prompt: PromptFile,
  values: Record<string, string>,
  randomTag: () => string = () => randomBytes(6).toString('hex'),
): ChatMessage[] {
  const fill = (template: string) =>
    template.replace(VARIABLE, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`prompt ${prompt.ref}: no value for {{${name}}}`);
      return prompt.input[name]?.untrusted ? fence(value, randomTag) : value;
    });
  return [
    { role: 'system', content: fill(prompt.system) },
    { role: 'user', content: fill(prompt.user) },
  ];
}

function fence(text: string, randomTag: () => string): string {
  let tag = randomTag();
  for (let tries = 0; text.includes(tag); tries++) {
    if (tries > 20) throw new Error('could not draw a fence tag absent from the text');
    tag = randomTag();
  }
  return `<<<UNTRUSTED ${tag}\n${text}\nUNTRUSTED ${tag}>>>`;
}
