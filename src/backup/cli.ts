import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { databaseFile } from '../db/connection.ts';

const commands = () => import('../db/backup.ts');

/** `cote backup <file>` (safe while the server runs) and `cote restore <file>` (with the server stopped). */
export function registerDatabaseCommands(program: Command, ctx: CliContext): void {
  program
    .command('backup <file>')
    .description('copy the database to <file> (safe while the server runs)')
    .option('--force', 'overwrite <file> if it exists')
    .action(async (file: string, o: { force?: boolean }) => {
      const { backupDatabase } = await commands();
      const result = await backupDatabase(ctx.db(), file, { force: o.force });
      ctx.out(`backed up ${databaseFile(ctx.config.dataDir)} to ${result.file} (${result.pages} pages)`);
    });
  program
    .command('restore <file>')
    .description('replace the database with the backup <file> (stop the server first)')
    .action(async (file: string) => {
      const { restoreDatabase } = await commands();
      const result = await restoreDatabase(databaseFile(ctx.config.dataDir), file, {
        busyTimeoutMs: Math.min(ctx.config.dbBusyTimeoutMs, 2000),
      });
      ctx.out(
        `restored ${result.database} from ${result.source} (${result.migrations} migrations); newer ones run when cote starts`,
      );
    });
}
