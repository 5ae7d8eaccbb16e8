import type { ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../core/errors.ts';
import type { Result } from '../../core/schemas.ts';
import type { GuildSettings } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { SOURCE_LANGUAGE } from '../render/languages.ts';
import type { SummaryInteraction, SummaryRequest } from '../summary/job.ts';
import { domainRefusal } from './domains.ts';
import { enforceLimits, recordResultUsage, usageOwner } from './limits.ts';
import { guildSettings } from './settings-cache.ts';

/** What the server's rules make of a request: its options, and the prompt version pin. */
export interface RuledRequest {
  request: SummaryRequest;
  prompt: string | null;
  /** Cooldown and budget; run after the interaction is acknowledged (they query the ledger). */
  checkLimits(): Promise<void>;
}

const NO_LIMITS = async () => {};

/**
 * Applies a server's settings to a summary asked for by interaction: its defaults fill the
 * options the user left out, its domain lists may refuse the job (UserError), and
 * `checkLimits` refuses it at the cooldown or budget.
 * Without a store, or outside a server, the request passes unchanged.
 */
export async function applyServerRules(
  interaction: SummaryInteraction,
  bot: BotContext,
  request: SummaryRequest,
): Promise<RuledRequest> {
  const { store } = bot;
  const guildId = interaction.guildId;
  if (!store || !guildId) return { request, prompt: null, checkLimits: NO_LIMITS };
  const settings = await guildSettings(store, guildId);
  if (interaction.isChatInputCommand()) {
    const url = interaction.options.getString('url');
    const refusal = url ? domainRefusal(settings, url.trim()) : null;
    if (refusal) {
      throw new UserError(
        'domain_blocked',
        `Precis does not summarize this link here: ${refusal}.`,
      );
    }
  }
  return {
    checkLimits: () => enforceLimits(store, settings, { guildId, userId: interaction.user.id }),
    request: withServerDefaults(request, settings, givenOptions(interaction)),
    prompt: settings.promptPin,
  };
}

/**
 * Which options the user chose. A slash command has its options; the context menu has none
 * but is private by design; buttons and the paste form carry the choices made before.
 */
function givenOptions(interaction: SummaryInteraction): (name: string) => boolean {
  if (interaction.isChatInputCommand()) {
    const command: ChatInputCommandInteraction = interaction;
    return (name) => command.options.get(name) !== null;
  }
  if (interaction.isMessageContextMenuCommand()) return (name) => name === 'private';
  return () => true;
}

/** Server defaults stand in only for options the user did not give. */
function withServerDefaults(
  request: SummaryRequest,
  settings: GuildSettings,
  given: (name: string) => boolean,
): SummaryRequest {
  const language =
    given('language') || settings.language === null
      ? request.language
      : settings.language === SOURCE_LANGUAGE
        ? null
        : settings.language;
  return {
    ...request,
    length: given('length') ? request.length : settings.length,
    style: given('style') ? request.style : settings.style,
    ephemeral: given('private') ? request.ephemeral : settings.privateReplies,
    language,
  };
}

/**
 * The buttons under a reply (Shorter, Longer, Translate, Key quotes) spend tokens too, so the
 * server's daily budget applies to them; the cooldown does not, since they refine an answer
 * the user already waited for rather than ask for a new one.
 */
export async function checkFollowUpBudget(
  interaction: SummaryInteraction,
  bot: BotContext,
): Promise<void> {
  const { store } = bot;
  const guildId = interaction.guildId;
  if (!store || !guildId) return;
  const settings = await guildSettings(store, guildId);
  await enforceLimits(store, settings, { guildId, userId: interaction.user.id }, new Date(), {
    cooldown: false,
  });
}

/** Records the job in the usage ledger; a failure is logged, the user already has the answer. */
export async function recordJobUsage(
  interaction: SummaryInteraction,
  bot: BotContext,
  result: Result,
): Promise<void> {
  if (!bot.store) return;
  try {
    await recordResultUsage(bot.store, bot.prices ?? FREE, usageOwner(interaction), result);
  } catch (error) {
    bot.logger.error({ err: error, interactionId: interaction.id }, 'could not record usage');
  }
}

const FREE = { inputPerMillion: 0, outputPerMillion: 0 };
