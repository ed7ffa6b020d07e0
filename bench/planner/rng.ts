/**
 * Deterministic randomness for the simulation: no Math.random anywhere. Every draw is addressed by a key
 * (master seed, stream, learner, problem, attempt …), so two planners that reach the same attempt of the
 * same problem by the same learner see the same coin — the pairing the benchmark relies on.
 */

/** A 32-bit finaliser (lowbias32 by Chris Wellons): a good avalanche for consecutive inputs. */
export function mix32(x: number): number {
  x = x >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a of a string, then mixed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A stable unsigned 32-bit hash of a key made of numbers and strings (order matters). */
export function hashKey(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const v = typeof part === 'number' ? mix32(part | 0) ^ mix32(Math.floor(part / 4294967296)) : hashString(part);
    h = mix32((h ^ v) + 0x9e3779b9 + ((h << 6) >>> 0) + (h >>> 2));
  }
  return h;
}

/** A small PRNG (mulberry32) for a stream of draws under one key. */
export class Rng {
  private state: number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static of(...key: Array<number | string>): Rng {
    return new Rng(hashKey(...key));
  }

  /** Uniform in (0, 1): never exactly 0, so logs are safe. */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return mean + sd * z;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const a = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(a);
    return mean + sd * r * Math.cos(a);
  }

  /** Poisson by inversion (fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

/** One uniform draw addressed by a key: the paired coin of an event. */
export function uniformAt(...key: Array<number | string>): number {
  return Rng.of(...key).uniform();
}
