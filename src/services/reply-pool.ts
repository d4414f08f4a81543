// Composing answers and views off the bot's event loop. Reading a question, looking up its series
// and writing the answer costs about a millisecond of CPU; when hundreds of people ask within a
// second that queues every other reply behind it. Worker threads, each with its own read-only
// connection to the same database file, compose; the main thread only receives, caches and sends.
// For an in-memory database (tests, one-off commands) there is no pool and everything runs inline.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Answer } from '../core/answer/compose.ts';
import { adoptAnswerDoc } from '../core/answer/to-doc.ts';
import type { Doc } from '../core/doc.ts';
import type { Locale } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { UnreadableClaim } from '../store/claims-repo.ts';
import type { AnswerAction, ViewReply } from './views-service.ts';

export type ReplyJob =
  | { kind: 'answer'; question: string; locale: Locale | null; now: string }
  | { kind: 'view'; question: string; action: AnswerAction | null; locale: Locale | null; now: string };
export type ReplyJobResult<J extends ReplyJob> = J extends { kind: 'answer' } ? Answer : ViewReply;

export interface ReplyWorkerData {
  databasePath: string;
  dataDir: string;
}
/** From a worker: ready after warming up, a job's result or failure, or a claim row it skipped. */
export type ReplyWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: Answer | ViewReply; answerDoc?: Doc }
  | { type: 'failed'; id: number; message: string }
  | { type: 'unreadable'; row: UnreadableClaim };

/** The pool cannot take jobs (its workers keep failing to start): compose in this thread instead. */
export class PoolUnavailableError extends Error {
  constructor(reason: string) {
    super(`the reply workers are unavailable: ${reason}`);
    this.name = 'PoolUnavailableError';
  }
}

/** What the health endpoint says of the workers. */
export interface ReplyPoolStatus {
  size: number;
  ready: number;
  /** Jobs sent and not yet answered. */
  pending: number;
  /** Why the pool stopped taking jobs (answers are then composed on the main thread), or null. */
  disabled: string | null;
}

export interface ReplyPoolOptions {
  databasePath: string;
  dataDir: string;
  size: number;
  logger?: Logger | undefined;
  /** A job not answered within this is failed and its worker replaced (default 30 s). */
  jobTimeoutMs?: number;
  /** A worker that dies this many times in a row before becoming ready disables the pool (default 3). */
  maxStartFailures?: number;
}

/** Compiled, the worker is a .js file beside this one; from the sources (tests, tsx) it needs tsx. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './reply-worker.ts' : './reply-worker.js', import.meta.url);
const WORKER_EXEC_ARGV = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];

/** Workers for ANSWER_WORKERS=auto: every core but the one the event loop runs on, at least one, at most four. */
export function autoWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The answer a job's result is or shows (a view that is an answer), if any. */
export function answerIn(kind: ReplyJob['kind'], result: Answer | ViewReply): Answer | null {
  if (kind === 'answer') return result as Answer;
  const view = result as ViewReply;
  return view.kind === 'answer' ? view.answer : null;
}

interface Pending {
  kind: ReplyJob['kind'];
  resolve: (value: Answer | ViewReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker and the jobs it holds. */
class Slot {
  worker: Worker;
  ready = false;
  readonly jobs = new Map<number, Pending>();

  constructor(
    private readonly pool: ReplyPool,
    readonly index: number,
    data: ReplyWorkerData,
  ) {
    this.worker = new Worker(WORKER_URL, { workerData: data, execArgv: WORKER_EXEC_ARGV, name: `lossbot-reply-${index}` });
    // The bot's network keeps the process alive; a worker alone must not.
    this.worker.unref();
    this.worker.on('message', (m: ReplyWorkerMessage) => pool.onMessage(this, m));
    this.worker.on('error', (error) => pool.onFailure(this, error));
    this.worker.on('exit', (code) => pool.onFailure(this, new Error(`the worker exited (code ${code})`)));
  }

  settle(id: number): Pending | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    clearTimeout(job.timer);
    this.jobs.delete(id);
    return job;
  }

  /** Asks the worker to close its connection and end; terminates it if it has not within `ms`. */
  async stop(ms: number): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ close: true });
    const timer = setTimeout(() => void this.worker.terminate().catch(() => undefined), ms);
    await exited;
    clearTimeout(timer);
  }

  failAll(error: Error): void {
    for (const id of [...this.jobs.keys()]) this.settle(id)!.reject(error);
  }
}

export class ReplyPool {
  private readonly slots: (Slot | null)[];
  private readonly data: ReplyWorkerData;
  private readonly jobTimeoutMs: number;
  private readonly maxStartFailures: number;
  private nextId = 1;
  private startFailures = 0;
  private disabled: string | null = null;
  private closed = false;

  constructor(private readonly options: ReplyPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`reply pool size must be a whole number of at least 1, not ${options.size}`);
    this.data = { databasePath: options.databasePath, dataDir: options.dataDir };
    this.jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
    this.maxStartFailures = options.maxStartFailures ?? 3;
    this.slots = Array.from({ length: options.size }, (_, i) => new Slot(this, i, this.data));
  }

  get size(): number {
    return this.slots.length;
  }

  status(): ReplyPoolStatus {
    return {
      size: this.slots.length,
      ready: this.slots.filter((s) => s?.ready).length,
      pending: this.slots.reduce((n, s) => n + (s?.jobs.size ?? 0), 0),
      disabled: this.disabled,
    };
  }

  /** Resolves once every worker has warmed up (or the pool gave up); for start-up and tests. */
  async ready(timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.disabled && !this.closed && this.slots.some((s) => !s?.ready) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return !this.disabled && !this.closed && this.slots.every((s) => s?.ready);
  }

  /**
   * Composes `job` on the least busy ready worker. Rejects with PoolUnavailableError when none is
   * ready (starting, or being replaced): the caller composes in its own thread meanwhile.
   */
  run<J extends ReplyJob>(job: J): Promise<ReplyJobResult<J>> {
    if (this.closed) return Promise.reject(new PoolUnavailableError('closed'));
    if (this.disabled) return Promise.reject(new PoolUnavailableError(this.disabled));
    let slot: Slot | null = null;
    for (const s of this.slots) if (s?.ready && (!slot || s.jobs.size < slot.jobs.size)) slot = s;
    if (!slot) return Promise.reject(new PoolUnavailableError('no worker is ready yet'));
    const id = this.nextId++;
    const chosen = slot;
    return new Promise<ReplyJobResult<J>>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!chosen.settle(id)) return;
        reject(new Error(`composing the reply took longer than ${this.jobTimeoutMs / 1000} s`));
        // Whatever holds the worker (a pathological question) must not hold the jobs behind it.
        this.options.logger?.error({ worker: chosen.index, question: job.question.slice(0, 200) }, 'a reply worker did not answer in time; replacing it');
        this.replace(chosen, new Error('replaced after a job timed out'));
      }, this.jobTimeoutMs);
      timer.unref();
      chosen.jobs.set(id, { kind: job.kind, resolve: resolve as (v: Answer | ViewReply) => void, reject, timer });
      chosen.worker.postMessage({ id, job });
    });
  }

  /** Stops every worker, each closing its connection first (or terminated after 5 s); jobs still out are failed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopping: Promise<unknown>[] = [];
    for (const [i, slot] of this.slots.entries()) {
      if (!slot) continue;
      this.slots[i] = null;
      slot.failAll(new PoolUnavailableError('closed'));
      stopping.push(slot.stop(5_000));
    }
    await Promise.allSettled(stopping);
  }

  /** @internal a worker's message */
  onMessage(slot: Slot, m: ReplyWorkerMessage): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
    } else if (m.type === 'done') {
      const job = slot.settle(m.id);
      if (!job) return;
      const answer = m.answerDoc ? answerIn(job.kind, m.result) : null;
      if (answer) adoptAnswerDoc(answer, m.answerDoc!);
      job.resolve(m.result);
    }
    else if (m.type === 'failed') slot.settle(m.id)?.reject(new Error(m.message));
    else this.options.logger?.warn({ claim: m.row.id, problems: m.row.problems }, 'claim row cannot be read; skipped (run doctor)');
  }

  /** @internal a worker's error or exit */
  onFailure(slot: Slot, error: Error): void {
    if (this.closed || this.slots[slot.index] !== slot) return;
    this.options.logger?.error({ err: error, worker: slot.index }, 'a reply worker failed; starting another');
    if (!slot.ready) this.startFailures++;
    this.replace(slot, error);
  }

  private replace(slot: Slot, error: Error): void {
    if (this.slots[slot.index] !== slot) return;
    this.slots[slot.index] = null;
    // The jobs queued behind the one at fault are composed by their callers instead.
    slot.failAll(new PoolUnavailableError(`its worker was replaced (${error.message})`));
    void slot.worker.terminate().catch(() => undefined);
    if (this.closed) return;
    if (this.startFailures >= this.maxStartFailures) {
      this.disabled = `${this.startFailures} workers in a row failed before they were ready (last: ${error.message})`;
      this.options.logger?.error({ reason: this.disabled }, 'reply workers disabled; composing on the main thread');
      return;
    }
    this.slots[slot.index] = new Slot(this, slot.index, this.data);
  }
}
