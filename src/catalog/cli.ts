import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { CliContext } from '../context.ts';
import { importList } from './importList.ts';
import { summaryLine } from './importRuns.ts';
import type { ImportSummary } from './store.ts';
import { changeLines } from './changeLines.ts';
import { translator } from '../i18n/index.ts';

/** The catalog commands of `cote`. */
export function registerCatalogCommands(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import the curated list (tony9402/baekjoon format) from a base URL or a local directory')
    .option('--source <url|dir>', 'base URL or directory of the list (default: COTE_LIST_SOURCE)')
    .option('--json', 'print one JSON object instead of text')
    .action(async (options: { source?: string; json?: boolean }) => {
      const source = options.source ?? ctx.config.listSource;
      const bar = ctx.isTTY && !options.json ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(1, 0);
      let summary: ImportSummary;
      try {
        summary = await importList(ctx.db(), source, { now: ctx.now, onProgress: (p) => (bar?.setTotal(p.total), bar?.update(p.done)) });
      } finally {
        bar?.stop();
      }
      if (options.json) {
        const { list, categories, problems, entries, recommended, added, removed, changed, warnings } = summary;
        ctx.out(JSON.stringify({ list, categories, problems, entries, recommended, added, removed, changed, warnings }));
        return;
      }
      ctx.out(`imported ${summary.list} from ${source}: ${summaryLine(summary)}`);
      for (const line of changeLines(summary, translator('en'), 20)) ctx.out(`  ${line}`);
      for (const warning of summary.warnings) ctx.out(`warning: ${warning}`);
    });
}
