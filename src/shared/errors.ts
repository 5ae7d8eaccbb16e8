/**
 * Errors a user can cause (a bad link, an unreadable page, a provider refusing the key) are
 * values with a code. They are turned into words in one place (`describeUserError`) so the
 * CLI and the bot say the same thing. Anything that is not a UserError is a bug.
 */
export const USER_ERROR_CODES = [
  // input
  'invalid_input',
  'empty_input',
  'unsupported_file',
  'source_too_long',
  'source_expired',
  // links and fetching
  'invalid_url',
  'blocked_scheme',
  'blocked_address',
  'blocked_port',
  'dns_failed',
  'too_many_redirects',
  'too_large',
  'fetch_timeout',
  'fetch_failed',
  'http_status',
  'not_article',
  'could_not_read',
  'too_complex',
  'busy',
  'not_text',
  // the model
  'bad_key',
  'quota',
  'rate_limited',
  'llm_timeout',
  'llm_unavailable',
  'llm_misconfigured',
  'refused',
  'invalid_output',
  'output_truncated',
  'deadline',
  // prompts and options
  'unknown_prompt',
  // discord and moderation
  'not_allowed',
  'cooldown',
  'budget_exhausted',
  'domain_blocked',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A start-up problem the operator fixes (a bad variable, an unreachable database, a rejected
 * token): its message is the whole story, so entry points print it alone, with no stack.
 */
export class OperatorError extends Error {
  override readonly name: string = 'OperatorError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** What to do next, by code; each place that shows errors may say it in its own words. */
export type NextSteps = Partial<Record<UserErrorCode, string>>;

/** What a Discord user should do next, by code. The error's own message says what went wrong. */
const NEXT_STEP: NextSteps = {
  invalid_url: 'Check the link and try again.',
  blocked_address: 'Precis only reads public web pages.',
  blocked_scheme: 'Send an http:// or https:// link.',
  blocked_port: 'Precis only reads pages on the standard web ports (80 and 443).',
  not_article: 'Paste the article text instead.',
  could_not_read: 'Paste the article text instead.',
  too_complex: 'Paste the article text instead.',
  busy: 'Try again shortly.',
  not_text: 'Send a text, Markdown, HTML or PDF file.',
  http_status: 'Paste the article text instead.',
  too_large: 'Paste the part you want summarized instead.',
  source_too_long: 'Send a shorter text.',
  source_expired: 'Run the command again with the original link or text.',
  bad_key: 'The operator must check OPENAI_API_KEY.',
  quota: 'The operator must check the provider account; try again later.',
  rate_limited: 'Try again in a minute.',
  llm_timeout: 'Try again in a minute.',
  llm_unavailable: 'Try again in a minute.',
  llm_misconfigured:
    'The operator must check LLM_MODEL, OPENAI_BASE_URL and LLM_STRUCTURED_OUTPUT.',
  deadline: 'Try again, or send a shorter text.',
  unknown_prompt: 'Use a prompt id@version that exists in prompts/.',
};

/**
 * One or two sentences for the user: what went wrong, then what to do next. `nextSteps`
 * replaces the Discord wording where another place (the CLI) offers other ways out.
 */
export function describeUserError(error: UserError, nextSteps: NextSteps = {}): string {
  // A provider that says how long to wait is taken at its word, not "a minute".
  const wait = error.details.retryAfterMs;
  const next =
    typeof wait === 'number' && Number.isFinite(wait)
      ? `Try again in ${formatWait(wait)}.`
      : (nextSteps[error.code] ?? NEXT_STEP[error.code]);
  const message = sentence(error.message);
  return next ? `${message} ${next}` : message;
}

// Lower-level messages read as clauses ("the page is larger than 5 MB"); say them as sentences.
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  // A closing bracket or quote ends a sentence only after a stop inside it: "(status 404)" does
  // not, "(see SETUP.md.)" does.
  return /[.!?…]["'”’)\]]*$/.test(capital) ? capital : `${capital}.`;
}

/** 9999000 -> "about 2 h 47 min"; 45000 -> "45 s". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `about ${Math.ceil(hours / 24)} days`;
  return `about ${hours} h ${minutes % 60} min`;
}
