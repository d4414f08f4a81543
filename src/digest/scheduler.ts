// Fires each subscription at its local time (croner computes the times, daylight saving
// included), builds its digest and hands it to the platform's sender. The clock is injectable,
// so tests run weeks of schedules in milliseconds.
import { Cron } from 'croner';
import { addDays } from '../core/dates.ts';
import type { Directory } from '../core/directory.ts';
import { bold, doc, heading, type Doc } from '../core/doc.ts';
import { formatDate, t, type Locale } from '../i18n/index.ts';
import type { Claim } from '../core/model.ts';
import type { Logger } from '../log.ts';
import type { ClaimBrief, ClaimsRepo } from '../store/claims-repo.ts';
import type { DigestRepo, Platform, Subscription } from '../store/digest-repo.ts';
import type { LookupRepo } from '../store/lookup-repo.ts';
import { seriesId } from '../core/answer/compose.ts';
import { composeDigest, emptyDigest, inFilter, type DigestChange, type SeriesHeadline } from './content.ts';

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
  /** The General Staff's daily card (the /today view) in a language, for subscriptions that carry it. */
  card?: (locale: Locale) => Doc;
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

/** Claims read per statement while building a digest (about a millisecond's work). */
const DIGEST_SLICE = 200;
/** Brief rows (a few columns, no validation) read per statement. */
const BRIEF_SLICE = 2000;
/** Audit entries read per statement. */
const AUDIT_PAGE = 2000;
/** A digest being built gives the event loop a turn after this much work. */
const SLICE_MS = 8;

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

  /** "Daily digest, 22 November 2026", in the subscription's language. */
  title(sub: Subscription, at: Date): string {
    const local = at.toLocaleDateString('en-CA', { timeZone: sub.timezone });
    return t(sub.language, 'digest-title', { frequency: sub.frequency, date: formatDate(sub.language, local) });
  }

  /** A digest with the daily card at its top when the subscription carries it. */
  private withCard(sub: Subscription, digest: Doc): Doc {
    if (!sub.card || !this.parts.card) return digest;
    let card: Doc;
    try {
      card = this.parts.card(sub.language);
    } catch (err) {
      // A card that cannot be built never costs the digest.
      this.logger.warn({ err, subscription: sub.id }, 'daily card for a digest could not be built; sent without it');
      return digest;
    }
    return doc(digest.title, [...(card.title ? [heading(bold(card.title))] : []), ...card.blocks, ...digest.blocks.map((b, i) => (i === 0 && !b.heading ? { ...b, heading: true } : b))]);
  }

  /** The digest with nothing new, in the subscription's language. */
  private empty(sub: Subscription, at: Date): Doc {
    return this.withCard(sub, emptyDigest(this.title(sub, at), sub.language));
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

  /**
   * Builds the digest, yielding after each slice of work. Changes are first sorted out on a few
   * columns read without validation; only the claims the digest shows one by one (and the first
   * change of each running total, which places its headline) are read whole, so a digest after an
   * import of 25,000 figures reads a few dozen claims, not 25,000.
   */
  private *buildSteps(sub: Subscription, auditTo: number, at: Date): Generator<void, Doc | null> {
    const { claims, lookup, digests } = this.parts;
    const dir = this.parts.directory();
    // Yield whenever a slice has run for SLICE_MS, whatever the work: the loops below check.
    let sliceStart = performance.now();
    const due = () => performance.now() - sliceStart > SLICE_MS;
    // Read in pages: one statement for 25,000 changes alone held the loop for some 40 ms.
    const entries: ReturnType<typeof digests.auditRange> = [];
    for (let from = sub.lastAuditId; ; ) {
      const page = digests.auditRange(from, auditTo, AUDIT_PAGE);
      entries.push(...page);
      if (page.length < AUDIT_PAGE) break;
      from = page.at(-1)!.id;
      if (due()) {
        yield;
        sliceStart = performance.now();
      }
    }
    yield;
    sliceStart = performance.now();
    const briefs = new Map<number, ClaimBrief>();
    const claimIds = [...new Set(entries.map((e) => e.claimId))];
    for (let i = 0; i < claimIds.length; i += BRIEF_SLICE) {
      for (const b of claims.briefs(claimIds.slice(i, i + BRIEF_SLICE))) briefs.set(b.id, b);
      if (due()) {
        yield;
        sliceStart = performance.now();
      }
    }
    // Which entries the digest shows: in the filter, and as the claim stands now (a claim changed
    // again within the window is reported once; an addition later replaced or retracted is
    // covered by the later entry). Of a running total's updates, the first places its headline.
    const kept: { entry: (typeof entries)[number]; beforeId: number | null }[] = [];
    const earliest = new Map<string, { key: { claimant: string; subject: string; metric: Claim['metric']; periodKind: 'cumulative' }; from: string }>();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const b = briefs.get(entry.claimId);
      if (!b || !inFilter(b, sub)) continue;
      if (b.status === 'superseded' || ((entry.action === 'add' || entry.action === 'import') && b.status !== 'active')) continue;
      const seriesUpdate = entry.action !== 'retract' && b.status === 'active' && b.periodKind === 'cumulative' && b.periodEnd !== null && b.low !== null && b.low === b.high;
      if (seriesUpdate) {
        const id = seriesId(b);
        const e = earliest.get(id);
        if (!e) earliest.set(id, { key: { claimant: b.claimant, subject: b.subject, metric: b.metric, periodKind: 'cumulative' }, from: b.periodEnd! });
        else {
          if (b.periodEnd! < e.from) e.from = b.periodEnd!;
          if (entry.action !== 'edit') continue;
        }
      }
      kept.push({ entry, beforeId: entry.before ? beforeId(entry.before) : null });
      if (i % 1000 === 0 && due()) {
        yield;
        sliceStart = performance.now();
      }
    }
    yield;
    sliceStart = performance.now();
    const wanted = [...new Set(kept.flatMap((k) => (k.beforeId === null ? [k.entry.claimId] : [k.entry.claimId, k.beforeId])))];
    const byId = new Map<number, Claim>();
    for (let i = 0; i < wanted.length; i += DIGEST_SLICE) {
      for (const c of claims.getMany(wanted.slice(i, i + DIGEST_SLICE))) byId.set(c.id, c);
      if (due()) {
        yield;
        sliceStart = performance.now();
      }
    }
    const shown: DigestChange[] = [];
    for (const { entry, beforeId: previous } of kept) {
      const current = byId.get(entry.claimId);
      // A row that cannot be read is skipped (and logged): one bad row never stops a digest.
      if (!current) continue;
      shown.push({ action: entry.action, claim: current, previous: previous ? (byId.get(previous) ?? null) : null, reason: entry.reason });
    }
    const headlines = new Map<string, SeriesHeadline>();
    for (const [id, { key, from }] of earliest) {
      const [latest] = lookup.latestCumulative([key], null);
      const [before] = lookup.latestCumulative([key], addDays(from, -1));
      if (latest) headlines.set(id, { latest, before: before ?? null });
      if (due()) {
        yield;
        sliceStart = performance.now();
      }
    }
    yield;
    const digest = composeDigest({ title: this.title(sub, at), changes: shown, headlines, directory: dir, locale: sub.language });
    return digest && this.withCard(sub, digest);
  }

  /** What the next digest would say now; writes nothing. */
  preview(sub: Subscription): Doc {
    const now = this.clock.now();
    return this.build(sub, this.parts.digests.maxAudit(), now) ?? this.empty(sub, now);
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
      await this.senders[sub.platform]!.send(sub, digest ?? this.empty(sub, now));
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
