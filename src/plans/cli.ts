import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { AppError } from '../errors.ts';

// The planner and the database load only when the command runs (`cote --help` stays quick).
const load = () =>
  Promise.all([
    import('./planCommand.ts'),
    import('./planWords.ts'),
    import('./planService.ts'),
    import('../learners/learnerRef.ts'),
  ]);

/**
 * The planner commands of `cote` (the command glue lives in src/plans: the planner itself stays pure).
 * `cote plan --learner L [--today YYYY-MM-DD] [--json]` prints the plan from today to the exam.
 */
export function registerPlannerCommands(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description("print a learner's plan from today to the exam (--json: today, exam, days, readiness, verdict)")
    .requiredOption('--learner <login|id>', 'login or id')
    .option('--today <YYYY-MM-DD>', "plan as if this were the learner's today (default: today in their time zone)")
    .option('--json', 'print JSON')
    .option(
      '--ics',
      "print the plan as the learner's calendar feed (iCalendar), as their private calendar URL serves it",
    )
    .action(async (o: { learner: string; today?: string; json?: boolean; ics?: boolean }) => {
      const [{ planCommand, planJson, planText }, { planWords }, { currentCatalog }, { learnerFor }] = await load();
      const db = ctx.db();
      if (o.ics) {
        // The feed is always the plan from the learner's today, as calendar apps get it.
        if (o.today !== undefined || o.json)
          throw new AppError('planner.ics_alone', '--ics cannot be combined with --today or --json', 400);
        const { calendarOf } = await import('./calendarService.ts');
        // Exactly what the feed serves: CRLF line ends, no extra newline.
        return ctx.out(calendarOf(db, ctx.config, learnerFor(db, o.learner), ctx.now()).replace(/\r\n$/, ''));
      }
      const plan = planCommand(db, o.learner, o.today, ctx.now());
      const learner = learnerFor(db, o.learner);
      const words = planWords(learner.language, currentCatalog(db).categories);
      ctx.out(o.json ? JSON.stringify(planJson(plan, words), null, 2) : planText(plan, learner, words));
    });
}
