// npm run bench:history — a BaekjoonHub history of 243 solves (the generator the tests use: one commit per solve, dated
// and undated READMEs) imported into a fresh SQLite file in-process, then imported again (every solve already there).
// Prints the medians; writes bench/results/history.json. No target: the figure is there to be watched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { addLearner } from '../src/learners/addLearner.ts';
import { importBaekjoonHub } from '../src/progress/imports/baekjoonHubImport.ts';
import { HubRepo } from '../test/support/hubRepo.ts';
import { commitHubHistory, hubHistory } from '../test/support/hubHistory.ts';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 7);
const RESULTS = path.resolve(import.meta.dirname, 'results/history.json');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms * 10) / 10;

const repo = new HubRepo();
commitHubHistory(repo.work, hubHistory());
const first: number[] = [];
const again: number[] = [];
let summary = '';
for (let i = 0; i < REPETITIONS; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-history-'));
  const db = openDatabase(path.join(dir, 'cote.db'));
  const learner = addLearner(
    db,
    { login: 'mina', name: 'Mina', email: 'mina@example.org' },
    { isAdmin: true, now: new Date(), passwordOptional: true },
  );
  const options = { partial: false, now: new Date('2026-11-28T03:00:00Z') };
  let start = performance.now();
  const s = await importBaekjoonHub(db, learner, repo.work, options);
  first.push(performance.now() - start);
  summary = `${s.imported} imported (${s.onList} on lists, ${s.offList} off-list, ${s.undated} undated)`;
  start = performance.now();
  await importBaekjoonHub(db, learner, repo.work, options);
  again.push(performance.now() - start);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
repo.cleanup();
const result = {
  solves: 243,
  repetitions: REPETITIONS,
  summary,
  firstImportMs: round(median(first)),
  reimportMs: round(median(again)),
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
