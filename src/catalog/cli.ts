import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { LIST_FORMATS } from './formats/listRows.ts';

const actions = () => import('./cliActions.ts');

/** The catalog commands of `cote`. */
export function registerCatalogCommands(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import a problem list (tony9402/baekjoon, markdown, CSV or JSON) from a URL, a directory or a file')
    .option('--source <url|dir|file>', 'URL, directory or file of the list (default: COTE_LIST_SOURCE)')
    .option('--format <format>', `read the source as ${LIST_FORMATS.join(', ')} (default: detected)`)
    .option('--name <name>', "the list's display name (the list itself is its source: the same source updates it)")
    .option('--json', 'print one JSON object instead of text')
    .action(async (options: { source?: string; format?: string; name?: string; json?: boolean }) =>
      (await actions()).importCommand(ctx, options),
    );

  program
    .command('lists')
    .description('show every imported list with its name, source, format and counts')
    .option('--json', 'print one JSON array instead of text')
    .action(async (options: { json?: boolean }) => (await actions()).listsCommand(ctx, options));
}
