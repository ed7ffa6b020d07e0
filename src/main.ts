import type { AddressInfo } from 'node:net';
import { loadConfig } from './config.ts';
import { databaseFile, openDatabase } from './db/connection.ts';
import { createLogger } from './log.ts';
import { plannerRuns, type PlannerRun } from './plans/planService.ts';
import { createApp } from './app.ts';
import { sessionSecret } from './secret.ts';
import { startFirstImport } from './catalog/firstImport.ts';
import { startJobs } from './jobs/scheduler.ts';
import { AppError } from './errors.ts';
import type { AppDeps } from './context.ts';
import { clockFrom } from './clock.ts';
import { emailLinkWarning } from './digest/emailLinks.ts';

// Boot: config → db → migrate → listen → background work. The only place that exits the process.
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = openDatabase(databaseFile(config.dataDir), { busyTimeoutMs: config.dbBusyTimeoutMs });
  const deps: AppDeps = {
    db,
    config,
    logger,
    now: clockFrom(config.clockStart),
    sessionSecret: sessionSecret(config.dataDir),
  };
  const app = createApp(deps);
  // Said before listening, once: emails sent by this server would link an address no reader can open.
  const linkWarning = emailLinkWarning(config);
  if (linkWarning) logger.warn(linkWarning);
  if (config.logLevel === 'debug')
    plannerRuns.subscribe((run) => logger.debug('planner run', { ...(run as PlannerRun) }));
  // Express 5 calls the listen callback with the error when listening fails (EADDRINUSE, EACCES).
  const server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      logger.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
      process.exit(1);
    }
    const { port } = server.address() as AddressInfo;
    logger.info(`cote listening on http://${config.host}:${port}`, { dataDir: config.dataDir });
  });
  startFirstImport(deps);
  const jobs = startJobs(deps);
  // A send in flight finishes before the mailer and the database close (a cut send would be retried).
  const stop = async () => {
    server.close();
    server.closeIdleConnections();
    await jobs.stop();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`cote: ${error instanceof AppError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
