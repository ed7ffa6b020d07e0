import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/context.ts';
import type { CliContext } from '../../src/cli.ts';

/** A fresh data directory with a real SQLite file, removed by `cleanup()`. */
export function tempDataDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-test-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * App dependencies on a temporary real database; `now` can be moved by tests through `clock.set`. Quiet unless the
 * environment's LOG_LEVEL (or `env`) asks for lines: `LOG_LEVEL=info npm run test:file -- …` shows the access log.
 */
export function testDeps(env: NodeJS.ProcessEnv = {}, start = new Date('2026-11-28T03:00:00Z')) {
  const data = tempDataDir();
  const config = loadConfig({
    COTE_DATA_DIR: data.dir,
    COTE_AUTO_IMPORT: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...env,
  });
  const db = openDatabase(path.join(data.dir, 'cote.db'));
  let current = start;
  const clock = { set: (instant: Date | string) => (current = new Date(instant)), get: () => current };
  const logger = config.logLevel === 'silent' ? silentLogger : createLogger(config.logLevel);
  const deps: AppDeps = {
    db,
    config,
    logger,
    now: () => current,
    sessionSecret: 'test-secret',
    planRefreshDelayMs: 0,
  };
  return {
    deps,
    clock,
    app: () => createApp(deps),
    cleanup: () => {
      db.close();
      data.cleanup();
    },
  };
}

/** Extracts the CSRF token from a rendered page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}

export const SHARED_LIST_DIR = path.resolve(import.meta.dirname, '../../../shared/data/tony9402-baekjoon');
export const hasSharedList = fs.existsSync(path.join(SHARED_LIST_DIR, 'README.md'));

/** A CLI context on testDeps' database and clock whose output is captured in `out` and `err`. */
export function testCliContext(ctx: ReturnType<typeof testDeps>, stdin: string | (() => string) = '') {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliContext = {
    config: ctx.deps.config,
    db: () => ctx.deps.db,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
    now: () => ctx.clock.get(),
    readStdin: async () => (typeof stdin === 'function' ? stdin() : stdin),
  };
  return { cli, out, err };
}
