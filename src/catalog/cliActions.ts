import cliProgress from 'cli-progress';
import type { CliContext } from '../context.ts';
import { importAnyList, type AnyImportSummary } from './importAnyList.ts';
import { LIST_FORMATS, type ListFormat } from './formats/listRows.ts';
import { allLists } from './listRepository.ts';
import { listCounts } from './entryRepository.ts';
import { AppError } from '../errors.ts';
import { recordedImport, summaryLine } from './importRuns.ts';
import { changeLines } from './changeLines.ts';
import { translator } from '../i18n/index.ts';

// The work behind the catalog commands, loaded only when one runs (`cote --help` stays quick).

/** What `cote import --json` prints, in this order. */
const JSON_KEYS = [
  'list',
  'format',
  'categories',
  'problems',
  'entries',
  'recommended',
  'added',
  'removed',
  'changed',
  'skipped',
  'warnings',
  'typeMap',
] as const;

/** `cote import`. */
export async function importCommand(
  ctx: CliContext,
  options: { source?: string; format?: string; name?: string; json?: boolean },
): Promise<void> {
  if (options.format !== undefined && !LIST_FORMATS.includes(options.format as ListFormat)) {
    throw new AppError(
      'catalog.bad_format',
      `--format must be one of ${LIST_FORMATS.join(', ')}, not "${options.format}"`,
      400,
    );
  }
  const source = options.source ?? ctx.config.listSource;
  const bar =
    ctx.isTTY && !options.json
      ? new cliProgress.SingleBar(
          { format: 'importing [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(1, 0);
  let summary: AnyImportSummary;
  try {
    const progress = {
      now: ctx.now,
      onProgress: (p: { done: number; total: number }) => {
        bar?.setTotal(p.total);
        bar?.update(p.done);
      },
    };
    summary = await recordedImport(ctx.db(), source, ctx.now, () =>
      importAnyList(ctx.db(), source, {
        ...progress,
        format: options.format as ListFormat | undefined,
        name: options.name,
      }),
    );
  } finally {
    bar?.stop();
  }
  if (options.json) {
    ctx.out(JSON.stringify(Object.fromEntries(JSON_KEYS.map((key) => [key, summary[key]]))));
    return;
  }
  ctx.out(`imported ${summary.list} from ${source}: ${summaryLine(summary)}`);
  if (summary.format !== 'tony9402' || summary.skipped > 0)
    ctx.out(`  read as ${summary.format}; ${summary.skipped} links skipped`);
  const unmatched = Object.entries(summary.typeMap)
    .filter(([, key]) => key === null)
    .map(([name]) => name);
  if (unmatched.length) ctx.out(`  types of their own (map them on /lists): ${unmatched.join(', ')}`);
  for (const line of changeLines(summary, translator('en'), 20)) ctx.out(`  ${line}`);
  for (const warning of summary.warnings) ctx.out(`warning: ${warning}`);
}

/** `cote lists`. */
export function listsCommand(ctx: CliContext, options: { json?: boolean }): void {
  const db = ctx.db();
  const lists = allLists(db).map((l) => ({
    list: l.key,
    name: l.name,
    source: l.source,
    format: l.format,
    version: l.version,
    importedAt: l.importedAt,
    ...listCounts(db, l.id),
  }));
  if (options.json) {
    ctx.out(JSON.stringify(lists));
    return;
  }
  if (lists.length === 0) {
    ctx.out('no list imported yet');
    return;
  }
  for (const l of lists)
    ctx.out(
      `${l.list}\t${l.name}\t${l.format}\t${l.categories} types, ${l.problems} problems, ${l.entries} entries, ${l.recommended} recommended\t${l.source}`,
    );
}
