import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { formatInstant } from '../../day.ts';
import { hasMessage, type Translate } from '../../i18n/index.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { setAccounts } from '../../sync/accounts.ts';
import { LEAD_MINUTES, nextNightly } from '../../sync/nightly.ts';
import { RUNNING_STALE_MS } from '../../sync/runSync.ts';
import { startSyncNow } from '../../sync/syncNow.ts';
import { accountsOf, type SyncAccount } from '../../sync/syncRepository.ts';
import { currentLearner } from '../auth.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { field, parseBody } from '../validate.ts';

/** The accounts form: the page always sends the four fields ('' clears one); repositories one per line. */
const AccountsBody = z.object({
  codeforces: field.text(100),
  leetcode: field.text(100),
  solvedac: field.text(100),
  repos: field.text(6000),
});

interface Form {
  codeforces: string;
  leetcode: string;
  solvedac: string;
  repos: string;
}

/** One account as the page and /api/sync show it, in the reader's words and time zone. */
function accountView(account: SyncAccount, learner: Learner, now: Date, next: Date, t: Translate) {
  const stale = new Date(now.getTime() - RUNNING_STALE_MS).toISOString();
  const error =
    account.lastErrorCode && hasMessage(`error.${account.lastErrorCode}`)
      ? t(`error.${account.lastErrorCode}`, account.lastErrorParams)
      : account.lastError;
  return {
    source: account.source,
    sourceName: t(`sync.source.${account.source}`),
    handle: account.handle,
    running: account.runningSince !== null && account.runningSince >= stale,
    lastSuccess: formatInstant(account.lastSuccessAt, learner.timezone),
    counts: account.lastCounts ? t('sync.counts', account.lastCounts) : '',
    // An error older than the last success is history: the source works again.
    error: error && (!account.lastSuccessAt || (account.lastErrorAt ?? '') > account.lastSuccessAt) ? error : '',
    errorAt: formatInstant(account.lastErrorAt, learner.timezone),
    nextTry: formatInstant(next, learner.timezone),
  };
}

function statusOf(deps: AppDeps, learner: Learner, t: Translate) {
  const accounts = accountsOf(deps.db, learner.id);
  const now = deps.now();
  const next = nextNightly(learner, accounts, now);
  const views = accounts.map((a) => accountView(a, learner, now, next, t));
  return { running: views.some((v) => v.running), accounts: views };
}

function formOf(accounts: SyncAccount[]): Form {
  const one = (source: string) => accounts.find((a) => a.source === source)?.handle ?? '';
  return {
    codeforces: one('codeforces'),
    leetcode: one('leetcode'),
    solvedac: one('solvedac'),
    repos: accounts
      .filter((a) => a.source === 'git')
      .map((a) => a.handle)
      .join('\n'),
  };
}

function render(deps: AppDeps, res: Response, learner: Learner, form: Form, error?: string) {
  const t = res.locals.t as Translate;
  const status = statusOf(deps, learner, t);
  res.render('settings/accounts', {
    title: t('sync.title'),
    form,
    error,
    ...status,
    leadMinutes: LEAD_MINUTES,
    refreshSeconds: status.running ? 2 : undefined,
  });
}

// GET /settings/accounts — the learner's accounts, each with its last success, last error and next try.
export function showAccounts(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    render(deps, res, learner, formOf(accountsOf(deps.db, learner.id)));
  };
}

// POST /settings/accounts — a bad handle or URL re-renders with 422 and the message; nothing is saved then.
export function saveAccounts(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const body = parseBody(AccountsBody, req);
    const learner = currentLearner(req);
    const form: Form = {
      codeforces: body.codeforces,
      leetcode: body.leetcode,
      solvedac: body.solvedac,
      repos: body.repos,
    };
    return withFormErrors(
      res,
      (error) => render(deps, res, learner, form, error),
      () => {
        const repos = form.repos.split(/\r?\n/);
        setAccounts(
          deps.db,
          learner.id,
          { codeforces: form.codeforces, leetcode: form.leetcode, solvedac: form.solvedac, repos },
          { allowPrivate: deps.config.allowPrivateSources, now: deps.now() },
        );
        flash(req, 'ok', res.locals.t('sync.saved'));
        res.redirect(303, '/settings/accounts');
      },
    );
  };
}

// POST /settings/accounts/sync — starts the learner's sync in the background; the page shows its progress.
export function syncNow(deps: AppDeps) {
  return (req: Request, res: Response) => {
    parseBody(z.object({}), req);
    const learner = currentLearner(req);
    return withFormErrors(
      res,
      (error) => render(deps, res, learner, formOf(accountsOf(deps.db, learner.id)), error),
      () => {
        void startSyncNow(deps, learner);
        flash(req, 'ok', res.locals.t('sync.started'));
        res.redirect(303, '/settings/accounts');
      },
    );
  };
}

// GET /api/sync — the learner's own accounts and whether a sync runs, polled by public/js/sync.js.
export function syncStatus(deps: AppDeps) {
  return (req: Request, res: Response) => {
    res.json(statusOf(deps, currentLearner(req), res.locals.t));
  };
}
