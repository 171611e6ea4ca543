/** The launcher's restart policy (scripts/lib/processes.ts), on a fake clock; tests/faults.test.ts runs it for real. */
import { describe, expect, it } from 'vitest';
import { crashCounter, RESTART_POLICY } from '../scripts/lib/processes.js';

describe('crashCounter', () => {
  it('waits 0.5 s, then twice as long after each crash, and gives up at the 5th within 60 s', () => {
    let now = 0;
    const counter = crashCounter(RESTART_POLICY, () => now);
    const delays = [];
    for (let i = 0; i < 4; i++) {
      delays.push(counter.crashed().delayMs);
      now += 1_000;
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000]);
    expect(counter.crashed()).toEqual({ delayMs: undefined, count: 5 });
  });

  it('forgets crashes older than the window, and never waits more than 10 s', () => {
    let now = 0;
    const counter = crashCounter({ ...RESTART_POLICY, maxCrashes: 100 }, () => now);
    for (let i = 0; i < 10; i++) counter.crashed();
    expect(counter.crashed().delayMs).toBe(10_000);
    now += 60_001;
    expect(counter.crashed()).toEqual({ delayMs: 500, count: 1 });
  });
});
