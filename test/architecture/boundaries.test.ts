import { describe, expect, it } from 'vitest';
import { importCycles, readImportGraph } from './import-graph.ts';
import { violations } from './rules.ts';

const edges = readImportGraph(['src', 'commands', 'bench', 'testkit', 'test']);

describe('the import graph', () => {
  it('GIVEN every file in src, commands, bench, testkit and test THEN no import crosses a forbidden boundary', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('GIVEN the files in src THEN no two of them import each other, directly or around a loop', () => {
    expect(importCycles(edges.filter((edge) => edge.from.startsWith('src/')))).toEqual([]);
  });

  it('GIVEN the scan THEN it reads every layer the rules speak of', () => {
    const files = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    for (const layer of [
      'src/core/',
      'src/store/',
      'src/discord/',
      'src/discord/jobs/',
      'src/discord/interactions/',
      'src/discord/render/',
      'commands/',
      'src/app/',
      'src/core/inputs/',
      'src/shared/',
      'src/eval/',
      'src/preview/',
      'src/ops/',
      'src/cli/',
      'bench/',
      'testkit/',
    ]) {
      expect(
        [...files].some((file) => file.startsWith(layer)),
        layer,
      ).toBe(true);
    }
  });
});

describe('the rules', () => {
  const edge = (from: string, to: string) => ({
    from,
    to,
    external: !to.includes('/') || to.startsWith('@'),
  });

  it('GIVEN core importing discord.js THEN that is a violation', () => {
    expect(violations([edge('src/core/pipeline.ts', 'discord.js')])).toHaveLength(1);
  });

  it('GIVEN the store importing pipeline code THEN that is a violation', () => {
    expect(
      violations([
        { from: 'src/store/cache.ts', to: 'src/core/summarize/cache.ts', external: false },
      ]),
    ).toHaveLength(1);
  });

  it('GIVEN a benchmark importing a test file THEN that is a violation', () => {
    expect(
      violations([{ from: 'bench/cache.ts', to: 'test/pipeline/helpers.ts', external: false }]),
    ).toHaveLength(1);
  });

  it('GIVEN the Discord layer importing the configuration THEN that is a violation', () => {
    expect(
      violations([{ from: 'src/discord/bot.ts', to: 'src/config.ts', external: false }]),
    ).toHaveLength(1);
  });

  it('GIVEN code in src importing a command THEN that is a violation; the loader finds them', () => {
    expect(
      violations([
        { from: 'src/discord/runtime/router.ts', to: 'commands/help.ts', external: false },
      ]),
    ).not.toEqual([]);
  });

  it('GIVEN a command importing the composition root or the queue THEN that is a violation', () => {
    expect(
      violations([
        { from: 'commands/usage.ts', to: 'src/app/bot-services.ts', external: false },
        { from: 'commands/usage.ts', to: 'src/queue/types.ts', external: false },
      ]),
    ).toHaveLength(2);
  });

  it('GIVEN a command using the Discord layer and the core THEN that is allowed', () => {
    expect(
      violations([
        { from: 'commands/help.ts', to: 'src/discord/context.ts', external: false },
        { from: 'commands/help.ts', to: 'src/core/pipeline.ts', external: false },
      ]),
    ).toEqual([]);
  });

  it('GIVEN the renderer importing a job or an interaction handler THEN each is a violation', () => {
    expect(
      violations([
        {
          from: 'src/discord/render/reply.ts',
          to: 'src/discord/jobs/job-types.ts',
          external: false,
        },
        {
          from: 'src/discord/render/components.ts',
          to: 'src/discord/interactions/buttons.ts',
          external: false,
        },
      ]),
    ).toHaveLength(2);
  });

  it('GIVEN a job importing an interaction handler or the runner list THEN each is a violation', () => {
    expect(
      violations([
        {
          from: 'src/discord/jobs/run-job.ts',
          to: 'src/discord/interactions/interaction-job.ts',
          external: false,
        },
        {
          from: 'src/discord/jobs/worker.ts',
          to: 'src/discord/auto/run-auto-job.ts',
          external: false,
        },
        { from: 'src/discord/jobs/worker.ts', to: 'src/discord/job-runners.ts', external: false },
      ]),
    ).toHaveLength(3);
  });

  it('GIVEN an interaction handler starting a job through the lifecycle and rendering a reply THEN that is allowed', () => {
    expect(
      violations([
        {
          from: 'src/discord/interactions/buttons.ts',
          to: 'src/discord/jobs/accept-job.ts',
          external: false,
        },
        {
          from: 'src/discord/interactions/buttons.ts',
          to: 'src/discord/render/custom-ids.ts',
          external: false,
        },
      ]),
    ).toEqual([]);
  });

  it('GIVEN core importing the shared vocabulary THEN that is allowed', () => {
    expect(
      violations([{ from: 'src/core/pipeline.ts', to: 'src/shared/cost.ts', external: false }]),
    ).toEqual([]);
  });

  it('GIVEN two files importing each other THEN the cycle is found', () => {
    expect(
      importCycles([
        { from: 'src/a.ts', to: 'src/b.ts', external: false },
        { from: 'src/b.ts', to: 'src/c.ts', external: false },
        { from: 'src/c.ts', to: 'src/a.ts', external: false },
      ]),
    ).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
  });
});
