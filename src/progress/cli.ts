import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';

/** The progress commands of `cote`. */
export function registerProgressCommands(_program: Command, _ctx: CliContext): void {}
