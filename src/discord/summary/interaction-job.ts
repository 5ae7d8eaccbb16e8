import { type Interaction, MessageFlags } from 'discord.js';
import type { Result } from '../../core/schemas.ts';
import type { BotContext } from '../context.ts';
import { forcedPrivate, installedInServer } from '../runtime/install.ts';
import { replyWithError } from '../runtime/reply-with-error.ts';
import type {
  JobOrigin,
  OptionName,
  SummaryInteraction,
  SummaryJob,
  SummaryOptions,
  SummaryWork,
} from './job-types.ts';
import { PROGRESS_AFTER_MS, progressReporter } from './progress.ts';
import { buildSummaryReply, embedsAllowed } from './reply.ts';

export interface InteractionJobSpec {
  options: SummaryOptions;
  /** Which options the user chose; the server's defaults fill the others. */
  given(name: OptionName): boolean;
  work: SummaryWork;
  cooldown: boolean;
  /** How the interaction is acknowledged; by default a deferred reply, private if asked. */
  acknowledge?(options: SummaryOptions): Promise<void>;
  /** How the answer is delivered; by default it replaces the deferred reply. */
  deliver?(result: Result, options: SummaryOptions): Promise<void>;
}

/**
 * A summary job answered through an interaction: acknowledged within Discord's 3 s, delivered by
 * editing the deferred reply, and failures answered privately by the one error path.
 */
export function interactionJob(
  interaction: SummaryInteraction,
  bot: BotContext,
  spec: InteractionJobSpec,
): SummaryJob {
  // Only a deferred reply ("thinking…") shows progress; a deferred update keeps its message.
  const progress = progressReporter(
    async (text) => {
      if (interaction.ephemeral === null || interaction.replied) return;
      await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
    },
    { afterMs: bot.progressAfterMs ?? PROGRESS_AFTER_MS },
  );
  const mustBePrivate = forcedPrivate(interaction);
  const deliver =
    spec.deliver ??
    (async (result: Result, options: SummaryOptions) => {
      await interaction.editReply(
        buildSummaryReply(result, {
          ownerId: interaction.user.id,
          language: options.language,
          quotesOnly: options.quotesOnly,
          ephemeral: options.ephemeral,
          canEmbed: embedsAllowed(interaction, bot),
          canShare: !mustBePrivate,
        }),
      );
    });
  return {
    origin: interactionOrigin(interaction),
    options: mustBePrivate ? { ...spec.options, ephemeral: true } : spec.options,
    given: spec.given,
    work: spec.work,
    cooldown: spec.cooldown,
    acknowledge:
      spec.acknowledge ??
      (async (options) => {
        await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      }),
    progress: (stage) => progress.report(stage),
    // The answer (or the apology) always lands after the last progress edit.
    async deliver(result, options) {
      await progress.settle();
      await deliver(result, options);
    },
    async fail(error) {
      await progress.settle();
      await replyWithError(interaction, error, bot.logger);
    },
  };
}

function interactionOrigin(interaction: SummaryInteraction): JobOrigin {
  return {
    kind: jobKind(interaction),
    guildId: interaction.guildId,
    userId: interaction.user.id,
    channelId: interaction.channelId,
    serverInstalled: interaction.guildId === null || installedInServer(interaction),
  };
}

/** What started the job, as the metrics and logs name it. */
function jobKind(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isMessageContextMenuCommand()) return 'context-menu';
  if (interaction.isModalSubmit()) return 'paste';
  if (interaction.isMessageComponent()) return 'button';
  return 'other';
}
