import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Logger } from './log.ts';

// The two contexts features receive from the edge. They live here, not in web/ or cli.ts, so that a feature never
// imports the web layer or the root CLI (which import the features).

/** What the web app and background jobs need from the outside; tests build it with a temporary database and a fixed clock. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
  sessionSecret: string;
  /** How long after a learner's write their stored plan is refreshed (src/web/planRefresh.ts); tests pass 0. */
  planRefreshDelayMs?: number;
}

/** What every command gets: the same config and data directory as the server, and its output streams. */
export interface CliContext {
  config: Config;
  /** Opens the database once, on first use. */
  db(): Db;
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  now(): Date;
  readStdin(): Promise<string>;
}
