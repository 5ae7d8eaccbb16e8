import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from 'discord.js';
import { LRUCache } from 'lru-cache';
import { UserError } from '../../shared/errors.ts';
import type { Length } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import { acceptSummaryJob } from '../jobs/accept-job.ts';
import { decodeSummaryId, type SummaryAction, type SummaryState } from '../render/custom-ids.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from '../render/languages.ts';
import { buttonOwner, idIsOnMessage } from './button-owner.ts';
import { interactionJob } from './interaction-job.ts';

const SHORTER: Record<Length, Length> = { short: 'short', medium: 'short', long: 'medium' };
const LONGER: Record<Length, Length> = { short: 'medium', medium: 'long', long: 'long' };

/**
 * Shorter, Longer, Translate, Key quotes, Summary and Make public. Everything needed is in the
 * custom id, and the source is re-read from the pipeline's cache by its sha256, so the buttons
 * work after a restart. The person who asked (as Discord says, not as the id says) changes the
 * message in place; on a public reply anyone else may press too, and gets a private version.
 */
export async function handleSummaryComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  bot: BotContext,
): Promise<void> {
  const decoded = decodeSummaryId(interaction.customId);
  if (!decoded) {
    throw new UserError(
      'invalid_input',
      'This button belongs to an older reply. Run the command again.',
    );
  }
  const { action, state } = decoded;
  const messageIsEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const isOwner = interaction.user.id === buttonOwner(interaction, state);
  if (!isOwner && (messageIsEphemeral || action === 'public')) {
    throw new UserError('not_allowed', 'Only the person who asked can use these buttons.');
  }
  if (!idIsOnMessage(interaction)) {
    // Make public removes its own button: an old client pressing it again finds it gone.
    if (action === 'public') throw new UserError('invalid_input', 'This reply is already public.');
    throw new UserError(
      'invalid_input',
      'This reply has changed since. Use the buttons it shows now.',
    );
  }
  if (action === 'delete') {
    if (!isOwner) throw new UserError('not_allowed', 'Only the person who asked can delete it.');
    // The reply is the message this button sits on: acknowledging it lets the token delete it.
    await interaction.deferUpdate();
    await interaction.deleteReply();
    return;
  }
  if (action === 'public' && !messageIsEphemeral) {
    throw new UserError('invalid_input', 'This reply is already public.');
  }
  if (action === 'public' && !claimSharing(interaction.message.id, bot.jobDeadlineMs)) {
    throw new UserError('invalid_input', 'This reply is being made public already.');
  }
  const next = nextState(action, state, interaction.isStringSelectMenu() ? interaction.values : []);

  // Who pressed decides how it is acknowledged and where the answer goes.
  const ephemeral = action === 'public' ? false : isOwner ? messageIsEphemeral : true;
  await acceptSummaryJob(
    interactionJob(interaction, bot, {
      // Everything was chosen before, and travels in the custom id.
      chosen: {
        length: next.length,
        style: next.style,
        language: next.language,
        quotesOnly: next.quotesOnly,
        ephemeral,
      },
      // Refining an answer already waited for is not a new request; the budget still applies.
      cooldown: false,
      url: null,
      describe: () => ({ kind: 'resummarize', sha256: next.sha256 }),
      acknowledge: async () => {
        if (isOwner) await interaction.deferUpdate();
        else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      },
      share: action === 'public',
    }),
    bot,
  );
}

/**
 * Private replies being made public: a second press, before the worker has removed the button,
 * must not post a second copy. A claim lasts as long as the job may (its deadline and a margin),
 * so a job that failed does not stop the user trying again.
 */
const sharing = new LRUCache<string, true>({ max: 10_000, ttl: 15 * 60_000 });

function claimSharing(messageId: string, jobDeadlineMs: number): boolean {
  if (sharing.has(messageId)) return false;
  sharing.set(messageId, true, { ttl: jobDeadlineMs + 30_000 });
  return true;
}

function nextState(action: SummaryAction, state: SummaryState, values: string[]): SummaryState {
  switch (action) {
    case 'shorter':
      return { ...state, length: SHORTER[state.length] };
    case 'longer':
      return { ...state, length: LONGER[state.length] };
    case 'quotes':
      return { ...state, quotesOnly: true };
    case 'summary':
      return { ...state, quotesOnly: false };
    case 'translate': {
      if (values[0] === SOURCE_LANGUAGE) return { ...state, language: null };
      const language = LANGUAGES.find((l) => l.tag === values[0])?.tag;
      if (!language) throw new UserError('invalid_input', 'Pick a language from the list.');
      return { ...state, language };
    }
    case 'public':
    case 'delete':
      return state;
  }
}
