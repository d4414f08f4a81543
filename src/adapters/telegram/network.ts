// Calls to the Bot API when the network fails: retried a bounded number of times with backoff,
// each failure reported, so the supervisor sees an outage and ends the process if it lasts.
// grammY's own getUpdates loop and auto-retry's defaults retry network errors forever, silently.
import { HttpError, type Transformer } from 'grammy';
import type { PartReporter } from '../../service/supervisor.ts';

export interface NetworkRetryOptions {
  /** Retries after the first failure of one call (getUpdates is retried by its polling loop). */
  retries: number;
  /** The first wait; doubled after each failure. */
  firstDelayMs: number;
  status?: PartReporter | undefined;
}

const pause = (ms: number, signal?: { aborted: boolean; addEventListener(type: 'abort', listener: () => void, options?: { once: boolean }): void; removeEventListener(type: 'abort', listener: () => void): void }) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

export function boundedNetworkRetry(options: NetworkRetryOptions): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await prev(method, payload, signal);
        options.status?.report('ready');
        return result;
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        options.status?.report('degraded', `${method}: ${error.message}`);
        if (method === 'getUpdates' || attempt >= options.retries) throw error;
        await pause(options.firstDelayMs * 2 ** attempt, signal);
      }
    }
  };
}
