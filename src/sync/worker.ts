import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';

// Heavy parsing runs in a worker thread so the server's event loop keeps answering (a repository of 10,000 READMEs
// takes seconds of CPU). One worker is started on first use and kept (it does not keep the process alive); jobs
// carry an id and may overlap. A worker that dies (out of its memory limit, say) fails the jobs it held and is
// replaced on the next job. An AppError crosses back as plain data.

/** The most heap one worker may use: a runaway job ends the worker, never the server. */
export const WORKER_HEAP_MB = 512;

/** What crosses back from the worker for job `id`: a result, or an error as data. */
export type WorkerReply =
  | { id: number; ok: unknown }
  | { id: number; appError: { code: string; message: string; status: number; params: Record<string, string | number> } }
  | { id: number; crash: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

let current: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 1;

/** Runs job `kind` with `input` in the sync worker and returns its result (or throws its error). */
export function inWorker<T>(kind: string, input: unknown): Promise<T> {
  current ??= start();
  const { worker, pending } = current;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker.ref();
    worker.postMessage({ id, kind, input });
  });
}

function start(): { worker: Worker; pending: Map<number, Pending> } {
  // Under tsx (tests, `npm run dev`) the worker registers tsx itself; a built cote runs the compiled .js directly.
  const file = new URL(`./syncWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const worker = file.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`,
        { ...options, eval: true },
      )
    : new Worker(new URL(file), options);
  const state = { worker, pending: new Map<number, Pending>() };
  const settle = (reply: WorkerReply) => {
    const job = state.pending.get(reply.id);
    if (!job) return;
    state.pending.delete(reply.id);
    if (state.pending.size === 0) worker.unref();
    if ('ok' in reply) job.resolve(reply.ok);
    else if ('appError' in reply) {
      const e = reply.appError;
      job.reject(new AppError(e.code, e.message, e.status, e.params));
    } else job.reject(new Error(reply.crash));
  };
  const fail = (error: Error) => {
    if (current === state) current = undefined;
    for (const job of state.pending.values()) job.reject(error);
    state.pending.clear();
  };
  worker.on('message', settle);
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the sync worker ended (exit ${code})`)));
  worker.unref();
  return state;
}

/** tsx's loader API (a development dependency, only looked up when cote runs from its .ts sources). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(fs.readFileSync(manifest, 'utf8')).exports['./esm/api'];
  const entry: string = exports.import?.default ?? exports.import;
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}
