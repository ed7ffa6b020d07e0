import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

const actions = () => import('./cliActions.ts');
const reach = () => import('./reachCliActions.ts');
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The study group commands of `cote`: group create / add / remove / board / set / notify. */
export function registerGroupCommands(program: Command, ctx: CliContext): void {
  const group = program.command('group').description('study groups: create, members, the board, chat posts');
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
  group
    .command('set <name>')
    .description("the group's chat posts: webhooks, the morning and evening post times, their language")
    .option(
      '--webhook <url>',
      'add a webhook (Discord, Slack, else JSON; repeat for more; prefix slack: or discord: to force a shape); "" removes them all',
      collect,
    )
    .option('--morning <HH:MM|off>', "the morning post (the day's mission) at this time in the group's zone, or off")
    .option('--evening <HH:MM|off>', 'the evening post (who solved it, the streak) at this time, or off')
    .option('--lang <ko|en>', 'the language of the posts')
    .action(async (name: string, o: { webhook?: string[]; morning?: string; evening?: string; lang?: string }) =>
      (await reach()).groupSetCommand(ctx, name, o),
    );
  group
    .command('notify <name>')
    .description('post the morning post (or --evening) to every webhook of the group now, once per day and kind')
    .option('--day <YYYY-MM-DD>', "the post of this day (default: the group's today)")
    .option('--evening', 'the evening post instead of the morning one')
    .option('--json', 'print { "sent": n, "failed": n, "skipped": n, "errors": [...] }')
    .action(async (name: string, o: { day?: string; evening?: boolean; json?: boolean }) =>
      (await reach()).groupNotifyCommand(ctx, name, o),
    );
}
