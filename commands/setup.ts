import {
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { autoSummarizeProblem } from '../src/discord/moderation/message-content.ts';
import { requireManageGuild } from '../src/discord/moderation/permissions.ts';
import { forgetGuildSettings } from '../src/discord/moderation/settings-cache.ts';
import { renderSettingsEmbed } from '../src/discord/moderation/settings-embed.ts';
import { requireStore, SETUP_CHANGES } from '../src/discord/moderation/setup-changes.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from '../src/discord/render/languages.ts';
import { SERVER_ONLY } from '../src/discord/runtime/install.ts';
import { LENGTHS, STYLES } from '../src/shared/schemas.ts';
import { DEFAULT_EMOJI, REPLY_MODES, TRIGGERS } from '../src/store/index.ts';

/** The language choice that means "each user's own Discord language" (stored as null). */
const USER_LANGUAGE = 'user';

const data = new SlashCommandBuilder()
  .setName('setup')
  .setDescription('Configure Precis for this server (needs Manage Server)')
  // Hidden from members without Manage Server; a server may override this, so run time checks too.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setIntegrationTypes(...SERVER_ONLY.integrationTypes)
  .setContexts(...SERVER_ONLY.contexts)
  .addSubcommand((s) =>
    s
      .setName('channel')
      .setDescription('Auto-summarize links posted in a channel')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('The channel to watch')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) =>
        o
          .setName('trigger')
          .setDescription('Every link, when someone adds the emoji, or off')
          .setRequired(true)
          .addChoices(TRIGGERS.map((t) => ({ name: t, value: t }))),
      )
      .addStringOption((o) =>
        o
          .setName('emoji')
          .setDescription(`The reaction that asks for a summary (default ${DEFAULT_EMOJI})`)
          .setMaxLength(100),
      )
      .addStringOption((o) =>
        o
          .setName('reply')
          .setDescription('Answer in a thread (default) or as a reply')
          .addChoices(REPLY_MODES.map((m) => ({ name: m, value: m }))),
      )
      .addIntegerOption((o) =>
        o
          .setName('min_words')
          .setDescription('Skip articles shorter than this (default 0)')
          .setMinValue(0)
          .setMaxValue(100_000),
      )
      .addBooleanOption((o) =>
        o
          .setName('bot_posts')
          .setDescription('Also summarize posts by bots and webhooks, e.g. RSS feeds (default no)'),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('defaults')
      .setDescription('Server defaults for summaries when users give no option')
      .addStringOption((o) =>
        o
          .setName('length')
          .setDescription('Summary length')
          .addChoices(LENGTHS.map((l) => ({ name: l, value: l }))),
      )
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription('Summary language')
          .addChoices(
            { name: "Each user's Discord language", value: USER_LANGUAGE },
            { name: 'Same as the source', value: SOURCE_LANGUAGE },
            ...LANGUAGES.slice(0, 23).map(({ tag, name }) => ({ name, value: tag })),
          ),
      )
      .addStringOption((o) =>
        o
          .setName('style')
          .setDescription('Bullets or prose')
          .addChoices(STYLES.map((s2) => ({ name: s2, value: s2 }))),
      )
      .addStringOption((o) =>
        o
          .setName('prompt')
          .setDescription('Pin a prompt version, e.g. summarize@1 ("latest" to unpin)')
          .setMaxLength(64),
      )
      .addBooleanOption((o) =>
        o.setName('private').setDescription('Answers only the asker sees, by default'),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('domains')
      .setDescription('Allow or deny sites')
      .addStringOption((o) =>
        o
          .setName('action')
          .setDescription('allow: only listed sites; deny: never these; remove: unlist')
          .setRequired(true)
          .addChoices(
            { name: 'allow', value: 'allow' },
            { name: 'deny', value: 'deny' },
            { name: 'remove', value: 'remove' },
          ),
      )
      .addStringOption((o) =>
        o
          .setName('domain')
          .setDescription('A host name like example.com (covers its subdomains)')
          .setRequired(true)
          .setMaxLength(253),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('limits')
      .setDescription('Cooldown, daily budget and the message users see at a limit')
      .addIntegerOption((o) =>
        o
          .setName('cooldown_seconds')
          .setDescription('Seconds a user waits between summaries (0 = none)')
          .setMinValue(0)
          .setMaxValue(86_400),
      )
      .addIntegerOption((o) =>
        o
          .setName('daily_token_budget')
          .setDescription('Tokens per UTC day for the whole server (0 = unlimited)')
          .setMinValue(0)
          .setMaxValue(2_147_483_647),
      )
      .addStringOption((o) =>
        o
          .setName('message')
          .setDescription('Shown at a limit ("default" for the bot\'s own words)')
          .setMaxLength(1000),
      ),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Every setting in one place'));

export default {
  data,
  execute: async (interaction: ChatInputCommandInteraction, bot: BotContext) => {
    const guildId = requireManageGuild(interaction);
    const store = requireStore(bot);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const subcommand = interaction.options.getSubcommand(true);
    const change = Object.hasOwn(SETUP_CHANGES, subcommand) ? SETUP_CHANGES[subcommand] : undefined;
    const title = change ? await change(interaction, store, guildId) : 'Precis settings';
    // Summary commands on this shard use the new settings from the next one on.
    forgetGuildSettings(store, guildId);
    const [settings, rules, usedToday] = await Promise.all([
      store.getGuildSettings(guildId),
      store.listChannelRules(guildId),
      store.tokensUsedToday(guildId),
    ]);
    await interaction.editReply({
      embeds: [
        renderSettingsEmbed(settings, rules, {
          usedToday,
          problem: autoSummarizeProblem(interaction.client),
          title,
        }),
      ],
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
