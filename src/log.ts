// Structured logs (pino): JSON lines for collectors, readable lines on a terminal. Tokens never reach a log line: known secret keys
// are redacted, and bot tokens are scrubbed from any message or error text.
import { pino, type Logger } from 'pino';
import { createRequire } from 'node:module';

export type { Logger };

const SECRET_PATHS = ['token', '*.token', 'config.DISCORD_TOKEN', 'config.TELEGRAM_BOT_TOKEN', 'headers.authorization', '*.headers.authorization'];

/** Telegram tokens ("123456:ABC...") and Discord tokens (three base64url parts) in free text. */
const TOKEN_PATTERNS = [/\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g, /\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b/g];

export function scrubSecrets(text: string): string {
  return TOKEN_PATTERNS.reduce((t, p) => t.replace(p, '[token]'), text);
}

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          return { type: e.name, message: scrubSecrets(e.message), stack: e.stack ? scrubSecrets(e.stack) : undefined };
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream,
  );
}

export interface LogSettings {
  LOG_LEVEL: string;
  LOG_FORMAT: 'auto' | 'json' | 'pretty';
  LOG_FILE?: string | undefined;
}

/**
 * The service's logger: to LOG_FILE when set (JSON), else to stderr, readable there when it is a
 * terminal (or LOG_FORMAT=pretty) and JSON otherwise. `quietOnTerminal` is for the console chat,
 * whose answers must not be interleaved with log lines: without LOG_FILE it logs nothing.
 */
export function createServiceLogger(settings: LogSettings, options: { quietOnTerminal?: boolean } = {}): Logger {
  if (settings.LOG_FILE) return createLogger(settings.LOG_LEVEL, pino.destination({ dest: settings.LOG_FILE, mkdir: true, sync: true }) as unknown as NodeJS.WritableStream);
  if (options.quietOnTerminal) return createLogger('silent');
  const pretty = settings.LOG_FORMAT === 'pretty' || (settings.LOG_FORMAT === 'auto' && process.stderr.isTTY);
  if (!pretty) return createLogger(settings.LOG_LEVEL);
  // Loaded only for a person at a terminal: a service logging JSON never pays for it.
  const { PinoPretty } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return createLogger(settings.LOG_LEVEL, PinoPretty({ destination: 2, sync: true, colorize: Boolean(process.stderr.isTTY), translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' }));
}
