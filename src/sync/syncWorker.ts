import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { readPage } from './codeforces.ts';
import { planHubRepo } from './gitSource.ts';
import { readAnswer } from './leetcode.ts';
import { attemptsFrom } from './solves.ts';
import type { Submission } from './types.ts';
import type { WorkerReply } from './worker.ts';

// The sync worker thread's entry (see worker.ts): runs each job it is sent and posts the answer with the job's id.

// Background work: on Linux this lowers only this thread's priority, so requests on the main thread come first.
try {
  os.setPriority(10);
} catch {
  // Not allowed or not supported: the work still runs, at the ordinary priority.
}

async function run(kind: string, input: unknown): Promise<unknown> {
  if (kind === 'git') return planHubRepo(input as Parameters<typeof planHubRepo>[0]);
  if (kind === 'plan') {
    const plan = input as { submissions: Submission[]; timeZone: string; today: string };
    return attemptsFrom(plan.submissions, plan.timeZone, plan.today);
  }
  if (kind === 'lc-answer') return readAnswer(input as Parameters<typeof readAnswer>[0]);
  if (kind === 'cf-page') return readPage(input as Parameters<typeof readPage>[0]);
  throw new Error(`unknown sync job ${kind}`);
}

parentPort!.on('message', ({ id, kind, input }: { id: number; kind: string; input: unknown }) => {
  run(kind, input).then(
    (ok) => parentPort!.postMessage({ id, ok } satisfies WorkerReply),
    (error: unknown) =>
      parentPort!.postMessage(
        (error instanceof AppError
          ? { id, appError: { code: error.code, message: error.message, status: error.status, params: error.params } }
          : { id, crash: (error as Error)?.stack ?? String(error) }) satisfies WorkerReply,
      ),
  );
});
