import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

const actions = () => import('./cliActions.ts');

/** `cote digest` (see cliActions.ts for what it prints and its exit codes). */
export function registerDigestCommands(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description("send a learner's nightly digest now (recorded: never twice a day), or print it with --dry-run")
    .requiredOption('--learner <login|id>', 'login or id')
    .option('--day <YYYY-MM-DD>', "the learner's local day (default: today in their time zone)")
    .option('--dry-run', 'print the message; send and record nothing')
    .option('--json', 'print JSON')
    .action(async (o: { learner: string; day?: string; dryRun?: boolean; json?: boolean }) =>
      (await actions()).digestCommand(ctx, o),
    );
}
