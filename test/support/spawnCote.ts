import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  /** Non-empty stderr lines. */
  lines: string[];
}

export interface RunningCote {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  log(): string;
  /** Resolves once stderr holds `text`. */
  logged(text: string): Promise<void>;
  /** Resolves when the process has ended (at once if it already has). */
  exited(): Promise<Exited>;
  /** Like exited(), but a process still running after `ms` is killed (a server that should have refused to start). */
  exitedWithin(ms: number): Promise<Exited>;
}

/**
 * Starts the real server with `env` added to this process's environment: dist/main.js when `npm test` built this
 * run's source (buildOnce.ts), else src/main.ts through tsx. `nodeArgs` (another `--import`, say) always mean tsx and
 * the source: they go to node after tsx's own `--import`.
 */
export function spawnServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): RunningCote {
  return nodeArgs.length === 0 && compiled()
    ? spawnEntry(['dist/main.js'], env)
    : spawnEntry(['--import', 'tsx', ...nodeArgs, 'src/main.ts'], env);
}

/** Runs the real `cote` command with `args`: dist/bin/cote.js, or src/bin/cote.ts through tsx. */
export function runCote(args: string[], env: NodeJS.ProcessEnv): Promise<Exited> {
  const entry = compiled() ? ['dist/bin/cote.js'] : ['--import', 'tsx', 'src/bin/cote.js'];
  return spawnEntry([...entry, ...args], env).exited();
}

/** `npm test` compiled this run's source to dist/ before any test (test/support/buildOnce.ts). */
function compiled(): boolean {
  return process.env.COTE_TEST_BUILD === '1';
}

function spawnEntry(args: string[], env: NodeJS.ProcessEnv): RunningCote {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  const waiters: { text: string; resolve(): void }[] = [];
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
    // Only while someone waits: searching flattens the whole log, and a server at LOG_LEVEL=info writes a line a request.
    for (const w of waiters.filter((w) => stderr.includes(w.text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const done = new Promise<Exited>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, stderr, stdout, lines: stderr.split('\n').filter((l) => l.trim() !== '') }),
    ),
  );
  return {
    child,
    log: () => stderr,
    logged: (text) =>
      stderr.includes(text)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ text, resolve });
            void done.then((e) =>
              reject(new Error(`cote exited (${e.code ?? e.signal}) before logging "${text}": ${e.stderr}`)),
            );
          }),
    exited: () => done,
    exitedWithin: (ms) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      return done.finally(() => clearTimeout(timer));
    },
  };
}

/** Stops a server started by spawnServer (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopServer(cote: RunningCote, graceMs = 5000): Promise<Exited> {
  if (cote.child.exitCode === null && cote.child.signalCode === null) cote.child.kill('SIGTERM');
  const timer = setTimeout(() => cote.child.kill('SIGKILL'), graceMs);
  try {
    return await cote.exited();
  } finally {
    clearTimeout(timer);
  }
}
