import type { NextSteps } from '../shared/errors.ts';

/**
 * What to do next, in the CLI's words: its user can pass a file or standard input instead of
 * pasting, is the operator who sets the variables, and can always fall back to --offline.
 */
export function cliNextSteps(env: NodeJS.ProcessEnv): NextSteps {
  const instead = "Save the article's text to a file and pass that file, or pipe it in with -.";
  const offline = 'or run with --offline';
  return {
    not_article: instead,
    could_not_read: instead,
    too_complex: instead,
    http_status: instead,
    empty_input: 'Pass a file holding the article, or pipe its text in with -.',
    too_large: 'Pass a file holding only the part you want summarized.',
    source_too_long: 'Pass a shorter text.',
    deadline: 'Try again, or pass a shorter text.',
    bad_key: `Check OPENAI_API_KEY, ${offline}.`,
    quota: `Check the provider account, ${offline}.`,
    llm_unavailable: `Check that ${providerUrl(env)} (OPENAI_BASE_URL) is up, ${offline}.`,
    llm_timeout: `Try again, ${offline}.`,
    llm_misconfigured: `Check LLM_MODEL, OPENAI_BASE_URL and LLM_STRUCTURED_OUTPUT, ${offline}.`,
  };
}

/** The endpoint the CLI called, without any credentials written into it. */
function providerUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.OPENAI_BASE_URL?.trim() || 'https://api.openai.com/v1';
  if (!URL.canParse(raw)) return 'OPENAI_BASE_URL';
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/$/, '');
}
