// The chain as the adapters see it: one per application, shared by every adapter in the process,
// so there is one preview store and one set of limits whichever platform a press comes from.
import { COMMANDS } from '../../commands/index.ts';
import type { Logger as CommandLogger } from '../../commands/run.ts';
import type { QuestionLimiter } from '../../commands/rate-limit.ts';
import type { CommandServices } from '../../commands/ports.ts';
import type { Access } from '../services/access.ts';
import type { DigestService } from '../digest/scheduler.ts';
import { createChain, type Chain } from './chain.ts';

export { createChain, type Chain } from './chain.ts';
export type { Incoming, Outgoing, Button, Rights, MaybePromise } from './types.ts';
export { PreviewStore } from './confirmations.ts';

/** What an adapter needs beyond the commands' ports: attaching its digest sender, and following rights. */
export type AdapterServices = CommandServices & {
  digests: Pick<DigestService, 'setSender'>;
  access: Pick<Access, 'isNamedModerator' | 'isOwner' | 'config' | 'named' | 'onChange'>;
};

const shared = new WeakMap<object, Map<QuestionLimiter | undefined, Chain>>();

/**
 * The chain for these services and limits: created by the first adapter that asks, and the same
 * one for every adapter after it that shares them (main.ts gives both bots one limiter).
 */
export function chainFor(services: CommandServices, options: { limiter?: QuestionLimiter | undefined; logger?: CommandLogger | undefined } = {}): Chain {
  let byLimiter = shared.get(services);
  if (!byLimiter) shared.set(services, (byLimiter = new Map()));
  let chain = byLimiter.get(options.limiter);
  if (!chain) {
    chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services, limiter: options.limiter, logger: options.logger });
    byLimiter.set(options.limiter, chain);
  }
  return chain;
}
