import fs from 'node:fs';
import type { CliContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { addLearner } from '../learners/addLearner.ts';
import { learnerCount } from '../learners/learnerRepository.ts';
import { learnerFor } from '../learners/learnerRef.ts';
import { passwordProblem } from '../learners/password.ts';
import { changePassword } from '../learners/changePassword.ts';
import { attemptsForLearner } from './attemptRepository.ts';
import { learnerToday, logAttempt } from './logAttempt.ts';
import { historyJson } from './export.ts';
import { importBaekjoonHub } from './imports/baekjoonHubImport.ts';
import { checkCsvSize, importAttemptCsv } from './imports/csvImport.ts';
import { summaryJson, type ImportSummary } from './imports/storeImport.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import { translator } from '../i18n/index.ts';
import { importSummaryLine } from './imports/summaryLine.ts';

// The work behind the progress commands, loaded only when one runs (`cote --help` stays quick).

type Options = Record<string, string | boolean | undefined>;

/** `cote learner add`. */
export async function learnerAddCommand(ctx: CliContext, o: Options): Promise<void> {
  const db = ctx.db();
  const password = o.passwordStdin ? await passwordFromStdin(ctx) : undefined;
  const raw = {
    login: o.login,
    name: o.name,
    email: o.email,
    timezone: o.timezone,
    examDate: o.exam,
    dailyMinutes: o.budget,
    profile: o.profile,
    password,
  };
  const added = db.transaction(() =>
    addLearner(db, raw, { isAdmin: learnerCount(db) === 0, now: ctx.now(), passwordOptional: true }),
  )();
  ctx.out(
    `added learner ${added.login}${added.isAdmin ? ' (admin)' : ''}${password ? '' : ` without a password: set one with \`cote learner password ${added.login} --password-stdin\``}`,
  );
}

/** `cote learner password <login>`. */
export async function learnerPasswordCommand(ctx: CliContext, login: string): Promise<void> {
  const found = learnerFor(ctx.db(), login);
  changePassword(ctx.db(), found.id, await passwordFromStdin(ctx));
  ctx.out(`password of ${found.login} set`);
}

/** `cote solve <problem>`. */
export function solveCommand(ctx: CliContext, problem: string, o: Options): void {
  const found = learnerFor(ctx.db(), o.learner);
  const a = logAttempt(
    ctx.db(),
    found,
    { problem, day: o.day, outcome: o.outcome, minutes: o.minutes, note: o.note },
    ctx.now(),
  );
  ctx.out(`logged ${a.problemId} ${a.title} (${a.outcome}) on ${a.day} for ${found.login}`);
}

/** `cote history`. */
export function historyCommand(ctx: CliContext, o: Options): void {
  const found = learnerFor(ctx.db(), o.learner);
  const data = historyJson(ctx.db(), found, learnerToday(found, ctx.now()));
  if (o.json) {
    ctx.out(JSON.stringify(data, null, 2));
    return;
  }
  for (const a of attemptsForLearner(ctx.db(), found.id))
    ctx.out(
      `${a.day ?? '(unknown day)'}  ${a.problemId}  ${a.outcome}${a.minutes === null ? '' : `  ${a.minutes} min`}  ${a.title}`,
    );
  ctx.out(`solved days: ${data.solvedDays}, current streak: ${data.streak.current}, longest: ${data.streak.longest}`);
}

/** Skipped rows named on stderr at most; --json lists them all. */
const MAX_SKIPPED_LINES = 20;

/** `cote history import <source>` (`o`: the command's options with history's --learner and --json). */
export async function historyImportCommand(ctx: CliContext, source: string, o: Options): Promise<void> {
  const found = learnerFor(ctx.db(), o.learner);
  const options = { partial: Boolean(o.partial), now: ctx.now() };
  let summary: ImportSummary;
  if (o.format === 'baekjoonhub') summary = await importBaekjoonHub(ctx.db(), found, source, options);
  else if (o.format === 'csv') summary = await importAttemptCsv(ctx.db(), found, readCsvFile(source), options);
  else
    throw new AppError(
      'progress.bad_format',
      `format ${JSON.stringify(o.format)} is unknown: expected baekjoonhub or csv`,
    );
  if (o.json) return ctx.out(JSON.stringify(summaryJson(summary), null, 2));
  // One line in the learner's language; the rows left out, if any, one per line on stderr after it.
  const t = translator(found.language);
  ctx.out(importSummaryLine(summary, t));
  for (const w of summary.warnings) ctx.err(`warning: ${t(w)}`);
  const shown = summary.skippedRows.slice(0, MAX_SKIPPED_LINES);
  for (const row of shown) ctx.err(`skipped ${row.where}: ${row.message}`);
  if (summary.skippedRows.length > shown.length)
    ctx.err(`skipped ${summary.skippedRows.length - shown.length} more (--json lists every one)`);
}

async function passwordFromStdin(ctx: CliContext): Promise<string> {
  const password = (await ctx.readStdin()).split(/\r?\n/)[0];
  const problem = passwordProblem(password);
  if (problem) throw new AppError(problem.code, `the password on stdin is refused: ${problem.message}`);
  return password;
}

/** The CSV file's text, strictly UTF-8; one that is too large is refused before it is read. */
function readCsvFile(file: string): string {
  let bytes: Buffer;
  try {
    checkCsvSize(fs.statSync(file).size);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'progress.unreadable_file',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded)
    throw new AppError(
      'progress.not_utf8',
      `${file} is not UTF-8 text (line ${decoded.badLine}); save it as UTF-8`,
      422,
      { file, line: decoded.badLine },
    );
  return decoded.text;
}
