import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { CliContext } from '../context.ts';
import { importAnyList, type AnyImportSummary } from './importAnyList.ts';
import { LIST_FORMATS, type ListFormat } from './formats/listRows.ts';
import { allLists } from './listRepository.ts';
import { listCounts } from './entryRepository.ts';
import { AppError } from '../errors.ts';
import { summaryLine } from './importRuns.ts';
import { changeLines } from './changeLines.ts';
import { translator } from '../i18n/index.ts';

/** The catalog commands of `cote`. */
export function registerCatalogCommands(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import a problem list (tony9402/baekjoon, markdown, CSV or JSON) from a URL, a directory or a file')
    .option('--source <url|dir|file>', 'URL, directory or file of the list (default: COTE_LIST_SOURCE)')
    .option('--format <format>', `read the source as ${LIST_FORMATS.join(', ')} (default: detected)`)
    .option('--name <name>', 'the list\'s name: a new list, or the list of that name to update')
    .option('--json', 'print one JSON object instead of text')
    .action(async (options: { source?: string; format?: string; name?: string; json?: boolean }) => {
      if (options.format !== undefined && !LIST_FORMATS.includes(options.format as ListFormat)) {
        throw new AppError('catalog.bad_format', `--format must be one of ${LIST_FORMATS.join(', ')}, not "${options.format}"`, 400);
      }
      const source = options.source ?? ctx.config.listSource;
      const bar = ctx.isTTY && !options.json ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(1, 0);
      let summary: AnyImportSummary;
      try {
        const progress = { now: ctx.now, onProgress: (p: { done: number; total: number }) => (bar?.setTotal(p.total), bar?.update(p.done)) };
        summary = await importAnyList(ctx.db(), source, { ...progress, format: options.format as ListFormat | undefined, name: options.name });
      } finally {
        bar?.stop();
      }
      if (options.json) {
        const { list, format, categories, problems, entries, recommended, added, removed, changed, skipped, warnings, typeMap } = summary;
        ctx.out(JSON.stringify({ list, format, categories, problems, entries, recommended, added, removed, changed, skipped, warnings, typeMap }));
        return;
      }
      ctx.out(`imported ${summary.list} from ${source}: ${summaryLine(summary)}`);
      if (summary.format !== 'tony9402' || summary.skipped > 0) ctx.out(`  read as ${summary.format}; ${summary.skipped} links skipped`);
      const unmatched = Object.entries(summary.typeMap).filter(([, key]) => key === null).map(([name]) => name);
      if (unmatched.length) ctx.out(`  types of their own (map them on /lists): ${unmatched.join(', ')}`);
      for (const line of changeLines(summary, translator('en'), 20)) ctx.out(`  ${line}`);
      for (const warning of summary.warnings) ctx.out(`warning: ${warning}`);
    });

  program
    .command('lists')
    .description('show every imported list with its name, source, format and counts')
    .option('--json', 'print one JSON array instead of text')
    .action((options: { json?: boolean }) => {
      const db = ctx.db();
      const lists = allLists(db).map((l) => ({ list: l.key, name: l.name, source: l.source, format: l.format, version: l.version, importedAt: l.importedAt, ...listCounts(db, l.id) }));
      if (options.json) return ctx.out(JSON.stringify(lists));
      if (lists.length === 0) return ctx.out('no list imported yet');
      for (const l of lists) ctx.out(`${l.list}\t${l.name}\t${l.format}\t${l.categories} types, ${l.problems} problems, ${l.entries} entries, ${l.recommended} recommended\t${l.source}`);
    });
}
