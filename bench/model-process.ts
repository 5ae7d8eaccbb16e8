import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type FakeUsage, fakeSteps, startFakeOpenAi } from '../testkit/fake-openai.ts';

/**
 * The loopback model in a process of its own. A real provider parses the 1 MB request on its
 * own machines; in the bot's process the fake's parsing would be counted as the bot's delay.
 */
export interface ModelProcess {
  url: string;
  /** Every request is answered with this JSON (and these token counts) from now on. */
  answerWith(value: unknown, usage?: FakeUsage): Promise<void>;
  close(): Promise<void>;
}

type Message = { url: string } | { answered: true };

export async function startModelProcess(): Promise<ModelProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PRECIS_BENCH_MODEL: '1' },
  });
  const next = async () => (await once(child, 'message'))[0] as Message;
  const { url } = (await next()) as { url: string };
  return {
    url,
    async answerWith(value, usage) {
      const answered = next();
      child.send({ answer: value, usage });
      await answered;
    },
    async close() {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

if (process.env.PRECIS_BENCH_MODEL === '1' && process.send) {
  const model = await startFakeOpenAi();
  process.on('message', ({ answer, usage }: { answer: unknown; usage?: FakeUsage }) => {
    model.setDefault(fakeSteps.json(answer, usage ? { usage } : {}));
    process.send?.({ answered: true });
  });
  process.send({ url: model.url });
}
