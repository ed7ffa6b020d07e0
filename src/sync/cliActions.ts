import { CommanderError } from 'commander';
import type { CliContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { silentLogger } from '../log.ts';
import { learnerFor } from '../learners/learnerRef.ts';
import { setAccounts, type AccountsInput } from './accounts.ts';
import { accountsOf } from './syncRepository.ts';
import { allFailed, resultJson, syncLearner } from './runSync.ts';
import type { SyncSource } from './types.ts';

// The work behind `cote learner set` and `cote sync`, loaded only when one runs.

type Options = Record<string, string | string[] | boolean | undefined>;

/** `cote learner set <login> [--codeforces H] [--leetcode U] [--solvedac H] [--repo URL]...`. */
export function learnerSetCommand(ctx: CliContext, login: string, o: Options): void {
  const learner = learnerFor(ctx.db(), login);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const input: AccountsInput = {
    codeforces: text(o.codeforces),
    leetcode: text(o.leetcode),
    solvedac: text(o.solvedac),
  };
  if (Array.isArray(o.repo)) input.repos = o.repo.filter((r) => r.trim() !== '');
  if (Object.values(input).every((v) => v === undefined)) {
    throw new AppError('sync.nothing_to_set', 'nothing to set: give --codeforces, --leetcode, --solvedac or --repo');
  }
  // Repositories are checked as on the accounts page: private addresses only with COTE_ALLOW_PRIVATE_SOURCES.
  setAccounts(ctx.db(), learner.id, input, { allowPrivate: ctx.config.allowPrivateSources, now: ctx.now() });
  const accounts = accountsOf(ctx.db(), learner.id);
  ctx.out(`accounts of ${learner.login}: ${accounts.map((a) => `${a.source} ${a.handle}`).join(', ') || 'none'}`);
}

/** `cote sync --learner L [--source S] [--json]`: exit status 1 when every source asked for failed. */
export async function syncCommand(ctx: CliContext, o: Options): Promise<void> {
  const learner = learnerFor(ctx.db(), o.learner);
  const sources = typeof o.source === 'string' ? [o.source as SyncSource] : undefined;
  const deps = { db: ctx.db(), config: ctx.config, logger: silentLogger, now: () => ctx.now() };
  const results = await syncLearner(deps, learner, sources);
  if (o.json) ctx.out(JSON.stringify({ sources: results.map(resultJson) }, null, 2));
  else
    for (const r of results)
      ctx.out(`${r.source}: fetched ${r.fetched}, imported ${r.imported} over ${r.days} days, skipped ${r.skipped}`);
  for (const r of results) if (r.error) ctx.err(`cote: ${r.source}: ${r.error}`);
  // Every source failed: each printed its own line above, so the exit status is all that is left to say.
  if (allFailed(results)) throw new CommanderError(1, 'cote.sync.failed', '');
}
