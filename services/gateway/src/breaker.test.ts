import type { Logger } from '@lantoa/kit';
import { describe, expect, it } from 'vitest';
import { createCircuitBreaker, SubgraphUnavailableError } from './breaker.js';

function setup(threshold = 3, coolDownMs = 1_000) {
  let now = 0;
  const logged: string[] = [];
  const log: Logger = { debug: () => {}, info: (m) => void logged.push(`info ${m}`), warn: (m) => void logged.push(`warn ${m}`), error: () => {} };
  const breaker = createCircuitBreaker({ subgraph: 'organizations', log, threshold, coolDownMs, now: () => now });
  return { breaker, logged, advance: (ms: number) => void (now += ms) };
}

describe('circuit breaker', () => {
  it('opens after `threshold` consecutive failures and refuses at once while open', () => {
    const { breaker, logged } = setup();
    breaker.failed('ECONNREFUSED');
    breaker.failed('ECONNREFUSED');
    expect(breaker.state()).toBe('closed');
    expect(() => breaker.admit()).not.toThrow();
    breaker.failed('ECONNREFUSED');
    expect(breaker.state()).toBe('open');
    expect(() => breaker.admit()).toThrow(SubgraphUnavailableError);
    expect(logged.filter((l) => l.startsWith('warn subgraph unavailable'))).toHaveLength(1);
  });

  it('counts only consecutive failures: a success in between starts again', () => {
    const { breaker } = setup();
    breaker.failed('x');
    breaker.failed('x');
    breaker.succeeded();
    breaker.failed('x');
    breaker.failed('x');
    expect(breaker.state()).toBe('closed');
  });

  it('lets one probe through after the cool-down; its success closes, its failure opens again', () => {
    const { breaker, advance, logged } = setup();
    for (let i = 0; i < 3; i++) breaker.failed('timeout');
    advance(999);
    expect(() => breaker.admit()).toThrow(SubgraphUnavailableError);
    advance(1);
    expect(() => breaker.admit()).not.toThrow(); // the probe
    expect(breaker.state()).toBe('half-open');
    expect(() => breaker.admit(), 'others wait for the probe').toThrow(SubgraphUnavailableError);
    breaker.failed('timeout');
    expect(breaker.state()).toBe('open');
    advance(1_000);
    breaker.admit();
    breaker.succeeded();
    expect(breaker.state()).toBe('closed');
    expect(() => breaker.admit()).not.toThrow();
    expect(logged.at(-1)).toBe('info subgraph available again');
  });
});
