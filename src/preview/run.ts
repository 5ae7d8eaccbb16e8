import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createAppPipeline } from '../app/pipeline.ts';
import { cliNextSteps } from '../cli/next-steps.ts';
import { readInput } from '../cli/read-input.ts';
import type { CliIo } from '../cli/run.ts';
import { reportCliError } from '../cli/shared-flags.ts';
import { loadConfig } from '../config.ts';
import { PREVIEW_USAGE, parsePreviewArgs } from './args.ts';
import { componentsScript } from './components-script.ts';
import { buildReplyPage } from './reply-html.ts';
import { summaryReplyPayload } from './reply-payload.ts';
import { CHROMIUM_PATH, screenshotPreview } from './screenshot.ts';

/** `npm run preview`, with its I/O passed in so tests run it in-process. Returns the exit code. */
export async function runPreview(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parsePreviewArgs(argv);
    if (!args) {
      io.stdout(`${PREVIEW_USAGE}\n`);
      return 0;
    }
    // Checked before summarizing, so a missing browser does not cost a model call.
    if (args.png && !existsSync(CHROMIUM_PATH)) {
      io.stderr(
        `precis: --png needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).\n`,
      );
      return 2;
    }
    const config = loadConfig(io.env);
    const input = await readInput(args.input, io);
    const pipeline = createAppPipeline(config, { offline: args.offline });
    const result = await pipeline.summarize(input, {
      length: args.length,
      style: args.style,
      language: args.language,
    });
    const page = buildReplyPage(summaryReplyPayload(result, args.language), {
      script: await componentsScript(),
    });
    await writeFile(args.out, page);
    io.stdout(`Wrote ${args.out}\n`);
    if (args.png) {
      await screenshotPreview(args.out, args.png);
      io.stdout(`Wrote ${args.png}\n`);
    }
    return 0;
  } catch (error) {
    return reportCliError(error, io.stderr, PREVIEW_USAGE, cliNextSteps(io.env));
  }
}
