import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { SummaryOutput } from '../../src/shared/schemas.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import {
  EXAMPLE,
  GOOD_ANSWER,
  lastUserMessage,
  pipelineAgainst,
} from '../../testkit/pipeline-helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const input = { kind: 'text', text: EXAMPLE } as const;

// The article says two hours, that Biden spoke to Putin, and that he is NOT interested in
// sending troops.
const WRONG_NUMBER = 'Biden and Putin talked for three hours without a breakthrough on Ukraine.';
const WRONG_NAME = 'Biden warned Xi of severe economic penalties if Russia attacks Ukraine.';
const FLIPPED = 'Officials say Biden is interested in sending American troops in harm’s way.';
const FAITHFUL = 'Biden said the US would give additional defense materiel to the Ukrainians.';

const withClaims = (tldr: string, bullets: string[]): SummaryOutput => ({
  ...GOOD_ANSWER,
  tldr,
  bullets: bullets.map((text) => ({ text, quoteIds: [] })),
});

describe('grounded summaries with a model', () => {
  it('GIVEN a wrong number, a wrong name and a flipped negation THEN the model is asked again with each and why', async () => {
    fake.push(
      fakeSteps.json(withClaims(WRONG_NUMBER, [WRONG_NAME, FLIPPED, FAITHFUL])),
      fakeSteps.json(GOOD_ANSWER),
    );
    const result = await pipelineAgainst(fake).summarize(input);
    expect(fake.requests).toHaveLength(2);
    const reask = lastUserMessage(fake, 1);
    expect(reask).toContain('state facts that are not in the article');
    expect(reask).toContain('number "three" is not in the article');
    expect(reask).toContain('name "Xi" is not in the article');
    expect(reask).toContain('the negation (leaves out "not") does not match the article');
    expect(reask).not.toContain(FAITHFUL);
    expect(result.meta.reasks).toBe(1);
    expect(result.summary.tldr).toBe(GOOD_ANSWER.tldr);
    expect(result.meta.droppedClaims).toBe(0);
  });

  it('GIVEN the same claims again after the re-ask THEN each is dropped, counted, and the faithful one is kept', async () => {
    const answer = withClaims(WRONG_NUMBER, [WRONG_NAME, FLIPPED, FAITHFUL]);
    fake.push(fakeSteps.json(answer), fakeSteps.json(answer));
    const result = await pipelineAgainst(fake).summarize(input);
    const shown = [result.summary.tldr, ...result.summary.bullets.map((b) => b.text)].join('\n');
    for (const claim of [WRONG_NUMBER, WRONG_NAME, FLIPPED]) expect(shown).not.toContain(claim);
    expect(result.summary.bullets.map((bullet) => bullet.text)).toEqual([FAITHFUL]);
    expect(result.meta.droppedClaims).toBe(3);
    expect(result.meta.grounding).toMatchObject({ unsupported: 3, lexical: true });
  });

  it('GIVEN a faithful answer THEN it is shown untouched, with evidence, and no re-ask', async () => {
    fake.push(fakeSteps.json(withClaims(GOOD_ANSWER.tldr, [FAITHFUL])));
    const result = await pipelineAgainst(fake).summarize(input);
    expect(fake.requests).toHaveLength(1);
    expect(result.summary.tldr).toBe(GOOD_ANSWER.tldr);
    const [bullet] = result.summary.bullets;
    expect(bullet?.text).toBe(FAITHFUL);
    expect(bullet?.support).toBe('supported');
    const evidence = bullet?.evidence?.[0];
    expect(EXAMPLE.slice(evidence?.start, evidence?.end)).toContain('additional defense materiel');
    expect(result.meta).toMatchObject({ reasks: 0, droppedClaims: 0 });
  });

  it('GIVEN a summary in another language THEN wording is not compared and the Result says so', async () => {
    const french = withClaims('Biden et Poutine ont parlé pendant deux heures.', [
      'Biden a menacé la Russie de sanctions économiques.',
    ]);
    fake.push(fakeSteps.json(french));
    const result = await pipelineAgainst(fake).summarize(input, { language: 'fr' });
    expect(result.meta.grounding?.lexical).toBe(false);
    expect(result.meta.droppedClaims).toBe(0);
    expect(result.summary.bullets).toHaveLength(1);
  });
});

describe('grounded summaries offline', () => {
  it('GIVEN the offline engine THEN each bullet is a source sentence and its evidence is exact', async () => {
    const result = await pipelineAgainst(fake).summarize(input, { engine: 'offline' });
    expect(result.summary.bullets.length).toBeGreaterThan(0);
    for (const bullet of result.summary.bullets) {
      const [first] = bullet.evidence ?? [];
      expect(EXAMPLE.slice(first?.start, first?.end)).toBe(bullet.text);
    }
    expect(result.meta.droppedClaims).toBe(0);
  });
});
