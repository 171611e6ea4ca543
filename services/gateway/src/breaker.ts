import type { Logger } from '@lantoa/kit';

/** A subgraph could not be reached, or is known to be down: the gateway answers SERVICE_UNAVAILABLE for its part. */
export class SubgraphUnavailableError extends Error {
  override name = 'SubgraphUnavailableError';
  constructor(
    readonly subgraph: string,
    readonly reason: string,
    options?: ErrorOptions & {
      /** False when the request surely never reached the subgraph (refused, or not sent while the circuit is open). */
      mayHaveArrived?: boolean;
    },
  ) {
    super(`Subgraph "${subgraph}" is unavailable: ${reason}`, options);
    this.mayHaveArrived = options?.mayHaveArrived ?? true;
  }
  readonly mayHaveArrived: boolean;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** Throws SubgraphUnavailableError while the subgraph is known to be down; otherwise lets the request go. */
  admit(): void;
  /** The subgraph answered (any HTTP status but 502/503/504). */
  succeeded(): void;
  /** The subgraph could not be reached, reset the connection, timed out, or its proxy said it is down. */
  failed(reason: string, requestId?: string): void;
  state(): BreakerState;
}

export interface BreakerOptions {
  subgraph: string;
  log: Logger;
  /** Consecutive failures that open the circuit. */
  threshold?: number;
  /** How long an open circuit refuses before letting one probe request through. */
  coolDownMs?: number;
  now?: () => number;
}

/**
 * One per subgraph. After `threshold` consecutive connection failures the
 * circuit opens: requests for that subgraph are refused at once for
 * `coolDownMs`, instead of each waiting out a connect or request timeout.
 * Then one request goes through as a probe (half-open) while the others are
 * still refused; its success closes the circuit, its failure opens it again.
 * Only transitions are logged, so a dead subgraph does not flood the log.
 */
export function createCircuitBreaker(o: BreakerOptions): CircuitBreaker {
  const threshold = o.threshold ?? 3;
  const coolDownMs = o.coolDownMs ?? 1_000;
  const now = o.now ?? Date.now;
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let downSince = 0;
  let lastReason = '';

  const open = (reason: string) => {
    if (state === 'closed') {
      downSince = now();
      o.log.warn('subgraph unavailable: failing fast until it answers again', { subgraph: o.subgraph, reason, failures });
    }
    state = 'open';
    openedAt = now();
    lastReason = reason;
  };

  return {
    admit() {
      if (state === 'closed') return;
      if (state === 'open' && now() - openedAt >= coolDownMs) {
        state = 'half-open'; // this request is the probe
        return;
      }
      throw new SubgraphUnavailableError(o.subgraph, `known to be down (${lastReason}); retrying it every ${coolDownMs} ms`, { mayHaveArrived: false });
    },
    succeeded() {
      if (state !== 'closed') {
        o.log.info('subgraph available again', { subgraph: o.subgraph, downForMs: now() - downSince });
      }
      state = 'closed';
      failures = 0;
    },
    failed(reason, requestId) {
      failures++;
      if (state === 'half-open' || failures >= threshold) open(reason);
      else o.log.warn('subgraph request failed', { subgraph: o.subgraph, reason, requestId, failures });
    },
    state: () => state,
  };
}
