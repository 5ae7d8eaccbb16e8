import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CHECKING_STAGE_FROM_CHARS, type JobStage } from '../../src/core/pipeline.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { EXAMPLE, GOOD_ANSWER, pipelineAgainst } from '../../testkit/pipeline-helpers.ts';
import { createOfflinePipeline } from '../../testkit/scripted-pipeline.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** The example article followed by numbered copies of it, past the size the stage starts at. */
function longSource(): string {
  const parts = [EXAMPLE];
  while (parts.join('\n\n').length < CHECKING_STAGE_FROM_CHARS) {
    parts.push(`Copy ${parts.length}.\n\n${EXAMPLE}`);
  }
  return parts.join('\n\n');
}

/** Records each stage; the checking stage's promise resolves only when the test says so. */
function holdingChecks() {
  const stages: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let checkingSeen = () => {};
  const checking = new Promise<void>((resolve) => {
    checkingSeen = resolve;
  });
  const onStage = (stage: JobStage) => {
    stages.push(stage.stage);
    if (stage.stage !== 'checking') return;
    checkingSeen();
    return released;
  };
  return { stages, onStage, release, checking };
}

/** A pending answer, and whether it has arrived yet. */
function watched<T>(answer: Promise<T>): { result: Promise<T>; answered(): boolean } {
  let answered = false;
  const result = answer.then((value) => {
    answered = true;
    return value;
  });
  return { result, answered: () => answered };
}

describe('the quote-checking stage', () => {
  it('GIVEN a long source on the offline engine THEN checking is reported and awaited before the answer', async () => {
    const hold = holdingChecks();
    const job = watched(
      createOfflinePipeline().summarize(
        { kind: 'text', text: longSource() },
        {},
        { onStage: hold.onStage },
      ),
    );
    await hold.checking;
    expect(hold.stages).toEqual(['reading', 'summarizing', 'checking']);
    // Still waiting for the stage to be shown: the quotes are not checked, no answer yet.
    await new Promise((resolve) => setImmediate(resolve));
    expect(job.answered()).toBe(false);
    hold.release();
    const result = await job.result;
    expect(result.quotes.length).toBeGreaterThan(0);
    expect(hold.stages).toEqual(['reading', 'summarizing', 'checking']);
  });

  it('GIVEN a long source and a model THEN checking is reported after the answer, before its quotes are checked', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    const hold = holdingChecks();
    const job = watched(
      pipelineAgainst(fake).summarize(
        { kind: 'text', text: longSource() },
        {},
        { onStage: hold.onStage },
      ),
    );
    await hold.checking;
    expect(hold.stages).toEqual(['reading', 'summarizing', 'checking']);
    expect(fake.requests).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(job.answered()).toBe(false);
    hold.release();
    const result = await job.result;
    expect(result.quotes.map((quote) => quote.id)).toEqual(['q1', 'q2', 'q3']);
    expect(result.meta.reasks).toBe(0);
  });

  it('GIVEN a short source THEN no checking stage is reported: the check takes milliseconds', async () => {
    fake.push(fakeSteps.json(GOOD_ANSWER));
    const stages: string[] = [];
    const onStage = (stage: JobStage) => {
      stages.push(stage.stage);
    };
    await pipelineAgainst(fake).summarize({ kind: 'text', text: EXAMPLE }, {}, { onStage });
    await createOfflinePipeline().summarize({ kind: 'text', text: EXAMPLE }, {}, { onStage });
    expect(stages).toEqual(['reading', 'summarizing', 'reading', 'summarizing']);
  });
});
