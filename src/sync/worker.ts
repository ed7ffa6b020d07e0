import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';

// Heavy parsing runs in a worker thread so the server's event loop keeps answering (a repository of 10,000 READMEs
// takes seconds of CPU). The worker (syncWorker.ts) runs one job and ends; an AppError crosses back as plain data.

/** What crosses back from the worker: a result, or an error as data. */
export type WorkerReply<T> =
  | { ok: T }
  | { appError: { code: string; message: string; status: number; params: Record<string, string | number> } }
  | { crash: string };

/** Runs job `kind` with `input` in a new worker thread and returns its result (or throws its error). */
export function inWorker<T>(kind: string, input: unknown): Promise<T> {
  // Under tsx (tests, `npm run dev`) the worker registers tsx itself; a built cote runs the compiled .js directly.
  const file = new URL(`./syncWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  const worker = file.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`,
        { eval: true, workerData: { kind, input } },
      )
    : new Worker(new URL(file), { workerData: { kind, input } });
  return new Promise<T>((resolve, reject) => {
    let replied = false;
    worker.once('message', (reply: WorkerReply<T>) => {
      replied = true;
      if ('ok' in reply) resolve(reply.ok);
      else if ('appError' in reply) {
        const e = reply.appError;
        reject(new AppError(e.code, e.message, e.status, e.params));
      } else reject(new Error(reply.crash));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the sync worker ended (exit ${code}) without an answer`));
    });
  });
}

/** tsx's loader API (a development dependency, only looked up when cote runs from its .ts sources). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(fs.readFileSync(manifest, 'utf8')).exports['./esm/api'];
  const entry: string = exports.import?.default ?? exports.import;
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}
