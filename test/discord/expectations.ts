import { expect } from 'vitest';
import type { FakeDiscord } from '../../testkit/fake-discord.ts';

export const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
export const CALLBACK = 'POST /interactions/:id/:token/callback';
export const FOLLOW_UP = 'POST /webhooks/:app/:token';

/** Every message the bot sent pinged nobody, and Discord accepted every body. */
export function expectCleanTraffic(fake: FakeDiscord): void {
  expect(fake.validationFailures).toEqual([]);
  expect(fake.responseFailures).toEqual([]);
  for (const { route, body } of fake.messageBodies()) {
    expect(body.allowed_mentions, route).toEqual({ parse: [] });
  }
}

export interface SentMessage {
  content?: string;
  flags?: number;
  embeds?: {
    title?: string;
    description?: string;
    url?: string;
    footer?: { text: string };
    fields?: { name: string; value: string }[];
  }[];
  components?: {
    components: { custom_id?: string; label?: string; options?: { value: string }[] }[];
  }[];
  allowed_mentions?: unknown;
}

export function sent(request: { body: unknown }): SentMessage {
  return request.body as SentMessage;
}
