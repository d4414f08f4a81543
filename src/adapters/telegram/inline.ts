// Inline mode (@bot question in any chat) sends a query on every keystroke. Each user's queries
// are debounced: only the one still latest after a pause is answered (the ones it replaced get an
// empty answer at once), and those are counted on their own quota, so typing one question letter
// by letter neither costs many answers nor uses up the /ask limit. The handler returns at once;
// the answer goes out from a timer, so a pause never holds up the user's other updates.
import { QuestionLimiter, type RateLimits } from '../../../commands/rate-limit.ts';
import type { Actor } from '../../../commands/index.ts';

export interface InlineOptions {
  /** The pause after a user's last keystroke before their query is answered. */
  delayMs: number;
  /** The inline quota, apart from /ask's. */
  limits: RateLimits;
  clock?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Users with a query waiting at once; beyond this a new user's query is dropped. */
  maxPending?: number;
}

export const DEFAULT_INLINE_OPTIONS: InlineOptions = { delayMs: 600, limits: { perUser: 20, perChat: 1_000_000, windowMs: 60_000 } };

export interface InlineQuery {
  actor: Actor;
  /** Answers the query with the answer to its question. */
  answer(): Promise<unknown>;
  /** Answers it with nothing: replaced by a newer keystroke, or over the inline quota. */
  drop(reason: 'superseded' | 'limited' | 'busy'): Promise<unknown>;
}

export class InlineQueries {
  private readonly pending = new Map<string, { query: InlineQuery; timer: unknown }>();
  private readonly limiter: QuestionLimiter;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly options: InlineOptions = DEFAULT_INLINE_OPTIONS,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.limiter = new QuestionLimiter(options.limits, options.clock);
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  }

  /** Queries waiting for their pause to end. */
  get waiting(): number {
    return this.pending.size;
  }

  submit(query: InlineQuery): void {
    const key = `${query.actor.platform}:${query.actor.id}`;
    const previous = this.pending.get(key);
    if (previous) {
      this.clearTimer(previous.timer);
      this.pending.delete(key);
      this.settle(previous.query.drop('superseded'));
    } else if (this.pending.size >= (this.options.maxPending ?? 10_000)) {
      this.settle(query.drop('busy'));
      return;
    }
    const timer = this.setTimer(() => {
      if (this.pending.get(key)?.query !== query) return;
      this.pending.delete(key);
      // Inline answers have no chat: counted per user, on the inline quota only.
      const admitted = this.limiter.admit({ ...query.actor, chatId: `inline:${query.actor.id}` }).kind === 'answer';
      this.settle(admitted ? query.answer() : query.drop('limited'));
    }, this.options.delayMs);
    this.pending.set(key, { query, timer });
  }

  /** Forgets every waiting query (on shutdown). */
  clear(): void {
    for (const { timer } of this.pending.values()) this.clearTimer(timer);
    this.pending.clear();
  }

  private settle(work: Promise<unknown>): void {
    work.catch(this.onError);
  }
}
