// Previews waiting for Confirm: one store for every platform, kept by the chain.
import { randomToken } from './random-token.ts';
import type { CommandDefinition } from '../../commands/types.ts';

export interface Pending {
  command: CommandDefinition;
  options: Record<string, unknown>;
  userNames: Readonly<Record<string, string>>;
  actorKey: string;
  expires: number;
}

export type Remembered = { ok: true; token: string } | { ok: false; reason: 'full' };
export type Taken = { ok: true; pending: Pending } | { ok: false; reason: 'expired' | 'not_yours' };

/**
 * In memory on purpose: a preview from before a restart should be looked at again, not written
 * blind. Bounded in time, per person and in all: a new preview replaces only its own author's
 * oldest, and when every slot is taken by others it is refused, so no one can push out another
 * moderator's pending Confirm.
 */
export class PreviewStore {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxPending = 1000,
    private readonly maxPerActor = 5,
  ) {}

  remember(command: CommandDefinition, options: Record<string, unknown>, userNames: Readonly<Record<string, string>>, actorKey: string): Remembered {
    this.sweep();
    const own = [...this.pending].filter(([, p]) => p.actorKey === actorKey);
    // One's own oldest previews make room; nobody else's.
    while (own.length >= this.maxPerActor) this.pending.delete(own.shift()![0]);
    if (this.pending.size >= this.maxPending) return { ok: false, reason: 'full' };
    const token = randomToken(9);
    this.pending.set(token, { command, options, userNames, actorKey, expires: this.clock() + this.ttlMs });
    return { ok: true, token };
  }

  /** The pending preview under a token, without taking it (to learn which rights the presser needs). */
  peek(token: string): Pending | null {
    this.sweep();
    return this.pending.get(token) ?? null;
  }

  /** Takes a preview for its own author only; once. */
  take(token: string, actorKey: string): Taken {
    this.sweep();
    const p = this.pending.get(token);
    if (!p) return { ok: false, reason: 'expired' };
    if (p.actorKey !== actorKey) return { ok: false, reason: 'not_yours' };
    this.pending.delete(token);
    return { ok: true, pending: p };
  }

  pendingFor(actorKey: string): number {
    this.sweep();
    return [...this.pending.values()].filter((p) => p.actorKey === actorKey).length;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, p] of this.pending) if (p.expires <= now) this.pending.delete(token);
  }
}
