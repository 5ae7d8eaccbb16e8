import { z } from 'zod';

/**
 * The contracts between core and every renderer. `Result` is what the CLI's --json prints
 * and what the bot renders; `ArticleDocument` is what extraction produces.
 */

export const LENGTHS = ['short', 'medium', 'long'] as const;
export const STYLES = ['bullets', 'prose'] as const;
export type Length = (typeof LENGTHS)[number];
export type Style = (typeof STYLES)[number];

/** An extracted article. `text` keeps paragraph breaks as blank lines. */
export const ArticleDocumentSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  publishedAt: z.string().nullable(),
  text: z.string(),
  /** What the reader should know about how the text was read ("only the first 200 pages"). */
  notes: z.array(z.string()).optional(),
  /** What kind of page the text came from (HTML only): a thread is read as a discussion. */
  pageType: z
    .enum(['article', 'forum', 'qa', 'product', 'listing', 'documentation', 'other'])
    .optional(),
  /** A thread's posters in order, each named on a line of its own before their post. */
  posters: z.array(z.string()).optional(),
});
export type ArticleDocument = z.infer<typeof ArticleDocumentSchema>;

export const SourceKindSchema = z.enum(['url', 'text', 'file', 'message']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const QuoteSchema = z.object({
  id: z.string(),
  /** Exactly source.text.slice(start, end): the source's own characters, never the model's. */
  text: z.string(),
  speaker: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The source URL with a text fragment pointing at the passage; null for non-URL sources. */
  link: z.string().nullable(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** A source passage that supports a summary sentence: offsets into source.text, and a link. */
export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The source URL with a text fragment pointing at the passage; null for non-URL sources. */
  link: z.string().nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * How well the source backs a shown sentence. Unsupported sentences are never shown, so only
 * these two remain: `weak` means little of its wording is in the source (shown, and marked).
 */
export const SupportSchema = z.enum(['supported', 'weak']);
export type Support = z.infer<typeof SupportSchema>;

export const BulletSchema = z.object({
  text: z.string(),
  quoteIds: z.array(z.string()),
  /** Absent in Results made before the grounding check. */
  support: SupportSchema.optional(),
  evidence: z.array(EvidenceSchema).optional(),
});
export type Bullet = z.infer<typeof BulletSchema>;

export const ResultSchema = z.object({
  /** The Document the quotes point into, with where it came from and its text's SHA-256. */
  source: ArticleDocumentSchema.extend({ kind: SourceKindSchema, sha256: z.string() }),
  summary: z.object({
    tldr: z.string(),
    bullets: z.array(BulletSchema),
    tldrSupport: SupportSchema.optional(),
    tldrEvidence: z.array(EvidenceSchema).optional(),
  }),
  quotes: z.array(QuoteSchema),
  meta: z.object({
    engine: z.enum(['llm', 'offline']),
    /** `<id>@<version>+<sha8>` of the prompt used; `offline@<n>+<sha8>` for the offline engine. */
    prompt: z.string(),
    model: z.string(),
    tokens: z.object({ input: z.number().int(), output: z.number().int() }),
    cached: z.boolean(),
    droppedQuotes: z.number().int().nonnegative(),
    /** Quotes shown without the speaker given for them, because the source does not name them. */
    unverifiedSpeakers: z.number().int().nonnegative().default(0),
    reasks: z.number().int().nonnegative(),
    /** Summary sentences not shown because a fact they state is not in the source. */
    droppedClaims: z.number().int().nonnegative().optional(),
    /**
     * What the grounding check found, sentence by sentence (TL;DR and bullets), before the
     * unsupported ones were dropped. `lexical: false`: the summary's language differs from the
     * source's, so only numbers, dates and names were compared, not wording.
     */
    grounding: z
      .object({
        supported: z.number().int().nonnegative(),
        weak: z.number().int().nonnegative(),
        unsupported: z.number().int().nonnegative(),
        lexical: z.boolean(),
      })
      .optional(),
    language: z.string().nullable(),
    length: z.enum(LENGTHS),
    style: z.enum(STYLES),
    timingsMs: z.record(z.string(), z.number()),
  }),
});
export type Result = z.infer<typeof ResultSchema>;

/** What the user asked for. Everything is optional; the pipeline fills defaults. */
export const SummarizeOptionsSchema = z.object({
  length: z.enum(LENGTHS).default('medium'),
  /** Output language (a BCP 47 tag or an English name); null = the source's language. */
  language: z.string().nullable().default(null),
  style: z.enum(STYLES).default('bullets'),
  /** `id@version`, e.g. `summarize@1`; null = the highest active version. */
  prompt: z.string().nullable().default(null),
  engine: z.enum(['llm', 'offline']).optional(),
  /** Only key quotes are wanted (the bot's /quotes); the summary may be minimal. */
  quotesOnly: z.boolean().default(false),
});
export type SummarizeOptions = z.input<typeof SummarizeOptionsSchema>;
export type ResolvedOptions = z.output<typeof SummarizeOptionsSchema>;

/** Pipeline input: a link, pasted text, a file's bytes, or a Discord message's content. */
export type SummarizeInput =
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string; title?: string | null }
  | { kind: 'file'; name: string; bytes: Uint8Array; contentType?: string | null }
  | { kind: 'message'; text: string; url?: string | null };

/**
 * The longest fields an answer may hold. Prompts ask for far less (a tldr of 25–50 words); these
 * stop a runaway or hostile answer from reaching users. Not sent to the provider (see
 * portable-schema.ts): Zod enforces them after the answer, and a breach is re-asked once.
 */
export const OUTPUT_LIMITS = {
  tldr: 1500,
  bullet: 800,
  /** A real quote past 1,000 characters is cut to its first words (QUOTE_LIMITS), not refused. */
  quote: 20_000,
  speaker: 120,
  id: 40,
  point: 1000,
} as const;

/**
 * What a summarize prompt (or the offline engine) must answer. Strict JSON-schema output
 * forbids optional fields, so absent values are null.
 */
export const SummaryOutputSchema = z.object({
  tldr: z.string().min(1).max(OUTPUT_LIMITS.tldr),
  bullets: z.array(
    z.object({
      text: z.string().min(1).max(OUTPUT_LIMITS.bullet),
      /** Ids of the quotes (below) that back this bullet; may be empty. */
      quoteIds: z.array(z.string().max(OUTPUT_LIMITS.id)),
    }),
  ),
  quotes: z.array(
    z.object({
      /** q1, q2, … — bullets refer to these. */
      id: z.string().max(OUTPUT_LIMITS.id),
      /** Copied word for word from the source. */
      text: z.string().min(1).max(OUTPUT_LIMITS.quote),
      speaker: z.string().max(OUTPUT_LIMITS.speaker).nullable(),
    }),
  ),
});
export type SummaryOutput = z.infer<typeof SummaryOutputSchema>;

/** The map step of map-reduce over a long source: notes and verbatim quotes from one part. */
export const MapOutputSchema = z.object({
  points: z.array(z.string().min(1).max(OUTPUT_LIMITS.point)),
  quotes: z.array(
    z.object({
      text: z.string().min(1).max(OUTPUT_LIMITS.quote),
      speaker: z.string().max(OUTPUT_LIMITS.speaker).nullable(),
    }),
  ),
});
export type MapOutput = z.infer<typeof MapOutputSchema>;

/** A source kept so the bot's buttons can summarize it again without fetching it again. */
export interface KeptSource {
  kind: SourceKind;
  document: ArticleDocument;
}
