import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';

/** The planner commands of `cote`. */
export function registerPlannerCommands(_program: Command, _ctx: CliContext): void {}
