import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * One eval case's model calls (one article through one prompt version), as `--record` writes
 * them: test/fixtures/eval/recordings/<id@version>/<article>.json. Calls are keyed by their
 * index in the case and the request key (see request-key.ts), so replay answers exactly the
 * request that was recorded, re-asks included.
 */
const UsageSchema = z.strictObject({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
});

const RecordedCallSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  schemaName: z.string(),
  /** The answer exactly as validated: what the client returned. */
  answer: z.unknown().optional(),
  /** An answer of the wrong shape: the model's raw text and what was wrong with it. */
  invalid: z.strictObject({ raw: z.string(), issues: z.array(z.string()) }).optional(),
  /** Any other failure the client reported (refusal, truncation…), as a UserError code. */
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  usage: UsageSchema,
  model: z.string(),
});
export type RecordedCall = z.infer<typeof RecordedCallSchema>;

/** Where recorded answers came from: enough to tell a reader what the figures measure. */
const RecordedFromSchema = z.strictObject({
  /** The model as the endpoint named it in its answers (or as configured). */
  model: z.string().min(1),
  /** The endpoint's base URL, without credentials or query. */
  endpoint: z.string().min(1),
  /** The day of the run, YYYY-MM-DD (UTC). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type RecordedFrom = z.infer<typeof RecordedFromSchema>;

export const RecordingSchema = z
  .strictObject({
    format: z.literal(1),
    /** `id@version`, without the sha8: a typo fixed in the prompt keeps its recordings. */
    prompt: z.string().regex(/^[a-z][a-z0-9-]*@\d+$/),
    /** The prompt file's sha8 when recorded; replay warns when it has changed since. */
    promptSha8: z.string().regex(/^[0-9a-f]{8}$/),
    article: z.string(),
    /** The context window the case ran with: it decides whether map-reduce ran, so replay reuses it. */
    contextTokens: z.number().int().positive(),
    /** recorded: answers of a real endpoint; authored: written by hand (see the README). */
    origin: z.enum(['recorded', 'authored']),
    /** With origin recorded: which model, at which endpoint, on which day. */
    recordedFrom: RecordedFromSchema.optional(),
    calls: z.array(RecordedCallSchema),
  })
  .refine((recording) => recording.origin !== 'recorded' || recording.recordedFrom, {
    message: 'a recorded recording must say recordedFrom: {model, endpoint, date}',
    path: ['recordedFrom'],
  });
export type Recording = z.infer<typeof RecordingSchema>;

export function recordingPath(dir: string, prompt: string, article: string): string {
  return join(dir, prompt, `${article}.json`);
}

/** A recording the replay needs is not there (or no longer matches the request). */
export class MissingRecordingError extends Error {
  override readonly name = 'MissingRecordingError';
  constructor(
    readonly article: string,
    readonly prompt: string,
    problem: string,
  ) {
    super(
      `No recorded answer for article "${article}" with prompt ${prompt}: ${problem}. ` +
        `Record it against a real endpoint: OPENAI_API_KEY=… npm run eval -- --live --record --prompt ${prompt}`,
    );
  }
}

export function readRecording(dir: string, prompt: string, article: string): Recording {
  const path = recordingPath(dir, prompt, article);
  if (!existsSync(path)) {
    throw new MissingRecordingError(article, prompt, `${path} does not exist`);
  }
  const parsed = RecordingSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path}: not a valid recording: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function writeRecording(dir: string, recording: Recording): string {
  const path = recordingPath(dir, recording.prompt, recording.article);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(RecordingSchema.parse(recording), null, 2)}\n`);
  return path;
}
