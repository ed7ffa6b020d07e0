import { expect } from 'chai';
import { refreshAfterPause, type Timers } from '../../src/web/planRefresh.ts';

/** Timers on a clock the test moves: `advance` fires what falls due, in order. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    now: () => now,
    set: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clear: (id) => void due.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const first = [...due].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > end) break;
      due.delete(first[0]);
      now = first[1].at;
      first[1].run();
    }
    now = end;
  };
  return { timers, advance };
}

describe('plan refresh after a pause in writing', () => {
  it('refreshAfterPause() – one solve – the plan is refreshed once, 10 s later', () => {
    const { timers, advance } = manualTimers();
    const runs: [number, number][] = [];
    const wrote = refreshAfterPause((id) => runs.push([id, timers.now()]), 10_000, 60_000, timers);
    wrote(7);
    advance(9_999);
    expect(runs).to.deep.equal([]);
    advance(1);
    expect(runs).to.deep.equal([[7, 10_000]]);
    advance(120_000);
    expect(runs).to.have.length(1);
  });

  it('refreshAfterPause() – solves 3 s apart for 90 s – one run at the minute while they last, one 10 s after the last', () => {
    const { timers, advance } = manualTimers();
    const runs: number[] = [];
    const wrote = refreshAfterPause(() => runs.push(timers.now()), 10_000, 60_000, timers);
    for (let t = 0; t < 90_000; t += 3_000) {
      wrote(1);
      advance(3_000);
    }
    advance(30_000);
    // A run every 10 s (9) before the pause rule; without the minute's cap, one run only, 97 s after the first solve.
    expect(runs).to.deep.equal([60_000, 87_000 + 10_000]);
  });

  it('refreshAfterPause() – two learners – each refreshed on their own pause', () => {
    const { timers, advance } = manualTimers();
    const runs: [number, number][] = [];
    const wrote = refreshAfterPause((id) => runs.push([id, timers.now()]), 10_000, 60_000, timers);
    wrote(1);
    advance(5_000);
    wrote(2);
    advance(20_000);
    expect(runs).to.deep.equal([
      [1, 10_000],
      [2, 15_000],
    ]);
  });
});
