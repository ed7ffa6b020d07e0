import type { FuzzOptions } from './run.ts';

export const DEFAULT_SEED = 8;
export const DEFAULT_PER_ROLE = 50;

/** Options from FUZZ_SEED, FUZZ_PER_ROLE and FUZZ_ONLY; the defaults make CI runs identical. */
export function fuzzOptionsFromEnv(env: NodeJS.ProcessEnv): FuzzOptions {
  const seed = env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(env.FUZZ_SEED ?? DEFAULT_SEED);
  const perRole = Number(env.FUZZ_PER_ROLE ?? DEFAULT_PER_ROLE);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`FUZZ_SEED=${env.FUZZ_SEED} is not a whole number (or "random")`);
  if (!Number.isSafeInteger(perRole) || perRole < 1)
    throw new Error(`FUZZ_PER_ROLE=${env.FUZZ_PER_ROLE} is not a positive whole number`);
  return { seed, perRole, only: env.FUZZ_ONLY ? new RegExp(env.FUZZ_ONLY) : undefined };
}
