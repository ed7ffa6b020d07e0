import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { planHubRepo } from './gitSource.ts';
import type { WorkerReply } from './worker.ts';

// The worker thread's entry (see worker.ts): runs the one job it was started with and posts the answer.

const { kind, input } = workerData as { kind: string; input: Parameters<typeof planHubRepo>[0] };

async function run(): Promise<unknown> {
  if (kind === 'git') return planHubRepo(input);
  throw new Error(`unknown sync job ${kind}`);
}

run().then(
  (ok) => parentPort!.postMessage({ ok } satisfies WorkerReply<unknown>),
  (error: unknown) =>
    parentPort!.postMessage(
      (error instanceof AppError
        ? { appError: { code: error.code, message: error.message, status: error.status, params: error.params } }
        : { crash: (error as Error)?.stack ?? String(error) }) satisfies WorkerReply<unknown>,
    ),
);
