import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';

/** The app (t.app()) listening on 127.0.0.1, so probes go through a real socket into the same event loop. */
export async function listen(app: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The limit the hardening issue sets: a concurrent `GET /login` answers within this while an attack runs. */
export const RESPONSIVE_MS = 200;

async function probe(appUrl: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${appUrl}/login`);
  await res.text();
  expect(res.status).to.equal(200);
  return performance.now() - start;
}

/**
 * The app setting every test using staysResponsive needs: its probes are anonymous GET /login from one address, about
 * 40 a second, which the per-address limit on anonymous requests would answer with 429 after 120 (that limit is
 * tested by login.flood.test.ts).
 */
export const UNLIMITED_PROBES = { COTE_ANONYMOUS_REQUESTS_PER_MINUTE: '0' };

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];

/**
 * Runs `work` while `GET <appUrl>/login` is asked again and again (one at a time, 20 ms apart), and asserts that every
 * answer was a 200, the median within RESPONSIVE_MS — or, on a machine so loaded that a calm server is slow too, within
 * three times the calm median measured just before — and at most a quarter beyond it (the login flood test's rule). Returns the work's result (or
 * rethrows its error after the check).
 */
export async function staysResponsive<T>(appUrl: string, work: () => Promise<T>): Promise<T> {
  // Warm up (the first renders compile templates and load lazy modules), then measure the calm server.
  for (let i = 0; i < 3; i++) await probe(appUrl);
  const calm: number[] = [];
  for (let i = 0; i < 5; i++) calm.push(await probe(appUrl));
  const bound = Math.max(RESPONSIVE_MS, 3 * median(calm));
  let done = false;
  const times: number[] = [];
  const probing = (async () => {
    while (!done) {
      times.push(await probe(appUrl));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  done = true;
  await probing;
  if (process.env.ATTACK_REPORT)
    console.log(
      `    probes: ${times.length}, slowest ${Math.max(...times).toFixed(0)} ms, median ${median(times).toFixed(0)} ms, calm median ${median(calm).toFixed(0)} ms`,
    );
  expect(times.length, 'probes answered while the attack ran').to.be.at.least(1);
  // The typical answer within the bound, at most a quarter stalled by the machine, and none ten times over: probes are
  // sequential, so a server frozen by the attack shows as one very slow probe (the login flood test's rule).
  const slow = times.filter((ms) => ms >= bound);
  expect(
    median(times),
    `median GET /login of ${times.length} (calm median ${Math.round(median(calm))} ms)`,
  ).to.be.below(bound);
  expect(slow.length, `probes over ${Math.round(bound)} ms: ${slow.map(Math.round)}`).to.be.at.most(times.length / 4);
  expect(Math.max(...times), 'the slowest probe (ms)').to.be.below(10 * bound);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** One file of a generated repository: its path and its bytes (or a generator of chunks, for huge files). */
export interface RepoFile {
  path: string;
  /** Blobs with the same `blob` key are stored once (40,000 paths may share one README). */
  blob: string;
}

/**
 * A bare repository made with `git fast-import` (one commit holding `files`), published for git's dumb HTTP protocol
 * and served from 127.0.0.1. `blobs` maps a blob key to its content: a string, or [chunk, times] for a huge one.
 */
export async function servedRepo(
  blobs: Record<string, string | [string, number]>,
  files: RepoFile[],
): Promise<{ url: string; cleanup(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-attack-'));
  const bare = path.join(root, 'hub.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: bare, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))),
  );
  const write = (data: string | Buffer) =>
    child.stdin.write(data) ? Promise.resolve() : new Promise<void>((resolve) => child.stdin.once('drain', resolve));
  const marks = new Map<string, number>();
  for (const [key, content] of Object.entries(blobs)) {
    marks.set(key, marks.size + 1);
    const [chunk, times] = typeof content === 'string' ? [content, 1] : content;
    const bytes = Buffer.from(chunk);
    await write(`blob\nmark :${marks.get(key)}\ndata ${bytes.length * times}\n`);
    for (let i = 0; i < times; i++) await write(bytes);
    await write('\n');
  }
  const when = '1767225600 +0900';
  const lines = files.map((f) => `M 100644 :${marks.get(f.blob)} ${JSON.stringify(f.path)}\n`).join('');
  await write(`commit refs/heads/main\ncommitter hub <hub@example.com> ${when}\ndata 5\nhub!\n${lines}\n`);
  child.stdin.end();
  await done;
  execFileSync('git', ['update-server-info'], { cwd: bare });
  const server = await staticServerProcess(root);
  return {
    url: `${server.url}/hub.git`,
    cleanup: async () => {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A static file server in its own process (git's dumb HTTP needs nothing more), so that serving the attack costs the
 * test process's event loop nothing: what the probes measure is cote alone.
 */
export async function staticServerProcess(
  root: string,
): Promise<{ url: string; requests(): string[]; close(): Promise<void> }> {
  const script = path.join(import.meta.dirname, 'fileServer.mjs');
  const child = spawn(process.execPath, [script, root], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /^port (\d+)$/m.exec(log);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`the file server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...log.matchAll(/^(?:GET|POST) (.+)$/gm)].map((m) => m[1]),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
