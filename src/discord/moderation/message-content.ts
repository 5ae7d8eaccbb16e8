import { ApplicationFlagsBitField, type Client } from 'discord.js';
import { autoState } from '../auto/state.ts';

const HOW_TO =
  'Developer Portal (https://discord.com/developers/applications) → your app → Bot → Privileged Gateway Intents → switch on **Message Content Intent**, then restart the bot.';

/**
 * Why auto-summarize cannot work here, or null when it can. READY carries the application's
 * flags (the intent switched on in the portal); an empty message in a links channel is the
 * other sign that Discord is hiding message content.
 */
export function autoSummarizeProblem(client: Client): string | null {
  const state = autoState(client);
  if (!state.enabled) {
    return `Auto-summarize is switched off for this bot. The operator sets AUTO_SUMMARIZE=true and, in the ${HOW_TO}`;
  }
  const flags = client.application?.flags;
  const granted =
    flags?.any([
      ApplicationFlagsBitField.Flags.GatewayMessageContent,
      ApplicationFlagsBitField.Flags.GatewayMessageContentLimited,
    ]) ?? false;
  if (!granted || state.contentLooksHidden) {
    return `The Message Content intent is missing, so Precis cannot see links in messages. In the ${HOW_TO}`;
  }
  return null;
}
