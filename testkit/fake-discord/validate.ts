import * as spec from 'discord-api-spec/zod';
import type { ZodMiniType } from 'zod/mini';

/**
 * Checks a REST body the bot sent against Discord's own OpenAPI schemas (discord-api-spec),
 * plus the limits the spec cannot express (6000 characters across a message's embeds).
 * Returns a list of problems; empty means Discord would have accepted it.
 */
export function validateRequestBody(method: string, route: string, body: unknown): string[] {
  const schema = schemaFor(method, route, body);
  if (schema === undefined) return [];
  if (Array.isArray(schema)) {
    if (!Array.isArray(body)) return ['expected an array body'];
    const [item] = schema;
    return body.flatMap((entry, index) =>
      issuesOf(item, asSpecCommand(entry)).map((i) => `[${index}] ${i}`),
    );
  }
  return [...issuesOf(schema, body), ...limitIssues(body)];
}

/** Checks the fake's own answers, so the fake cannot drift from what Discord returns. */
export function validateMessageResponse(message: unknown): string[] {
  return issuesOf(spec.MessageResponseSchema, message);
}

/**
 * Discord's OpenAPI spec types default_member_permissions as an integer, but the API documents
 * (and accepts) a string of digits, which is what discord.js sends; compare it as a number.
 */
function asSpecCommand(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object') return entry;
  const permissions = (entry as { default_member_permissions?: unknown })
    .default_member_permissions;
  if (typeof permissions !== 'string' || !/^\d+$/.test(permissions)) return entry;
  return { ...entry, default_member_permissions: Number(permissions) };
}

function issuesOf(schema: ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.code} ${issue.message}`,
  );
}

type Schema = ZodMiniType | [ZodMiniType] | undefined;

function schemaFor(method: string, route: string, body: unknown): Schema {
  const key = `${method} ${route}`;
  if (key === 'POST /interactions/:id/:token/callback') return callbackSchema(body);
  switch (key) {
    case 'PATCH /webhooks/:app/:token/messages/:message':
      return spec.IncomingWebhookUpdateRequestPartialSchema;
    case 'POST /webhooks/:app/:token':
      return spec.IncomingWebhookRequestPartialSchema;
    case 'POST /channels/:channel/messages':
      return spec.MessageCreateRequestSchema;
    case 'PATCH /channels/:channel/messages/:message':
      return spec.MessageEditRequestPartialSchema;
    case 'POST /channels/:channel/messages/:message/threads':
      return spec.CreateTextThreadWithMessageRequestSchema;
    case 'POST /channels/:channel/threads':
      return spec.CreateTextThreadWithoutMessageRequestSchema;
    case 'PUT /applications/:app/commands':
    case 'PUT /applications/:app/guilds/:guild/commands':
      return [spec.ApplicationCommandUpdateRequestSchema];
    default:
      return undefined;
  }
}

function callbackSchema(body: unknown): ZodMiniType {
  const type = (body as { type?: unknown } | null)?.type;
  switch (type) {
    case 1:
      return spec.PongInteractionCallbackRequestSchema;
    case 6:
    case 7:
      return spec.UpdateMessageInteractionCallbackRequestSchema;
    case 8:
      return spec.ApplicationCommandAutocompleteCallbackRequestSchema;
    case 9:
      return spec.ModalInteractionCallbackRequestSchema;
    default:
      return spec.CreateMessageInteractionCallbackRequestSchema;
  }
}

interface EmbedLike {
  title?: string;
  description?: string;
  footer?: { text?: string };
  author?: { name?: string };
  fields?: { name?: string; value?: string }[];
}

// Limits no JSON schema states: 6000 characters across a message's embeds, and 2000
// characters of content for bots (the spec says 4000, which only Nitro users get).
function limitIssues(body: unknown): string[] {
  if (body === null || typeof body !== 'object') return [];
  const holder = ('data' in body ? (body as { data?: unknown }).data : body) as
    | { embeds?: EmbedLike[]; content?: unknown }
    | null
    | undefined;
  const issues: string[] = [];
  if (typeof holder?.content === 'string' && holder.content.length > 2000) {
    issues.push(`content: ${holder.content.length} characters, over the 2000 a bot may send`);
  }
  const embeds = holder?.embeds;
  if (Array.isArray(embeds)) {
    const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
    if (total > 6000) issues.push(`embeds: ${total} characters in total, over 6000`);
  }
  return issues;
}

export function embedLength(embed: EmbedLike): number {
  const fields = embed.fields ?? [];
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text?.length ?? 0) +
    (embed.author?.name?.length ?? 0) +
    fields.reduce((sum, f) => sum + (f.name?.length ?? 0) + (f.value?.length ?? 0), 0)
  );
}
