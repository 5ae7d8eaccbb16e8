import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The worker file beside `moduleUrl` (the caller's import.meta.url): worker.ts under tsx and
 * vitest, worker.js once compiled to JavaScript. TypeScript needs tsx's loader in the worker;
 * passed by absolute URL so it resolves wherever the process was started.
 */
export function workerEntry(moduleUrl: string): { filename: string; execArgv?: string[] } {
  const typescript = moduleUrl.endsWith('.ts');
  const filename = new URL(`./worker.${typescript ? 'ts' : 'js'}`, moduleUrl).href;
  if (!typescript) return { filename };
  const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsx] };
}
