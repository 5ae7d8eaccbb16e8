import type {
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from './context.ts';

export type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** One file in commands/ default-exports one of these (`satisfies Command`). */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  // Method syntax on purpose: a command may narrow the interaction type it accepts.
  execute(interaction: CommandInteraction, bot: BotContext): Promise<void>;
}

const isFunction = (value: unknown) => typeof value === 'function';

/** The shape the loader checks every module against; anything else is a startup error. */
export const CommandModuleSchema = z.object({
  default: z.object({
    data: z.looseObject({
      name: z.string().regex(/^[-_\p{L}\p{N} ]{1,32}$/u),
      toJSON: z.custom<() => RESTPostAPIApplicationCommandsJSONBody>(
        isFunction,
        'must be a function',
      ),
    }),
    execute: z.custom<Command['execute']>(isFunction, 'must be a function'),
  }),
});
