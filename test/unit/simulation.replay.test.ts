import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { type AtcoderSubmission, atcoderAttemptsOf } from '../../bench/replay/atcoder.ts';
import { parseHistory, readHistories, SEEN_BEFORE, setOf } from '../../bench/replay/histories.ts';
import {
  attemptsOf,
  type CfSubmission,
  learnerBootstrapDifference,
  logLoss,
  pairedLossDifference,
  pointLoss,
  reliability,
  replayHistory,
} from '../../bench/replay/replay.ts';
import { report } from '../../bench/replay/run.ts';
import { atcoderLevel } from '../../src/judges/difficulty.ts';

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
    for (const m of ['cote', 'elo', 'eloFloor', 'typeRate'] as const) {
      expect(r.scored[m].map((x) => x.solved)).to.deep.equal([false, true, true, false]);
      for (const x of r.scored[m]) expect(x.predicted).to.be.within(0, 1);
    }
    expect(r.violations).to.equal(0);
    const pooled = report([r]);
    expect(pooled.pooled.scored).to.equal(4);
    expect(pooled.pooled.logLoss.cote).to.be.closeTo(logLoss(r.scored.cote), 1e-12);
  });

  it('replayHistory() – cote predicts with the learner’s calibration: one who solves 19 of 20 at any level is read as such', () => {
    // Levels swing far above and below any skill Elo settles on; the learner solves all but every 20th.
    const attempts = Array.from({ length: 200 }, (_, i) => ({
      problem: `atcoder:p${i}`,
      time: i * 3600,
      level: [4, 16, 8, 14, 10][i % 5],
      tags: ['untagged'],
      solved: i % 20 !== 19,
    }));
    const r = replayHistory('steady', attempts);
    // The same curve and Elo without a calibration (a global Elo with cote's step floor): 0.30; cote 0.24, near the
    // learner's own rate (0.20, the best any model can do here: outcomes do not depend on the level at all).
    expect(logLoss(r.scored.cote)).to.be.below(logLoss(r.scored.eloFloor) - 0.04);
    expect(logLoss(r.scored.cote)).to.be.below(logLoss(r.scored.typeRate) + 0.05);
    expect(r.violations).to.equal(0);
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

describe('bench:replay – AtCoder histories, the learner split, the interval over learners', () => {
  const rows = JSON.parse(readFileSync(path.join(FIXTURE, 'atcoder-tiny.json'), 'utf8')) as unknown[];

  it('atcoderAttemptsOf() – first judged attempt per task with a level; AC within a day; CE and IE are no attempt', () => {
    const attempts = atcoderAttemptsOf(rows as AtcoderSubmission[]);
    expect(attempts.map((a) => [a.problem, a.solved, a.level])).to.deep.equal([
      ['atcoder:abc300_a', true, atcoderLevel('abc300_a')], // CE, then WA, then AC 10 minutes later
      ['atcoder:abc300_c', false, atcoderLevel('abc300_c')], // TLE, AC two days later: not that day
      ['atcoder:arc150_c', true, atcoderLevel('arc150_c')],
    ]); // panasonic2020_a has no level; abc301_b only an internal error
    expect(attempts[0].tags).to.deep.equal(['untagged']);
    expect(attempts[0].time).to.equal(1700000100);
  });

  it('parseHistory() – tells AtCoder rows from a Codeforces answer; readHistories() reads subdirectories', () => {
    const at = parseHistory('at', rows);
    const cf = parseHistory('cf', { status: 'OK', result: tiny });
    expect(typeof at !== 'string' && at.source).to.equal('atcoder');
    expect(typeof cf !== 'string' && [cf.source, cf.attempts.length]).to.deep.equal(['codeforces', 8]);
    expect(parseHistory('x', { status: 'FAILED' })).to.equal('x holds no submission array');
    const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
    mkdirSync(path.join(dir, 'atcoder'));
    writeFileSync(path.join(dir, 'atcoder', 'someone.json'), JSON.stringify(rows));
    writeFileSync(path.join(dir, 'cf.json'), JSON.stringify({ status: 'OK', result: tiny }));
    const hs = readHistories(dir);
    expect(typeof hs !== 'string' && hs.map((h) => [h.name, h.source])).to.deep.equal([
      ['someone', 'atcoder'],
      ['cf', 'codeforces'],
    ]);
    writeFileSync(path.join(dir, 'broken.json'), '{');
    expect(readHistories(dir)).to.equal('broken.json is not JSON');
  });

  it('setOf() – the histories seen before are tuning; the rest split by the name’s hash, both sets non-empty', () => {
    for (const name of SEEN_BEFORE) expect(setOf(name)).to.equal('tuning');
    const names = Array.from({ length: 40 }, (_, i) => `learner${i}`);
    const sets = names.map(setOf);
    expect(sets).to.include('tuning').and.to.include('heldOut');
    expect(names.map(setOf)).to.deep.equal(sets); // stable
  });

  it('learnerBootstrapDifference() – the pooled mean; the interval resamples learners (wider than over attempts)', () => {
    const good = (solved: boolean) => ({ predicted: solved ? 0.8 : 0.2, solved });
    const flat = (solved: boolean) => ({ predicted: 0.5, solved });
    // Learner 1: a predicts much better; learner 2: a predicts worse. Per attempt the difference looks certain.
    const l1 = [true, false, true, true, false, true, false, true];
    const l2 = [true, false];
    const perLearner = [
      { a: l1.map(good), b: l1.map(flat) },
      { a: l2.map((s) => ({ predicted: s ? 0.1 : 0.9, solved: s })), b: l2.map(flat) },
    ];
    const d = learnerBootstrapDifference(perLearner);
    const all = perLearner.flatMap((x) => x.a.map((a, i) => pointLoss(a) - pointLoss(x.b[i])));
    expect(d.mean).to.be.closeTo(all.reduce((s, x) => s + x, 0) / all.length, 1e-12);
    expect(d.ci[0]).to.be.at.most(d.mean);
    expect(d.ci[1]).to.be.greaterThan(0); // with learner 2 drawn twice a is worse
    const byAttempt = pairedLossDifference(
      perLearner.flatMap((x) => x.a),
      perLearner.flatMap((x) => x.b),
    );
    expect(d.ci[1] - d.ci[0]).to.be.greaterThan(byAttempt.ci[1] - byAttempt.ci[0]);
    expect(learnerBootstrapDifference([{ a: l1.map(good), b: l1.map(good) }])).to.deep.equal({ mean: 0, ci: [0, 0] });
  });
});
