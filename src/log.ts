// Structured logs (pino, JSON lines on stderr). Tokens never reach a log line: known secret keys
// are redacted, and bot tokens are scrubbed from any message or error text.
import { pino, type Logger } from 'pino';

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
