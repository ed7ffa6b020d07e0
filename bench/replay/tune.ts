/**
 * npx tsx bench/replay/tune.ts <dir> [name=v1,v2 …] — the tuning set only: pooled log loss of cote's P(solve) on the
 * tuning learners for each setting of TUNING constants given (a grid). Never reads the held-out learners' figures, so
 * a choice made with it stays honest (histories.ts: the split).
 */
import { TUNING } from '../../src/planner/tuning.ts';
import { readHistories, setOf } from './histories.ts';
import { brier, logLoss, replayHistory } from './replay.ts';

const [dir, ...grid] = process.argv.slice(2);
const histories = readHistories(dir);
if (typeof histories === 'string') throw new Error(histories);
const tuning = histories.filter((h) => setOf(h.name) === 'tuning');
const axes = grid.map((g) => {
  const [name, values] = g.split('=');
  return { name: name as keyof typeof TUNING, values: values.split(',').map(Number) };
});
function run(i: number): void {
  if (i < axes.length) {
    for (const v of axes[i].values) {
      (TUNING as unknown as Record<string, number>)[axes[i].name] = v;
      run(i + 1);
    }
    return;
  }
  const replays = tuning.map((h) => replayHistory(h.name, h.attempts));
  const all = (m: 'cote' | 'typeRate') => replays.flatMap((r) => r.scored[m]);
  const setting = axes.map((a) => `${a.name}=${TUNING[a.name]}`).join(' ');
  const v = replays.reduce((s, r) => s + r.violations, 0);
  process.stdout.write(
    `${setting} | tuning ${tuning.length} learners: cote ${logLoss(all('cote')).toFixed(4)} (Brier ${brier(all('cote')).toFixed(4)}), per-type rate ${logLoss(all('typeRate')).toFixed(4)}, violations ${v}\n`,
  );
}
run(0);
