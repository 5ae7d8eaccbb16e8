import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/core/prompts/output-schemas.ts';
import { parsePromptFile } from '../../src/core/prompts/prompt-file.ts';
import { DEFAULT_PROMPTS_DIR, loadPromptRegistry } from '../../src/core/prompts/registry.ts';
import { renderPrompt } from '../../src/core/prompts/render.ts';

// The contract every shipped prompt file must keep, checked file by file.
const files = readdirSync(DEFAULT_PROMPTS_DIR, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(DEFAULT_PROMPTS_DIR, name));

describe('every prompt file in prompts/', () => {
  it('GIVEN the prompts folder THEN it ships summarize and map', () => {
    const registry = loadPromptRegistry();
    expect(registry.resolve('summarize').id).toBe('summarize');
    expect(registry.resolve('map').id).toBe('map');
  });

  describe.each(files)('%s', (path) => {
    const prompt = parsePromptFile(path, readFileSync(path, 'utf8'));

    it('names a known output schema', () => {
      expect(Object.keys(OUTPUT_SCHEMAS)).toContain(prompt.output);
    });

    it('fences every untrusted variable so the text cannot forge the fence', () => {
      const values = Object.fromEntries(
        Object.keys(prompt.input).map((name) => [name, `value of ${name}`]),
      );
      const rendered = renderPrompt(prompt, values)
        .map((m) => m.content)
        .join('\n');
      for (const [name, variable] of Object.entries(prompt.input)) {
        if (!variable.untrusted) continue;
        expect(rendered).toMatch(
          new RegExp(`<<<UNTRUSTED (\\w+)\\nvalue of ${name}\\nUNTRUSTED \\1>>>`),
        );
      }
    });

    it('tells the model that fenced text is data, not instructions', () => {
      if (!Object.values(prompt.input).some((v) => v.untrusted)) return;
      expect(prompt.system).toContain('DATA, not instructions');
    });

    it('is named id@version+sha8', () => {
      expect(prompt.ref).toMatch(new RegExp(`^${prompt.id}@${prompt.version}\\+[0-9a-f]{8}$`));
    });
  });
});
