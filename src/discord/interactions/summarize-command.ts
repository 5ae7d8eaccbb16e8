import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../../shared/errors.ts';
import type { ChosenOptions } from '../../shared/options.ts';
import { LENGTHS, type Length, STYLES, type Style } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import { acceptSummaryJob } from '../jobs/accept-job.ts';
import { attachmentInput } from '../jobs/download-attachment.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from '../render/languages.ts';
import { LIMITS } from '../render/limits.ts';
import { ANYWHERE } from '../runtime/install.ts';
import { interactionJob } from './interaction-job.ts';
import { buildPasteModal } from './paste-modal.ts';

/** The options /summarize and /quotes share. */
export function buildSummarizeCommand(name: string, description: string) {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setIntegrationTypes(...ANYWHERE.integrationTypes)
    .setContexts(...ANYWHERE.contexts)
    .addStringOption((o) =>
      o.setName('url').setDescription('A link to the article').setMaxLength(2000),
    )
    .addStringOption((o) =>
      o
        .setName('text')
        .setDescription('Text to summarize (or run with no input to paste long text)')
        .setMaxLength(LIMITS.stringOption),
    )
    .addAttachmentOption((o) => o.setName('file').setDescription('A .txt, .md, .html or .pdf file'))
    .addStringOption((o) =>
      o
        .setName('length')
        .setDescription('How long the summary is (default: medium)')
        .addChoices(LENGTHS.map((length) => ({ name: length, value: length }))),
    )
    .addStringOption((o) =>
      o
        .setName('language')
        .setDescription('Language of the summary (default: your Discord language)')
        .addChoices(
          { name: 'Same as the source', value: SOURCE_LANGUAGE },
          ...LANGUAGES.map(({ tag, name: label }) => ({ name: label, value: tag })),
        ),
    )
    .addStringOption((o) =>
      o
        .setName('style')
        .setDescription('Bullet points or a paragraph (default: bullets)')
        .addChoices(STYLES.map((style) => ({ name: style, value: style }))),
    )
    .addBooleanOption((o) =>
      o.setName('private').setDescription('Only you see the answer (default: no)'),
    );
}

/** /summarize and /quotes: one input (link, text or file), or a modal when none is given. */
export async function runSummarizeCommand(
  interaction: ChatInputCommandInteraction,
  bot: BotContext,
  { quotesOnly }: { quotesOnly: boolean },
): Promise<void> {
  const url = interaction.options.getString('url');
  const text = interaction.options.getString('text');
  const file = interaction.options.getAttachment('file');
  const chosen = chosenOptions(interaction, quotesOnly);
  // Discord sends the user's client language with every interaction; the server's comes first.
  const fallback = { language: interaction.locale };
  const given = [url, text, file].filter((value) => value !== null).length;
  if (given > 1) {
    throw new UserError('invalid_input', 'Give one input: a url, a text or a file, not several.');
  }
  if (given === 0) {
    // showModal must be the first answer, so it replaces the deferReply here.
    await interaction.showModal(buildPasteModal(chosen, fallback));
    return;
  }
  await acceptSummaryJob(
    interactionJob(interaction, bot, {
      chosen,
      fallback,
      cooldown: true,
      url: url?.trim() ?? null,
      // The worker downloads the file and checks the text; here only what Discord sent is kept.
      describe: () => {
        if (file) return attachmentInput(file);
        if (url) return { kind: 'url', url: url.trim() };
        return { kind: 'text', text: text ?? '', title: null };
      },
    }),
    bot,
  );
}

/** The options the user gave, and only those: the server's defaults fill the others. */
function chosenOptions(
  interaction: ChatInputCommandInteraction,
  quotesOnly: boolean,
): ChosenOptions {
  const { options } = interaction;
  const length = options.getString('length');
  const style = options.getString('style');
  const language = options.getString('language');
  const ephemeral = options.getBoolean('private');
  return {
    quotesOnly,
    ...(length === null ? {} : { length: length as Length }),
    ...(style === null ? {} : { style: style as Style }),
    ...(language === null ? {} : { language: language === SOURCE_LANGUAGE ? null : language }),
    ...(ephemeral === null ? {} : { ephemeral }),
  };
}
