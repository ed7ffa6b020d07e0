import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log.ts';

/** What the web app needs from the outside; tests build it with a temporary database and a fixed clock. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
  sessionSecret: string;
}
