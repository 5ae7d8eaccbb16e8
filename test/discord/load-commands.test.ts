import * as spec from 'discord-api-spec/zod';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/runtime/load-commands.ts';

describe('loadCommands', () => {
  it('GIVEN commands/ THEN it finds summarize, quotes, help, setup, usage and the message context menu', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()].sort()).toEqual([
      'Summarize message',
      'help',
      'quotes',
      'setup',
      'summarize',
      'usage',
    ]);
  });

  it('GIVEN every command THEN its registration body is what Discord accepts', async () => {
    const commands = await loadCommands();
    for (const command of commands.values()) {
      const body = command.data.toJSON();
      // The spec types default_member_permissions as an integer; Discord takes the string.
      const parsed = spec.ApplicationCommandUpdateRequestSchema.safeParse({
        ...body,
        ...(typeof body.default_member_permissions === 'string'
          ? { default_member_permissions: Number(body.default_member_permissions) }
          : {}),
      });
      expect(parsed.success, `${command.data.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(
        true,
      );
    }
  });

  it('GIVEN a module without execute THEN startup fails naming the file', async () => {
    await expect(
      loadCommands(new URL('./fixtures/bad-commands/', import.meta.url)),
    ).rejects.toThrow(/commands\/broken\.ts is not a command module[\s\S]*execute/);
  });

  it('GIVEN a folder with one more command file THEN the loader finds it with no list to edit', async () => {
    const commands = await loadCommands(new URL('./fixtures/one-more-command/', import.meta.url));
    expect([...commands.keys()]).toEqual(['ping']);
    expect(commands.get('ping')?.data.toJSON()).toMatchObject({ description: 'Answers pong' });
  });
});
