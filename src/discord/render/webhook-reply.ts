import { REST } from '@discordjs/rest';
import { MessageFlags, Routes } from 'discord.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { JobOptions } from '../../shared/options.ts';
import type { Result } from '../../shared/schemas.ts';
import { errorReplyContent, logFailure } from '../runtime/reply-with-error.ts';
import { buildSummaryReply } from './reply.ts';

/**
 * How a worker answers an interaction it never saw: through the interaction's webhook (its
 * application id and token), as it was acknowledged (a public or private "thinking…", or a
 * deferred update of a button's message).
 */
export const WebhookTargetSchema = z.object({
  applicationId: z.string(),
  token: z.string(),
  acknowledged: z.enum(['public', 'ephemeral', 'update']),
  ownerId: z.string(),
  canEmbed: z.boolean(),
  /** Make public: the summary is posted as a public follow-up, and the private reply loses the button. */
  share: z.boolean().default(false),
  /** False where the member may not share (no Use External Apps): no Make public button. */
  canShare: z.boolean().default(true),
});
export type WebhookTarget = z.infer<typeof WebhookTargetSchema>;

/**
 * REST for a worker, which has no gateway connection: an interaction's webhook is authorized
 * by its token alone; the bot's token, where the worker has it, posts auto-summaries. Six
 * retries, as the bot's own client has.
 */
export function createWorkerRest(apiUrl?: string, token?: string): REST {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 6 });
  return token ? rest.setToken(token) : rest;
}

/** discord.js builders (embeds, action rows) become the JSON Discord reads. */
export const toJson = (value: unknown): unknown =>
  value && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(): unknown }).toJSON()
    : value;

/** The edit that turns the "thinking…" reply into the summary, as editReply would send it. */
export async function deliverThroughWebhook(
  rest: REST,
  target: WebhookTarget,
  result: Result,
  options: JobOptions,
): Promise<void> {
  const reply = buildSummaryReply(result, {
    ownerId: target.ownerId,
    language: options.language,
    quotesOnly: options.quotesOnly,
    ephemeral: options.ephemeral,
    canEmbed: target.canEmbed,
    canShare: target.canShare,
  });
  const body = {
    content: reply.content,
    embeds: (reply.embeds ?? []).map(toJson),
    components: (reply.components ?? []).map(toJson),
    allowed_mentions: { parse: [] },
  };
  const original = Routes.webhookMessage(target.applicationId, target.token, '@original');
  if (target.share) {
    // Make public, once: a public copy, then the private reply keeps the public buttons only, so
    // pressing again (or an old client pressing it) posts no second copy.
    await rest.post(Routes.webhook(target.applicationId, target.token), {
      auth: false,
      query: new URLSearchParams({ wait: 'true' }),
      body,
    });
    await rest.patch(original, {
      auth: false,
      body: { components: body.components, allowed_mentions: { parse: [] } },
    });
    return;
  }
  await rest.patch(original, { auth: false, body });
}

/** A progress line in the deferred reply, while the job works. */
export async function editThroughWebhook(
  rest: REST,
  target: WebhookTarget,
  content: string,
): Promise<void> {
  await rest.patch(Routes.webhookMessage(target.applicationId, target.token, '@original'), {
    auth: false,
    body: { content, allowed_mentions: { parse: [] } },
  });
}

/**
 * The error path of replyWithError, for a job whose interaction was acknowledged elsewhere: a
 * private placeholder is edited, a public one removed and the error sent privately, a deferred
 * button update keeps its message and gets a private follow-up.
 */
export async function failThroughWebhook(
  rest: REST,
  target: WebhookTarget,
  error: unknown,
  logger: Logger,
  context: Record<string, unknown>,
): Promise<void> {
  logFailure(logger, context, error);
  const message = {
    content: errorReplyContent(error),
    allowed_mentions: { parse: [] },
    embeds: [],
    components: [],
  };
  const original = Routes.webhookMessage(target.applicationId, target.token, '@original');
  const followUp = () =>
    rest.post(Routes.webhook(target.applicationId, target.token), {
      auth: false,
      query: new URLSearchParams({ wait: 'true' }),
      body: { ...message, flags: MessageFlags.Ephemeral },
    });
  try {
    if (target.acknowledged === 'ephemeral') {
      await rest.patch(original, { auth: false, body: message });
    } else if (target.acknowledged === 'public') {
      await rest.delete(original, { auth: false });
      await followUp();
    } else {
      await followUp();
    }
  } catch (replyError) {
    logger.warn({ ...context, err: replyError }, 'could not tell the user about an error');
  }
}
