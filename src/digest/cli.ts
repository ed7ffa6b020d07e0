import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';

/** The digest commands of `cote`. */
export function registerDigestCommands(_program: Command, _ctx: CliContext): void {}
