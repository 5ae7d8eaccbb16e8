import { createLoaders } from '../app/pipeline.ts';
import type { CliIo } from '../cli/run.ts';
import { reportCliError } from '../cli/shared-flags.ts';
import { extractionPoolOptions, loadConfig } from '../config.ts';
import { createExtractionPool, type ExtractionPool } from '../core/extract/pool.ts';
import { parseCheckArgs, USAGE } from './args.ts';
import { checkJsonl } from './jsonl.ts';
import { checkOne } from './one.ts';

/** `npm run check`, with its I/O passed in so tests run it in-process. Returns the exit code. */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  let pool: ExtractionPool | null = null;
  try {
    const args = parseCheckArgs(argv);
    if (!args) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (args.mode === 'jsonl') {
      const lines = await checkJsonl(args.input, args.output);
      io.stderr(`checked ${lines} line${lines === 1 ? '' : 's'} into ${args.output}\n`);
      return 0;
    }
    const config = loadConfig(io.env);
    pool = createExtractionPool(extractionPoolOptions(config));
    io.stdout(await checkOne(args, createLoaders(config, undefined, pool), io));
    return 0;
  } catch (error) {
    return reportCliError(error, io.stderr, USAGE);
  } finally {
    await pool?.close();
  }
}
