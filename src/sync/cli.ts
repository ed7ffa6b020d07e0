import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { CLI_SOURCES } from './types.ts';

const actions = () => import('./cliActions.ts');

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * `cote learner set <login>` (the learner's Codeforces/LeetCode/solved.ac handles and repositories) and `cote sync`.
 * Registered after the progress commands: `learner set` joins their `learner` command.
 */
export function registerSyncCommands(program: Command, ctx: CliContext): void {
  const learner =
    program.commands.find((c) => c.name() === 'learner') ?? program.command('learner').description('manage learners');
  learner
    .command('set <login>')
    .description("set a learner's accounts to sync solves from ('' clears one)")
    .option('--codeforces <handle>', 'Codeforces handle')
    .option('--leetcode <username>', 'LeetCode username')
    .option('--solvedac <handle>', 'solved.ac handle (kept, but solved.ac does not answer plain clients today)')
    .option(
      '--repo <url>',
      'a public BaekjoonHub-style git repository (repeat for several; --repo "" clears them)',
      collect,
    )
    .action(async (login: string, o) => (await actions()).learnerSetCommand(ctx, login, o));

  program
    .command('sync')
    .description("fetch a learner's new solves from Codeforces, LeetCode and git repositories now")
    .requiredOption('--learner <login|id>', 'login or id')
    .addOption(new Option('--source <source>', 'only this source').choices([...CLI_SOURCES]))
    .option('--json', 'print JSON')
    .action(async (o) => (await actions()).syncCommand(ctx, o));
}
