// What keeps the process honest with its supervisor (systemd, Docker): each long-running part
// reports its state here; a part that fails for good, or stays unable to reach its platform past
// a bounded time, ends the process with a non-zero exit so it is restarted, never left idle.
import type { Logger } from '../log.ts';

export type PartState = 'starting' | 'ready' | 'degraded' | 'failed' | 'stopped';

export interface PartStatus {
  state: PartState;
  /** Why it is degraded or failed; what it is connected as when ready. */
  detail: string | null;
  /** When the part entered this state (ISO time). */
  since: string;
}

/** What a part (an adapter, the sync) is given to report through. */
export interface PartReporter {
  report(state: Exclude<PartState, 'failed'>, detail?: string): void;
  /** The part cannot work any more: logs why and shuts the process down with a non-zero exit. */
  fatal(reason: string, error?: unknown): void;
}

export interface SupervisorOptions {
  logger: Logger;
  /** How long a part may stay degraded (its platform unreachable) before the process gives up. */
  offlineLimitMs: number;
  /** Called once, on the first fatal report. */
  onFatal(reason: string): void;
  now?: () => number;
  /** How often the degraded parts are checked; tests shorten it. */
  checkEveryMs?: number;
}

export class Supervisor {
  private readonly parts = new Map<string, PartStatus & { sinceMs: number }>();
  private readonly timer: NodeJS.Timeout;
  private failed = false;
  private readonly now: () => number;

  constructor(private readonly options: SupervisorOptions) {
    this.now = options.now ?? Date.now;
    const every = options.checkEveryMs ?? Math.min(10_000, Math.max(100, options.offlineLimitMs / 10));
    this.timer = setInterval(() => this.checkOffline(), every);
    this.timer.unref();
  }

  part(name: string): PartReporter {
    this.set(name, 'starting', null);
    return {
      report: (state, detail) => {
        const previous = this.parts.get(name);
        if (previous?.state === 'failed' || (previous?.state === state && (detail === undefined || previous.detail === detail))) return;
        this.set(name, state, detail ?? null);
        if (state === 'degraded') this.options.logger.warn({ part: name, detail }, `${name} cannot reach its platform; retrying`);
        else if (state === 'ready' && previous?.state === 'degraded') this.options.logger.info({ part: name }, `${name} reconnected`);
      },
      fatal: (reason, error) => this.fail(name, reason, error),
    };
  }

  status(): Record<string, PartStatus> {
    return Object.fromEntries([...this.parts].map(([name, { state, detail, since }]) => [name, { state, detail, since }]));
  }

  /** Healthy when every part is ready (a part still starting counts as not yet healthy). */
  healthy(): boolean {
    return [...this.parts.values()].every((p) => p.state === 'ready');
  }

  stop(): void {
    clearInterval(this.timer);
    for (const [name, p] of this.parts) if (p.state !== 'failed') this.set(name, 'stopped', null);
  }

  private set(name: string, state: PartState, detail: string | null): void {
    const now = this.now();
    this.parts.set(name, { state, detail, since: new Date(now).toISOString(), sinceMs: now });
  }

  private fail(name: string, reason: string, error?: unknown): void {
    this.set(name, 'failed', reason);
    this.options.logger.fatal({ part: name, err: error }, `${name} stopped for good: ${reason}`);
    if (this.failed) return;
    this.failed = true;
    this.options.onFatal(`${name}: ${reason}`);
  }

  private checkOffline(): void {
    const now = this.now();
    for (const [name, p] of this.parts) {
      if ((p.state === 'degraded' || p.state === 'starting') && now - p.sinceMs > this.options.offlineLimitMs) {
        const seconds = Math.round((now - p.sinceMs) / 1000);
        this.fail(name, p.state === 'starting' ? `could not start within ${seconds} s` : `unreachable for ${seconds} s (${p.detail ?? 'no detail'})`);
      }
    }
  }
}
