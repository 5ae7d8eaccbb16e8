import { createAppPipeline, createLoaders } from '../app/pipeline.ts';
import { extractionPoolOptions, loadConfig } from '../config.ts';
import { createExtractionPool, type ExtractionPool } from '../core/extract/pool.ts';
import { providerFor } from '../core/inputs/index.ts';
import type { ArticleDocument, SummarizeInput } from '../shared/schemas.ts';
import { parseCliArgs, USAGE, UsageError } from './args.ts';
import { cliNextSteps } from './next-steps.ts';
import { readInput } from './read-input.ts';
import { renderDocumentText, renderResultText } from './render.ts';
import { reportCliError } from './shared-flags.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

/** The CLI, with its I/O passed in so tests run it in-process. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let extractionPool: ExtractionPool | null = null;
  try {
    const args = parseCliArgs(argv);
    if (!args) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const config = loadConfig(io.env);
    extractionPool = createExtractionPool(extractionPoolOptions(config));
    const input = await readInput(args.input, io);

    if (args.extractOnly) {
      const document = await extract(input, createLoaders(config, undefined, extractionPool));
      io.stdout(
        args.json ? `${JSON.stringify(document, null, 2)}\n` : renderDocumentText(document),
      );
      return 0;
    }
    const offline = args.offline || !config.OPENAI_API_KEY;
    // The offline engine has no prompt to pin; ignoring the pin would print a summary the user
    // believes came from the version they asked for.
    if (offline && args.prompt) {
      throw new UsageError(
        `--prompt ${args.prompt} pins the model's prompt, and the offline engine uses none; drop --prompt, or set OPENAI_API_KEY to summarize with the model.`,
      );
    }
    const pipeline = createAppPipeline(config, { offline: args.offline, extractionPool });
    const result = await pipeline.summarize(input, {
      length: args.length,
      style: args.style,
      language: args.language,
      prompt: args.prompt,
    });
    if (args.language && result.meta.engine === 'offline') {
      io.stderr(
        `precis: the offline engine cannot translate, so the summary is in the source's language; set OPENAI_API_KEY to have it in ${args.language}.\n`,
      );
    }
    io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderResultText(result));
    return 0;
  } catch (error) {
    return reportCliError(error, io.stderr, USAGE, cliNextSteps(io.env));
  } finally {
    await extractionPool?.close();
  }
}

/**
 * The Document a provider reads from the input, before the pipeline normalizes it. Text from
 * standard input is read as the extractor reads a .txt file, which also finds its title.
 */
async function extract(
  input: SummarizeInput,
  loaders: ReturnType<typeof createLoaders>,
): Promise<ArticleDocument> {
  const readable: SummarizeInput =
    input.kind === 'text'
      ? {
          kind: 'file',
          name: 'stdin.txt',
          bytes: new TextEncoder().encode(input.text),
          contentType: 'text/plain',
        }
      : input;
  return providerFor(readable).load(readable, loaders);
}
