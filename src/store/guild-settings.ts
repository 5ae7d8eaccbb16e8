import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LENGTHS, STYLES, SummarizeOptionsSchema } from '../shared/schemas.ts';
import type { Database, GuildSettingsTable } from './tables.ts';
import type { Clock } from './time.ts';
import { parseInput, parseStoredJson } from './validate.ts';

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'must be a host name like example.com')
  .max(253);

// Deduplicated so a moderator adding the same domain twice does not grow the list.
const DomainListSchema = z
  .array(DomainSchema)
  .max(100)
  .transform((domains) => [...new Set(domains)]);

const GuildSettingsSchema = z.object({
  length: z.enum(LENGTHS),
  /** Output language; null = the source's language. */
  language: z.string().trim().min(1).max(35).nullable(),
  style: z.enum(STYLES),
  /** `id@version`; null = the highest active prompt version. */
  promptPin: z
    .string()
    .regex(/^[\w-]+@\d+$/, 'must look like summarize@1')
    .nullable(),
  privateReplies: z.boolean(),
  /** Seconds a user waits between summaries; 0 = no cooldown. */
  cooldownSeconds: z.number().int().min(0).max(86_400),
  /** Tokens per UTC day for the whole server; null = unlimited. */
  dailyTokenBudget: z.number().int().positive().max(2_147_483_647).nullable(),
  /** Shown when a user hits the cooldown or budget; null = the bot's own wording. */
  limitMessage: z.string().trim().min(1).max(1000).nullable(),
  domainAllow: DomainListSchema,
  domainDeny: DomainListSchema,
});
export type GuildSettings = z.output<typeof GuildSettingsSchema>;

const GuildSettingsPatchSchema = GuildSettingsSchema.partial().strict();
export type GuildSettingsPatch = z.input<typeof GuildSettingsPatchSchema>;

/** A server that never chose gets the pipeline's own defaults. */
const OPTION_DEFAULTS = SummarizeOptionsSchema.parse({});

export const DEFAULT_GUILD_SETTINGS: GuildSettings = Object.freeze({
  length: OPTION_DEFAULTS.length,
  language: null,
  style: OPTION_DEFAULTS.style,
  promptPin: null,
  privateReplies: false,
  cooldownSeconds: 30,
  dailyTokenBudget: null,
  limitMessage: null,
  domainAllow: [],
  domainDeny: [],
});

export interface GuildSettingsStore {
  /** The server's settings; defaults for a server that never changed any. */
  getGuildSettings(guildId: string): Promise<GuildSettings>;
  /** Changes only the given fields. Throws UserError('invalid_input') on a bad value. */
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings>;
  /** What a server that never ran /setup gets; DMs take their cooldown from it. */
  defaultGuildSettings(): GuildSettings;
}

type SettingsColumns = Omit<GuildSettingsTable, 'guild_id' | 'updated_at'>;

function toColumns(patch: Partial<GuildSettings>): Partial<SettingsColumns> {
  const columns: Partial<SettingsColumns> = {};
  if (patch.length !== undefined) columns.length = patch.length;
  if (patch.language !== undefined) columns.language = patch.language;
  if (patch.style !== undefined) columns.style = patch.style;
  if (patch.promptPin !== undefined) columns.prompt_pin = patch.promptPin;
  if (patch.privateReplies !== undefined) columns.private_replies = patch.privateReplies ? 1 : 0;
  if (patch.cooldownSeconds !== undefined) columns.cooldown_seconds = patch.cooldownSeconds;
  if (patch.dailyTokenBudget !== undefined) columns.daily_token_budget = patch.dailyTokenBudget;
  if (patch.limitMessage !== undefined) columns.limit_message = patch.limitMessage;
  if (patch.domainAllow !== undefined) columns.domain_allow = JSON.stringify(patch.domainAllow);
  if (patch.domainDeny !== undefined) columns.domain_deny = JSON.stringify(patch.domainDeny);
  return columns;
}

const StoredDomainsSchema = z.array(z.string());

function fromRow(row: GuildSettingsTable): GuildSettings {
  const domainAllow = parseStoredJson(StoredDomainsSchema, row.domain_allow);
  const domainDeny = parseStoredJson(StoredDomainsSchema, row.domain_deny);
  // A deny list that silently became empty would let blocked sites through: fail loudly.
  if (!domainAllow || !domainDeny) {
    throw new Error(`Stored domain lists of guild ${row.guild_id} are not JSON string arrays`);
  }
  return GuildSettingsSchema.parse({
    length: row.length,
    language: row.language,
    style: row.style,
    promptPin: row.prompt_pin,
    privateReplies: row.private_replies === 1,
    cooldownSeconds: row.cooldown_seconds,
    dailyTokenBudget: row.daily_token_budget,
    limitMessage: row.limit_message,
    domainAllow,
    domainDeny,
  });
}

export function guildSettingsStore(
  db: Kysely<Database>,
  clock: Clock,
  defaults: GuildSettings = DEFAULT_GUILD_SETTINGS,
): GuildSettingsStore {
  async function getGuildSettings(guildId: string): Promise<GuildSettings> {
    const row = await db
      .selectFrom('guild_settings')
      .selectAll()
      .where('guild_id', '=', guildId)
      .executeTakeFirst();
    return row ? fromRow(row) : structuredClone(defaults);
  }

  async function updateGuildSettings(
    guildId: string,
    patch: GuildSettingsPatch,
  ): Promise<GuildSettings> {
    const valid = parseInput(GuildSettingsPatchSchema, patch, 'server settings');
    const changed = toColumns(valid);
    const updatedAt = clock().toISOString();
    // Only the patched columns are overwritten, so two moderators editing different
    // settings at once do not undo each other.
    await db
      .insertInto('guild_settings')
      .values({
        guild_id: guildId,
        ...(toColumns(defaults) as SettingsColumns),
        ...changed,
        updated_at: updatedAt,
      })
      .onConflict((oc) => oc.column('guild_id').doUpdateSet({ ...changed, updated_at: updatedAt }))
      .execute();
    return getGuildSettings(guildId);
  }

  return {
    getGuildSettings,
    updateGuildSettings,
    defaultGuildSettings: () => structuredClone(defaults),
  };
}
