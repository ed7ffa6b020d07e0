import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

const actions = () => import('./cliActions.ts');

/** The progress commands of `cote`: learner add / password, solve, history, history import. */
export function registerProgressCommands(program: Command, ctx: CliContext): void {
  const learner = program.command('learner').description('manage learners');
  learner
    .command('add')
    .description('add a learner (the first one is an admin)')
    .requiredOption('--login <login>')
    .requiredOption('--name <name>')
    .requiredOption('--email <email>')
    .option('--timezone <tz>', 'IANA time zone', 'Asia/Seoul')
    .option('--exam <YYYY-MM-DD>', 'exam date')
    .option('--budget <minutes>', 'daily study budget in minutes')
    .option('--profile <profile>', 'general, samsung, kakao or custom')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (o) => (await actions()).learnerAddCommand(ctx, o));
  learner
    .command('password <login>')
    .description("set a learner's password")
    .requiredOption('--password-stdin', 'read the password from the first line of stdin')
    .action(async (login: string) => (await actions()).learnerPasswordCommand(ctx, login));

  program
    .command('solve <problem>')
    .description("log an attempt (boj:1260 or a bare BOJ number) on the learner's today or --day")
    .requiredOption('--learner <login|id>', 'login or id')
    .option('--day <YYYY-MM-DD>')
    .option('--outcome <outcome>', 'solved, solved_slow, hint or failed', 'solved')
    .option('--minutes <minutes>')
    .option('--note <text>')
    .action(async (problem: string, o) => (await actions()).solveCommand(ctx, problem, o));

  const history = program
    .command('history')
    .description("a learner's attempts and streaks")
    .enablePositionalOptions()
    .option('--learner <login|id>', 'login or id')
    .option('--json', 'print JSON')
    .action(async (o) => (await actions()).historyCommand(ctx, o));
  // --learner and --json are history's own options; `history import` reads them through optsWithGlobals().
  history
    .command('import <source>')
    .description(
      'import past attempts from a BaekjoonHub repository directory or a CSV file (problem,day,outcome,minutes)',
    )
    .requiredOption('--format <format>', 'baekjoonhub or csv')
    .option('--partial', 'keep the good rows when some are bad (default: all or nothing)')
    .action(async (source: string, _o, cmd: Command) =>
      (await actions()).historyImportCommand(ctx, source, cmd.optsWithGlobals()),
    );
}
