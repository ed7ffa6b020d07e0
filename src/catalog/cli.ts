import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';

/** The catalog commands of `cote`. */
export function registerCatalogCommands(_program: Command, _ctx: CliContext): void {}
