import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { JobStage } from '../../core/pipeline.ts';
import type { Length, Result, Style, SummarizeInput } from '../../core/schemas.ts';

/** The interactions that start a summary job. */
export type SummaryInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ModalSubmitInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction;

/** How a summary is asked for; the server's defaults fill what the user did not choose. */
export interface SummaryOptions {
  ephemeral: boolean;
  length: Length;
  style: Style;
  /** null = the source's language. */
  language: string | null;
  quotesOnly: boolean;
}

/** The option names a user can choose; `private` is how Discord names `ephemeral`. */
export type OptionName = 'length' | 'style' | 'language' | 'private';

/** What the job summarizes: a new input, or a source already kept (the buttons). */
export type SummaryWork =
  | {
      kind: 'input';
      /** A link known before the acknowledgement, so the server's domain lists can refuse it. */
      url: string | null;
      /** Runs after the acknowledgement: downloads belong here. */
      read(): Promise<SummarizeInput>;
    }
  | { kind: 'resummarize'; sha256: string };

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

/**
 * One summary job, whatever started it. The lifecycle (src/discord/summary/job.ts) is the
 * same for all; a job says only how it is acknowledged, delivered and told of a failure.
 */
export interface SummaryJob {
  origin: JobOrigin;
  options: SummaryOptions;
  given(name: OptionName): boolean;
  work: SummaryWork;
  /** Whether the server's cooldown applies (it does not to refining an answer already given). */
  cooldown: boolean;
  acknowledge(options: SummaryOptions): Promise<void>;
  deliver(result: Result, options: SummaryOptions): Promise<void>;
  /** Tells whoever asked that the job failed (a UserError in words, a bug generically). */
  fail(error: unknown): Promise<void>;
  /** Shows where a slow job is (reading, summarizing part k of n); optional. */
  progress?(stage: JobStage): void;
}
