import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

/** Keys this store keeps before it sweeps those with no hit left in the window (a sweep is one pass over the map). */
const SWEEP_AT = 10_000;

/**
 * An express-rate-limit store on the app's clock (deps.now) instead of Date.now, so that a limit counted in the
 * learner's hours follows COTE_CLOCK_START and tests that move the clock. A sliding window: at most `limit` hits in
 * any `windowMs`, and a refused hit is not counted (trying again while refused does not push the end further).
 * In memory: cote runs as one process, and a restart forgetting the counts only allows one more window. Holds at
 * most `limit` instants per key that was hit within the window.
 */
export class ClockRateStore implements Store {
  readonly localKeys = true;
  private windowMs = 60_000;
  private limit = Number.POSITIVE_INFINITY;
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => Date) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    if (typeof options.limit === 'number') this.limit = options.limit;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const times = this.recent(key, this.now().getTime());
    return times.length ? this.info(times, times.length) : undefined;
  }

  increment(key: string): ClientRateLimitInfo {
    const now = this.now().getTime();
    if (this.hits.size >= SWEEP_AT) for (const k of [...this.hits.keys()]) this.recent(k, now);
    const times = this.recent(key, now);
    if (times.length >= this.limit) return this.info(times, times.length + 1);
    times.push(now);
    this.hits.set(key, times);
    return this.info(times, times.length);
  }

  decrement(key: string): void {
    this.hits.get(key)?.pop();
  }

  resetKey(key: string): void {
    this.hits.delete(key);
  }

  resetAll(): void {
    this.hits.clear();
  }

  /** The key's hits still inside the window ending at `now`; a key with none left is forgotten. */
  private recent(key: string, now: number): number[] {
    const times = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length) this.hits.set(key, times);
    else this.hits.delete(key);
    return times;
  }

  /** When the oldest hit leaves the window, one more is allowed. */
  private info(times: number[], totalHits: number): ClientRateLimitInfo {
    return { totalHits, resetTime: new Date((times[0] ?? this.now().getTime()) + this.windowMs) };
  }
}
