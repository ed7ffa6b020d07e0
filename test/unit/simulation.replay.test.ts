import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import {
  attemptsOf,
  type CfSubmission,
  logLoss,
  pairedLossDifference,
  reliability,
  replayHistory,
} from '../../bench/replay/replay.ts';
import { report } from '../../bench/replay/run.ts';

/** A self-written user.status answer (test/fixtures/replay/tiny.json): 12 submissions, newest first. */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/replay');
const tiny = (JSON.parse(readFileSync(path.join(FIXTURE, 'tiny.json'), 'utf8')) as { result: CfSubmission[] }).result;

describe('bench:replay – real histories replayed', () => {
  it('attemptsOf() – one first attempt per rated problem, oldest first; solved only when accepted within a day', () => {
    const attempts = attemptsOf(tiny);
    expect(attempts.map((a) => [a.problem, a.solved])).to.deep.equal([
      ['codeforces:100A', true], // WA then OK 10 minutes later
      ['codeforces:100B', false], // the compilation error is no attempt; WA, then OK two days later: not that day
      ['codeforces:101A', true],
      ['codeforces:102A', true],
      ['codeforces:102B', false],
      ['codeforces:103A', true],
      ['codeforces:103B', true],
      ['codeforces:104D', false],
    ]); // 101C has no rating: no level, left out
    expect(attempts[1]).to.include({ level: 10 });
    expect(attempts[1].tags).to.deep.equal(['greedy', 'math']);
  });

  it('replayHistory() – scores the later half for every model; a solve never lowers cote’s estimate', () => {
    const r = replayHistory('tiny', attemptsOf(tiny));
    expect(r.attempts).to.equal(8);
    for (const m of ['cote', 'elo', 'typeRate'] as const) {
      expect(r.scored[m].map((x) => x.solved)).to.deep.equal([false, true, true, false]);
      for (const x of r.scored[m]) expect(x.predicted).to.be.within(0, 1);
    }
    expect(r.violations).to.equal(0);
    const pooled = report([r]);
    expect(pooled.pooled.scored).to.equal(4);
    expect(pooled.pooled.logLoss.cote).to.be.closeTo(logLoss(r.scored.cote), 1e-12);
  });

  it('logLoss() and reliability() – known values', () => {
    const scored = [
      { predicted: 0.9, solved: true },
      { predicted: 0.9, solved: false },
      { predicted: 0.1, solved: false },
    ];
    expect(logLoss(scored)).to.be.closeTo(-(Math.log(0.9) + Math.log(0.1) + Math.log(0.9)) / 3, 1e-12);
    const bins = reliability(scored, 0.5);
    expect(bins.map((b) => [b.count, b.observed])).to.deep.equal([
      [1, 0],
      [2, 0.5],
    ]);
  });

  it('pairedLossDifference() – the mean per-attempt difference, its interval around it; equal models give 0', () => {
    const a = [
      { predicted: 0.9, solved: true },
      { predicted: 0.2, solved: false },
      { predicted: 0.7, solved: true },
    ];
    const b = a.map((x) => ({ ...x, predicted: 0.5 }));
    const d = pairedLossDifference(a, b);
    expect(d.mean).to.be.closeTo(logLoss(a) - logLoss(b), 1e-12);
    expect(d.mean).to.be.lessThan(0);
    expect(d.ci[0]).to.be.at.most(d.mean);
    expect(d.ci[1]).to.be.at.least(d.mean);
    expect(pairedLossDifference(a, a)).to.deep.equal({ mean: 0, ci: [0, 0] });
  });

  it('the command – a missing directory – exits 1 with one line on stderr naming it', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ['--import', 'tsx', 'bench/replay/run.ts', '/nonexistent/histories'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).to.equal(1);
    expect(err?.stderr.trim().split('\n')).to.deep.equal([
      'bench:replay: cannot read the directory /nonexistent/histories',
    ]);
  });
});
