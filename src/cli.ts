import { Command, CommanderError } from 'commander';
import { loadConfig } from './config.ts';
import type { CliContext } from './context.ts';
import { databaseFile, openDatabase, type Db } from './db/connection.ts';
import { AppError } from './errors.ts';
import { terminalSafe } from './text/title.ts';
import { clockFrom } from './clock.ts';
import { registerCatalogCommands } from './catalog/cli.ts';
import { registerProgressCommands } from './progress/cli.ts';
import { registerPlannerCommands } from './plans/cli.ts';
import { registerDigestCommands } from './digest/cli.ts';
import { registerDatabaseCommands } from './backup/cli.ts';
import { registerGroupCommands } from './groups/cli.ts';
import { registerSyncCommands } from './sync/cli.ts';

export type { CliContext } from './context.ts';

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  let db: Db | undefined;
  return {
    config,
    db: () => (db ??= openDatabase(databaseFile(config.dataDir), { busyTimeoutMs: config.dbBusyTimeoutMs })),
    // Titles and names in output come from remote files and other people: nothing printed may drive the terminal.
    out: (text) => process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`)),
    err: (text) => process.stderr.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`)),
    isTTY: Boolean(process.stdout.isTTY),
    now: clockFrom(config.clockStart),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('cote').description('cote — coding test preparation').exitOverride();
  program.configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  registerCatalogCommands(program, ctx);
  registerProgressCommands(program, ctx);
  registerPlannerCommands(program, ctx);
  registerDigestCommands(program, ctx);
  registerDatabaseCommands(program, ctx);
  registerGroupCommands(program, ctx);
  registerSyncCommands(program, ctx);
  return program;
}

/** Runs one command; returns the exit code. Errors print one line on stderr: `cote: <what is wrong>`. */
export async function runCli(argv: string[], ctx?: CliContext): Promise<number> {
  try {
    ctx ??= createCliContext();
    await buildProgram(ctx).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const line = error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
    (ctx?.err ?? ((s: string) => process.stderr.write(`${s}\n`)))(`cote: ${line}`);
    return error instanceof AppError && error.status >= 500 ? 2 : 1;
  }
}
