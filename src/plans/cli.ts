import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { findLearner, planCommand, planJson, planText } from './planCommand.ts';
import { currentCatalog } from './planService.ts';
import { planWords } from './planWords.ts';

/**
 * The planner commands of `cote` (the command glue lives in src/plans: the planner itself stays pure).
 * `cote plan --learner L [--today YYYY-MM-DD] [--json]` prints the plan from today to the exam.
 */
export function registerPlannerCommands(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description("print a learner's plan from today to the exam (--json: today, exam, days, readiness, verdict)")
    .requiredOption('--learner <login>', 'login or id')
    .option('--today <YYYY-MM-DD>', "plan as if this were the learner's today (default: today in their time zone)")
    .option('--json', 'print JSON')
    .action((o: { learner: string; today?: string; json?: boolean }) => {
      const db = ctx.db();
      const plan = planCommand(db, o.learner, o.today, ctx.now());
      const learner = findLearner(db, o.learner);
      const words = planWords(learner.language, currentCatalog(db).categories);
      ctx.out(o.json ? JSON.stringify(planJson(plan, words), null, 2) : planText(plan, learner, words));
    });
}
