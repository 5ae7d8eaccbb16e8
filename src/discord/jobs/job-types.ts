import { z } from 'zod';
import { wireInputSchema } from '../../core/inputs/index.ts';
import type { UserError } from '../../shared/errors.ts';
import { type ChosenOptions, type JobOptions, JobOptionsSchema } from '../../shared/options.ts';
import { REPLY_MODES } from '../../store/index.ts';
import { type WebhookTarget, WebhookTargetSchema } from '../render/webhook-reply.ts';

/** How a summary is asked for, once the user's choices and the server's defaults are resolved. */
export type SummaryOptions = JobOptions;

/** Who asked and where, for limits, the ledger, fairness, logs and metrics. */
export interface JobOrigin {
  /** What started the job, as logs and metrics name it (summarize, button, auto…). */
  kind: string;
  guildId: string | null;
  userId: string;
  channelId: string | null;
  /**
   * False when a user's own install is used in a server that has not installed the app:
   * that server's rules do not apply and its /usage does not count the job.
   */
  serverInstalled?: boolean;
}

/** An attachment as a worker downloads it later: Discord's CDN link stays valid. */
export const QueuedAttachmentSchema = z.object({
  kind: z.literal('attachment'),
  url: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.string().nullable(),
});
export type QueuedAttachment = z.infer<typeof QueuedAttachmentSchema>;

/** A source read before, by its hash: the buttons summarize it again with other options. */
const ResummarizeSchema = z.object({ kind: z.literal('resummarize'), sha256: z.string() });

/**
 * What a queued job reads, resolved when the job is accepted so that it is plain JSON: a
 * worker elsewhere downloads and fetches, but never needs the interaction object. Every input
 * kind's JSON form comes from its provider; a file travels as the attachment to download.
 */
export const QueuedInputSchema = z.union([
  wireInputSchema(),
  QueuedAttachmentSchema,
  ResummarizeSchema,
]);
export type QueuedInput = z.infer<typeof QueuedInputSchema>;

const OriginSchema = z.object({
  kind: z.string(),
  guildId: z.string().nullable(),
  userId: z.string(),
  channelId: z.string().nullable(),
  serverInstalled: z.boolean().optional(),
});

/** An interaction's summary job as the queue holds it. */
export const QueuedSummarySchema = z.object({
  origin: OriginSchema,
  options: JobOptionsSchema,
  cooldown: z.boolean(),
  input: QueuedInputSchema,
  reply: WebhookTargetSchema,
});
export type QueuedSummary = z.infer<typeof QueuedSummarySchema>;

/**
 * Where a worker posts an auto-summary: under the message that held the links, through the
 * bot's own REST (no gateway, no discord.js cache), as the channel's rule said when it was taken.
 */
export const ChannelTargetSchema = z.object({
  guildId: z.string(),
  channelId: z.string(),
  messageId: z.string(),
  /** A thread the message already had when it was taken: summaries go into it. */
  threadId: z.string().nullable(),
  replyIn: z.enum(REPLY_MODES),
  minWords: z.number().int().min(0),
  canEmbed: z.boolean(),
});
export type ChannelTarget = z.infer<typeof ChannelTargetSchema>;

/** An auto-summary job: one message, its links in order (the first few, each once). */
export const QueuedAutoSummarySchema = z.object({
  kind: z.literal('auto'),
  origin: OriginSchema,
  options: JobOptionsSchema,
  links: z.array(z.object({ url: z.string(), key: z.string() })).min(1),
  post: ChannelTargetSchema,
});
export type QueuedAutoSummary = z.infer<typeof QueuedAutoSummarySchema>;

/** A job answered through an interaction: accepted here, run by a worker from the queue. */
export interface InteractionSummaryJob {
  /** The interaction's id: the queue writes one job per interaction. */
  id: string;
  origin: JobOrigin;
  /** What the user chose; the server's defaults, then `fallback`, then the schema fill the rest. */
  chosen: ChosenOptions;
  /** What stands in after the server's defaults (the user's Discord language). */
  fallback: ChosenOptions;
  /** A link known before the acknowledgement, so the server's domain lists can refuse it. */
  url: string | null;
  cooldown: boolean;
  /** Acknowledges, and says how a worker reaches the reply afterwards. */
  acknowledge(options: SummaryOptions): Promise<WebhookTarget>;
  /** The input as plain JSON; runs after the acknowledgement, so it may refuse in words. */
  describe(): QueuedInput | Promise<QueuedInput>;
  fail(error: unknown): Promise<void>;
}

/** An auto-summary as the listener that saw the message hands it over, before the queue. */
export interface AutoSummaryJob {
  /** One job per message: a live event and catch-up bringing the same message queue it once. */
  id: string;
  origin: JobOrigin;
  links: { url: string; key: string }[];
  post: ChannelTarget;
  /** A link the server's domain lists refuse: skipped without a word in the channel. */
  refused(url: string, error: UserError): void;
}
