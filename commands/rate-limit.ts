// Per-user and per-chat limits on questions. Over a limit, the asker is told once, politely, and
// then ignored until the window has room again, so a flood costs one reply, not one per message.
import type { Actor } from './types.ts';
import { t } from '../src/i18n/index.ts';

export interface RateLimits {
  /** Questions one user may ask per window. */
  perUser: number;
  /** Answers the bot gives in one chat per window. */
  perChat: number;
  windowMs: number;
}

export type Admission =
  | { kind: 'answer' }
  /** `message` in English; `words` the catalogue's message (src/i18n) the chain writes in the asker's language. */
  | { kind: 'warn'; message: string; words?: { key: string; args: Record<string, number> } }
  | { kind: 'silent' };

class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Room left for this key now, after forgetting hits older than the window. */
  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.hits.set(key, list);
    else {
      this.hits.delete(key);
      this.warned.delete(key);
    }
    return list;
  }

  full(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  record(key: string, now: number): void {
    if (this.hits.size >= this.maxKeys && !this.hits.has(key)) this.hits.delete(this.hits.keys().next().value!);
    this.hits.set(key, [...this.recent(key, now), now]);
    this.warned.delete(key);
  }

  /** True the first time a key is refused in a run of refusals. */
  firstRefusal(key: string): boolean {
    if (this.warned.has(key)) return false;
    this.warned.add(key);
    return true;
  }

  retryAfterMs(key: string, now: number): number {
    const list = this.recent(key, now);
    return list.length ? Math.max(0, list[0]! + this.windowMs - now) : 0;
  }
}

export class QuestionLimiter {
  private readonly users: SlidingWindow;
  private readonly chats: SlidingWindow;

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.users = new SlidingWindow(limits.perUser, limits.windowMs);
    this.chats = new SlidingWindow(limits.perChat, limits.windowMs);
  }

  admit(actor: Actor): Admission {
    const now = this.clock();
    const user = `${actor.platform}:${actor.id}`;
    const chat = `${actor.platform}:${actor.chatId ?? `dm:${actor.id}`}`;
    const [window, key, what] = this.users.full(user, now)
      ? [this.users, user, `${this.limits.perUser} questions`]
      : this.chats.full(chat, now)
        ? [this.chats, chat, `${this.limits.perChat} answers in this chat`]
        : [null, '', ''];
    if (window) {
      if (!window.firstRefusal(key)) return { kind: 'silent' };
      const seconds = Math.ceil(window.retryAfterMs(key, now) / 1000);
      const args = { limit: window === this.users ? this.limits.perUser : this.limits.perChat, seconds: Math.round(this.limits.windowMs / 1000), wait: seconds };
      const message = window === this.users ? 'rate-limit-user' : 'rate-limit-chat';
      return { kind: 'warn', message: t('en', message, args), words: { key: message, args } };
    }
    this.users.record(user, now);
    this.chats.record(chat, now);
    return { kind: 'answer' };
  }
}
