import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

const actions = () => import('./cliActions.ts');

/** The study group commands of `cote`: group create / add / remove / board. */
export function registerGroupCommands(program: Command, ctx: CliContext): void {
  const group = program.command('group').description('study groups: create, members, the board');
  group
    .command('create <name>')
    .description('create a study group (optionally with a shared exam date and profile)')
    .option('--exam <YYYY-MM-DD>', 'the exam date members share unless they set their own')
    .option('--profile <profile>', 'general, samsung or kakao: the exam profile members share unless they pick another')
    .action(async (name: string, o: { exam?: string; profile?: string }) =>
      (await actions()).groupCreateCommand(ctx, name, o),
    );
  group
    .command('add <name>')
    .description('add a learner to the group (a learner belongs to one group)')
    .requiredOption('--learner <login|id>', 'login or id')
    .action(async (name: string, o: { learner: string }) => (await actions()).groupAddCommand(ctx, name, o));
  group
    .command('remove <name>')
    .description('remove a learner from the group')
    .requiredOption('--learner <login|id>', 'login or id')
    .action(async (name: string, o: { learner: string }) => (await actions()).groupRemoveCommand(ctx, name, o));
  group
    .command('board <name>')
    .description("the group board: today's mission, each member's day and streak, type coverage this week")
    .option('--day <YYYY-MM-DD>', "the board of this day (default: the group's today)")
    .option('--json', 'print JSON')
    .action(async (name: string, o: { day?: string; json?: boolean }) =>
      (await actions()).groupBoardCommand(ctx, name, o),
    );
}
