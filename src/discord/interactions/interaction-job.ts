import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { ChosenOptions } from '../../shared/options.ts';
import type { BotContext } from '../context.ts';
import type {
  InteractionSummaryJob,
  JobOrigin,
  QueuedInput,
  SummaryOptions,
} from '../jobs/job-types.ts';
import type { WebhookTarget } from '../render/webhook-reply.ts';
import { forcedPrivate, installedInServer } from '../runtime/install.ts';
import { interactionContext, replyWithError } from '../runtime/reply-with-error.ts';

/** The interactions that start a summary job. */
export type SummaryInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ModalSubmitInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction;

export interface InteractionJobSpec {
  /** The options the user chose (a key present was given); the server's defaults fill the others. */
  chosen: ChosenOptions;
  /** What stands in after the server's defaults, such as the user's Discord language. */
  fallback?: ChosenOptions;
  /** A link known before the acknowledgement, for the server's domain lists. */
  url: string | null;
  /** The input as plain JSON, resolved after the acknowledgement (it may refuse in words). */
  describe(): QueuedInput | Promise<QueuedInput>;
  cooldown: boolean;
  /** How the interaction is acknowledged; by default a deferred reply, private if asked. */
  acknowledge?(options: SummaryOptions): Promise<void>;
  /** Make public: the answer is a public follow-up instead of an edit of the reply. */
  share?: boolean;
}

/**
 * A summary job answered through an interaction: acknowledged within Discord's 3 s here, then
 * queued; a worker edits the deferred reply through the interaction's webhook. Failures before
 * the job is queued are answered privately by the one error path.
 */
export function interactionJob(
  interaction: SummaryInteraction,
  bot: BotContext,
  spec: InteractionJobSpec,
): InteractionSummaryJob {
  const acknowledge =
    spec.acknowledge ??
    (async (options: SummaryOptions) => {
      await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    });
  // Where the member may not share (no Use External Apps), Discord keeps the reply private.
  const mustBePrivate = forcedPrivate(interaction);
  return {
    id: interaction.id,
    origin: interactionOrigin(interaction),
    chosen: mustBePrivate ? { ...spec.chosen, ephemeral: true } : spec.chosen,
    fallback: spec.fallback ?? {},
    url: spec.url,
    cooldown: spec.cooldown,
    describe: spec.describe,
    async acknowledge(options): Promise<WebhookTarget> {
      await acknowledge(options);
      return {
        applicationId: interaction.applicationId,
        token: interaction.token,
        // deferUpdate leaves `ephemeral` null: the button's own message is the one kept.
        acknowledged:
          interaction.ephemeral === null
            ? 'update'
            : interaction.ephemeral
              ? 'ephemeral'
              : 'public',
        ownerId: interaction.user.id,
        canEmbed: embedsAllowed(interaction, bot),
        canShare: !mustBePrivate,
        share: spec.share ?? false,
      };
    },
    fail: (error) => replyWithError(interaction, error, bot.logger),
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

/**
 * Interactions carry the app's permissions in that channel, so no cache or intent is needed.
 * Without Embed Links the reply falls back to plain text; the operator hears about it.
 */
function embedsAllowed(interaction: Interaction, bot: BotContext): boolean {
  const allowed = interaction.appPermissions?.has(PermissionFlagsBits.EmbedLinks) ?? true;
  if (!allowed) {
    bot.logger.warn(
      interactionContext(interaction),
      'no Embed Links permission here: replying in plain text',
    );
  }
  return allowed;
}
