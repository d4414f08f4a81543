// Fires each subscription at its local time (croner computes the times, daylight saving
// included), builds its digest and hands it to the platform's sender. The clock is injectable,
// so tests run weeks of schedules in milliseconds.
import { Cron } from 'croner';
import { addDays, formatDate } from '../core/dates.ts';
import type { Directory } from '../core/directory.ts';
import type { Doc } from '../core/doc.ts';
import type { Claim } from '../core/model.ts';
import type { Logger } from '../log.ts';
import type { ClaimsRepo } from '../store/claims-repo.ts';
import type { DigestRepo, Platform, Subscription } from '../store/digest-repo.ts';
import type { LookupRepo } from '../store/lookup-repo.ts';
import { seriesId } from '../core/answer/compose.ts';
import { composeDigest, emptyDigest, inFilter, isSeriesUpdate, type DigestChange, type SeriesHeadline } from './content.ts';

/** A send that failed. Permanent: the channel is gone or forbids the bot; the subscription stops. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface DigestSender {
  send(subscription: Subscription, digest: Doc): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

export interface DigestServiceParts {
  digests: DigestRepo;
  claims: ClaimsRepo;
  lookup: LookupRepo;
  directory: () => Directory;
}

export interface SchedulerOptions {
  /** Names this process in delivery rows. */
  owner: string;
  clock?: Clock;
  /** Waits before the 2nd, 3rd, ... attempt; its length + 1 is the number of attempts. */
  retryDelaysMs?: number[];
  /** How long a claimed delivery may take before another process treats it as interrupted. */
  leaseMs?: number;
  /** Longest sleep between checks, so new subscriptions and clock jumps are noticed. */
  maxSleepMs?: number;
}

export function cronFor(sub: Pick<Subscription, 'localTime' | 'weekday' | 'timezone'>): Cron {
  const [hours, minutes] = sub.localTime.split(':').map(Number) as [number, number];
  return new Cron(`${minutes} ${hours} * * ${sub.weekday ?? '*'}`, { timezone: sub.timezone, paused: true });
}

/** The start of the subscription's current period: its latest scheduled time at or before now. */
export function currentPeriod(sub: Subscription, now: Date): Date | null {
  const runs = cronFor(sub).previousRuns(2, new Date(now.getTime() + 1000));
  const latest = runs.find((r) => r.getTime() <= now.getTime()) ?? null;
  // A subscription made after its time today starts with the next one.
  return latest && latest.getTime() >= new Date(sub.createdAt).getTime() ? latest : null;
}

/** Claims read per statement while building a digest: each slice is a few milliseconds. */
const DIGEST_SLICE = 500;

/** The id in an audit entry's "before" snapshot, without parsing the whole snapshot. */
function beforeId(before: string): number | null {
  const m = /^\{"id":(\d+)[,}]/.exec(before);
  if (m) return Number(m[1]);
  try {
    const id = (JSON.parse(before) as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

export class DigestService {
  private readonly clock: Clock;
  private readonly retryDelaysMs: number[];
  private readonly leaseMs: number;
  private readonly maxSleepMs: number;
  private abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly parts: DigestServiceParts,
    private readonly senders: Partial<Record<Platform, DigestSender>>,
    private readonly logger: Logger,
    private readonly options: SchedulerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.retryDelaysMs = options.retryDelaysMs ?? [60_000, 5 * 60_000, 25 * 60_000];
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.maxSleepMs = options.maxSleepMs ?? 60_000;
  }

  /** Each chat adapter attaches its sender when it starts; digests for a platform wait until then. */
  setSender(platform: Platform, sender: DigestSender | null): void {
    if (sender) this.senders[platform] = sender;
    else delete this.senders[platform];
  }

  now(): Date {
    return this.clock.now();
  }

  get repo(): DigestRepo {
    return this.parts.digests;
  }

  title(sub: Subscription, at: Date): string {
    const local = at.toLocaleDateString('en-CA', { timeZone: sub.timezone });
    return `${sub.frequency === 'daily' ? 'Daily' : 'Weekly'} digest, ${formatDate(local)}`;
  }

  /** The digest for the changes in (sub.lastAuditId, auditTo], or null when there are none. */
  build(sub: Subscription, auditTo: number, at: Date): Doc | null {
    const steps = this.buildSteps(sub, auditTo, at);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same digest, built in slices with a turn of the event loop between them, so that a digest
   * of tens of thousands of changes never holds up the chat adapters.
   */
  async buildAsync(sub: Subscription, auditTo: number, at: Date): Promise<Doc | null> {
    const steps = this.buildSteps(sub, auditTo, at);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Builds the digest, yielding after each slice of work. */
  private *buildSteps(sub: Subscription, auditTo: number, at: Date): Generator<void, Doc | null> {
    const { claims, lookup, digests } = this.parts;
    const dir = this.parts.directory();
    const entries = digests.auditRange(sub.lastAuditId, auditTo);
    yield;
    // Every claim the entries name, current and replaced, read in slices of one statement each.
    const wanted = new Set<number>();
    const beforeIds = entries.map((entry) => {
      wanted.add(entry.claimId);
      const id = entry.before ? beforeId(entry.before) : null;
      if (id !== null) wanted.add(id);
      return id;
    });
    const byId = new Map<number, Claim>();
    const ids = [...wanted];
    for (let i = 0; i < ids.length; i += DIGEST_SLICE) {
      for (const c of claims.getMany(ids.slice(i, i + DIGEST_SLICE))) byId.set(c.id, c);
      yield;
    }
    const changes: DigestChange[] = [];
    entries.forEach((entry, i) => {
      const current = byId.get(entry.claimId);
      if (!current || !inFilter(current, sub)) return;
      const previous = beforeIds[i];
      changes.push({ action: entry.action, claim: current, previous: previous ? (byId.get(previous) ?? null) : null, reason: entry.reason });
    });
    yield;
    // A claim changed again within the window is reported once, as it stands: an addition later
    // replaced or retracted is covered by the later entry.
    const shown = changes.filter((c) => c.claim.status !== 'superseded' && !((c.action === 'add' || c.action === 'import') && c.claim.status !== 'active'));
    const headlines = new Map<string, SeriesHeadline>();
    const earliest = new Map<string, { key: { claimant: string; subject: string; metric: Claim['metric']; periodKind: 'cumulative' }; from: string }>();
    for (const c of shown) {
      if (!isSeriesUpdate(c)) continue;
      const id = seriesId(c.claim);
      const e = earliest.get(id);
      if (!e) earliest.set(id, { key: { claimant: c.claim.claimant, subject: c.claim.subject, metric: c.claim.metric, periodKind: 'cumulative' }, from: c.claim.periodEnd! });
      else if (c.claim.periodEnd! < e.from) e.from = c.claim.periodEnd!;
    }
    let done = 0;
    for (const [id, { key, from }] of earliest) {
      const [latest] = lookup.latestCumulative([key], null);
      const [before] = lookup.latestCumulative([key], addDays(from, -1));
      if (latest) headlines.set(id, { latest, before: before ?? null });
      if (++done % 50 === 0) yield;
    }
    yield;
    return composeDigest({ title: this.title(sub, at), changes: shown, headlines, directory: dir });
  }

  /** What the next digest would say now; writes nothing. */
  preview(sub: Subscription): Doc {
    const now = this.clock.now();
    return this.build(sub, this.parts.digests.maxAudit(), now) ?? emptyDigest(this.title(sub, now));
  }

  /** Sends every digest that is due and not yet claimed, and every retry whose time has come. */
  async runDue(now: Date = this.clock.now()): Promise<void> {
    const { digests } = this.parts;
    for (const sub of digests.active()) {
      if (!this.senders[sub.platform]) continue;
      const period = currentPeriod(sub, now);
      if (!period) continue;
      const existing = digests.delivery(sub.id, period.toISOString());
      if (existing && existing.status !== 'sending') continue;
      await this.deliver(sub, period.toISOString(), now);
    }
    for (const retry of digests.dueRetries(now)) {
      const sub = digests.get(retry.subscriptionId);
      if (sub?.status === 'active' && this.senders[sub.platform]) await this.deliver(sub, retry.period, now);
    }
  }

  private async deliver(sub: Subscription, period: string, now: Date): Promise<void> {
    const { digests } = this.parts;
    const claim = digests.claim(sub.id, period, this.options.owner, now, this.leaseMs);
    if (!claim.claimed) return;
    const log = { subscription: sub.id, platform: sub.platform, chat: sub.chatId, period, attempt: claim.attempt };
    try {
      const digest = await this.buildAsync(sub, claim.auditTo, now);
      if (!digest && !sub.postEmpty) {
        digests.complete(sub.id, period, 'empty', this.clock.now());
        this.logger.debug(log, 'digest had nothing new; not posted');
        return;
      }
      await this.senders[sub.platform]!.send(sub, digest ?? emptyDigest(this.title(sub, now)));
      digests.complete(sub.id, period, 'sent', this.clock.now());
      this.logger.info(log, 'digest sent');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof DeliveryError && err.permanent) {
        digests.fail(sub.id, period, message, this.clock.now());
        digests.disable(sub.id, message);
        this.logger.warn({ ...log, err }, 'digest channel unusable; subscription disabled');
      } else if (claim.attempt <= this.retryDelaysMs.length) {
        digests.retryLater(sub.id, period, message, new Date(now.getTime() + this.retryDelaysMs[claim.attempt - 1]!));
        this.logger.warn({ ...log, err }, 'digest send failed; will retry');
      } else {
        digests.fail(sub.id, period, message, this.clock.now());
        this.logger.error({ ...log, err }, 'digest send failed for the last time');
      }
    }
  }

  /** When the next thing is due: the next scheduled period or retry. */
  nextWake(now: Date): Date {
    let next = now.getTime() + this.maxSleepMs;
    for (const sub of this.parts.digests.active()) {
      const run = cronFor(sub).nextRun(now);
      if (run) next = Math.min(next, run.getTime());
    }
    return new Date(Math.max(next, now.getTime() + 50));
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.loop = (async () => {
      while (!signal.aborted) {
        try {
          await this.runDue();
        } catch (err) {
          this.logger.error({ err }, 'digest scheduler round failed');
        }
        const now = this.clock.now();
        await this.clock.sleep(this.nextWake(now).getTime() - now.getTime(), signal);
      }
    })();
  }

  /** Stops scheduling; a digest being sent finishes first. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = null;
  }
}
