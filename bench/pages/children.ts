import type { ChildProcess } from 'node:child_process';

/** Child processes this run started, so every exit path (success, error, Ctrl-C) stops them by pid. */
const running = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`; resolves once it has exited. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** Last resort on a synchronous exit: no waiting possible, so a plain SIGKILL by pid. */
process.on('exit', () => {
  for (const child of running) if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Resolves with the first value `match` finds in the child's output lines (stdout or stderr as given); rejects
 * when the child exits first or nothing matches within `timeoutMs`, with the output's last lines.
 */
export function waitForLine<T>(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  match: (line: string) => T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const source = child[stream];
  if (!source) throw new Error(`the child's ${stream} is not piped`);
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let buffered = '';
    const finish = (error?: Error, value?: T) => {
      clearTimeout(timer);
      source.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    };
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const value = match(line);
        if (value !== undefined) return finish(undefined, value);
      }
    };
    const tail = () => lines.slice(-10).join('\n') || '(no output)';
    const onExit = (code: number | null) =>
      finish(new Error(`the child exited (code ${code}) before it was ready:\n${tail()}`));
    const timer = setTimeout(
      () => finish(new Error(`the child was not ready after ${timeoutMs} ms:\n${tail()}`)),
      timeoutMs,
    );
    source.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Runs a bench's main: its servers are stopped on Ctrl-C and on failure, which is one line on stderr and exit 1. */
export function runBench(name: string, main: () => Promise<void>): void {
  process.once('SIGINT', () => {
    console.error(`[${name}] interrupted: stopping the servers`);
    void stopAllChildren().then(() => process.exit(130));
  });
  main().catch(async (error) => {
    console.error(`${name}: ${(error as Error).message}`);
    await stopAllChildren();
    process.exitCode = 1;
  });
}
