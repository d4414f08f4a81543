// Every setting, read once from the environment (over a .env file) and validated; nothing else
// reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeZodError } from './core/model.ts';
import { parseOwners, type AccessConfig } from './services/access.ts';
import { DEFAULT_DATABASE_PATH } from './paths.ts';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const snowflake = /^\d{5,25}$/;

/** "1, 2,3" -> ["1", "2", "3"]; every entry must be a numeric id. */
const idList = (what: string) =>
  optionalText.transform((v, ctx) => {
    const ids = (v ?? '').split(/[\s,]+/).filter(Boolean);
    for (const id of ids) if (!/^-?\d{1,25}$/.test(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a numeric ${what} id` });
    return ids;
  });

/** A whole number of at least 1, or the default when unset. */
const positiveInt = (fallback: number) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) ctx.addIssue({ code: 'custom', message: `must be a whole number of at least 1, not "${v}"` });
    return n;
  });

const httpUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'must be an http(s) address' });

/** A port number 1-65535, or undefined when unset. */
const port = optionalText.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) ctx.addIssue({ code: 'custom', message: `must be a port number from 1 to 65535, not "${v}"` });
  return n;
});

export const ConfigSchema = z
  .object({
    DATABASE_PATH: optionalText.transform((v) => v ?? DEFAULT_DATABASE_PATH),
    LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()).transform((v) => v ?? 'info'),
    /** json: one JSON object a line (for log collectors); pretty: readable lines; auto: pretty on a terminal. */
    LOG_FORMAT: optionalText.pipe(z.enum(['auto', 'json', 'pretty']).optional()).transform((v) => v ?? 'auto'),
    /** Logs to this file instead of stderr (the console chat logs nowhere else). */
    LOG_FILE: optionalText,
    /** An HTTP health endpoint on 127.0.0.1 at this port (GET /health). */
    HEALTH_PORT: port,
    /** Daily online backups into this folder, keeping the newest BACKUP_KEEP. */
    BACKUP_DIR: optionalText,
    BACKUP_KEEP: positiveInt(7),
    /** An adapter that cannot reach its platform for this long gives up, and the process exits non-zero. */
    OFFLINE_EXIT_SECONDS: positiveInt(300),
    /** Worker threads composing answers off the event loop: auto (every core but one, 1 to 4), or 0 to 16 (0: none). */
    REPLY_WORKERS: optionalText.transform((v, ctx) => {
      if (v === undefined || v.toLowerCase() === 'auto') return 'auto' as const;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 16) ctx.addIssue({ code: 'custom', message: `must be auto or a whole number from 0 to 16, not "${v}"` });
      return n;
    }),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || snowflake.test(v), { message: 'must be the numeric application id' }),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || snowflake.test(v), { message: 'must be a numeric server (guild) id' }),
    /** Holders of these roles in DISCORD_HOME_GUILD_ID (and only there) are claim moderators. */
    DISCORD_MODERATOR_ROLE_IDS: idList('role'),
    DISCORD_HOME_GUILD_ID: optionalText.refine((v) => v === undefined || snowflake.test(v), { message: 'must be a numeric server (guild) id' }),
    /** "discord:123,telegram:456": who grants and revokes claim moderators. */
    LOSSBOT_OWNERS: optionalText.transform((v, ctx) => {
      try {
        return parseOwners(v ?? '');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return [];
      }
    }),
    /** A proxy or a local test server in place of https://discord.com/api. */
    DISCORD_API_BASE: httpUrl,
    TELEGRAM_BOT_TOKEN: optionalText,
    /** A self-hosted Bot API server or a local test server in place of https://api.telegram.org. */
    TELEGRAM_API_ROOT: httpUrl,
    TELEGRAM_MODERATOR_IDS: idList('user'),
    /** Webhook mode: the public https address Telegram posts updates to; long polling when unset. */
    TELEGRAM_WEBHOOK_URL: optionalText.refine((v) => v === undefined || /^https:\/\/\S+$/i.test(v), { message: 'must be an https:// address (Telegram posts updates only over https)' }),
    /** Checked on every webhook request (Telegram sends it in X-Telegram-Bot-Api-Secret-Token). */
    TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(v), { message: 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -' }),
    /** Where the webhook server listens; a reverse proxy forwards TELEGRAM_WEBHOOK_URL here. */
    TELEGRAM_WEBHOOK_HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
    TELEGRAM_WEBHOOK_PORT: port.transform((v) => v ?? 8443),
    /** The administrators of these Telegram chats are claim moderators. */
    TELEGRAM_MODERATOR_CHAT_IDS: idList('chat'),
    /** Questions one user may ask per minute, and answers per minute in one chat. */
    RATE_LIMIT_USER_PER_MINUTE: positiveInt(10),
    RATE_LIMIT_CHAT_PER_MINUTE: positiveInt(30),
    /** With both set, the running bot re-imports the General Staff series daily. */
    /** The daily General Staff sync: on by default, from the public dataset's raw files. */
    UA_GS_SYNC: optionalText.pipe(z.enum(['on', 'off']).optional()).transform((v) => v ?? 'on'),
    /** In place of the public dataset's raw files (both, or neither). */
    UA_GS_PERSONNEL_URL: httpUrl,
    UA_GS_EQUIPMENT_URL: httpUrl,
    UA_GS_CORRECTIONS_URL: httpUrl,
  })
  .superRefine((c, ctx) => {
    if (c.DISCORD_MODERATOR_ROLE_IDS.length && !c.DISCORD_HOME_GUILD_ID)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_HOME_GUILD_ID'], message: 'is required with DISCORD_MODERATOR_ROLE_IDS: roles count only in the home server' });
    if (Boolean(c.UA_GS_PERSONNEL_URL) !== Boolean(c.UA_GS_EQUIPMENT_URL))
      ctx.addIssue({ code: 'custom', path: [c.UA_GS_PERSONNEL_URL ? 'UA_GS_EQUIPMENT_URL' : 'UA_GS_PERSONNEL_URL'], message: 'is required with the other UA_GS_*_URL setting' });
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required with TELEGRAM_WEBHOOK_URL: every update must prove it comes from Telegram' });
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is required when DISCORD_TOKEN is set' });
  });

export type Config = z.infer<typeof ConfigSchema>;

/** The settings that decide who may change claims. */
export function accessConfig(c: Config): AccessConfig {
  return {
    owners: c.LOSSBOT_OWNERS,
    telegramModeratorIds: c.TELEGRAM_MODERATOR_IDS,
    discordHomeGuildId: c.DISCORD_HOME_GUILD_ID ?? null,
    discordModeratorRoleIds: c.DISCORD_MODERATOR_ROLE_IDS,
    telegramModeratorChatIds: c.TELEGRAM_MODERATOR_CHAT_IDS,
  };
}

/**
 * Reads a .env file into the environment when there is one (by default ./.env). Variables already
 * in the environment win over the file, as with node --env-file. Returns the file read, if any.
 */
export function applyEnvFile(path = '.env', env: NodeJS.ProcessEnv = process.env): string | null {
  const file = resolve(path);
  if (!existsSync(file)) return null;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) if (env[key] === undefined) env[key] = value;
  return file;
}

/** The configuration; from the process's own environment, ./.env is read first (the environment wins). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env) applyEnvFile('.env', env);
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`configuration: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
