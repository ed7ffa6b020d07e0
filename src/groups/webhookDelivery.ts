import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { localDay, localTime } from '../day.ts';
import type { Logger } from '../log.ts';
import { groupTimeZone } from './groupDay.ts';
import { groupPost, type GroupPost } from './groupPost.ts';
import { groupById, type Group } from '../membership/groupRepository.ts';
import { postSettingsOf } from './postSettingsRepository.ts';
import { webhookBody } from './webhookFormat.ts';
import {
  claimPost,
  failPost,
  markPostSending,
  markPostSent,
  markPostUnsent,
  postFor,
  unfinishedPosts,
  type PostClaim,
  type PostKind,
} from './webhookPostRepository.ts';
import { groupsWithWebhooks, webhookById, webhooksOf, type Webhook } from './webhookRepository.ts';
import { sendWebhook, type SendOptions } from './webhookSend.ts';
import { mask } from './webhookUrl.ts';

export interface ReachDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Tests replace the 429 waits. */
  send?: Pick<SendOptions, 'sleep' | 'timeoutMs'>;
}

/** Minutes to wait after the 1st and 2nd failed try; the 3rd failure is final. */
export const RETRY_MINUTES = [2, 10];
/** A claim this old whose request never left belongs to a sender that died: take it over. */
export const CLAIM_STALE_MS = 2 * 60_000;
/** A request in flight this long (timeouts and 429 waits are far shorter) was interrupted: it may have arrived. */
export const SENDING_STALE_MS = 10 * 60_000;

export interface NotifySummary {
  sent: number;
  failed: number;
  /** Posts of this day and kind that went out (or failed for good) before: never posted twice. */
  skipped: number;
  errors: { webhook: string; kind: PostKind; error: string }[];
}

/**
 * The group's day and the posts due at `now`: each switched-on post whose time has come in the group's zone today.
 * A morning post not made by the evening post's time (cote was down) is dropped: the evening one says it all then.
 */
export function duePostsOf(db: Db, group: Group, now: Date): { day: string; kinds: PostKind[] } {
  const zone = groupTimeZone(db, group.id);
  const time = localTime(now, zone);
  const s = postSettingsOf(db, group.id);
  const kinds: PostKind[] = [];
  const eveningCame = s.eveningOn && s.eveningAt > s.morningAt && time >= s.eveningAt;
  if (s.morningOn && time >= s.morningAt && !eveningCame) kinds.push('morning');
  if (s.eveningOn && time >= s.eveningAt) kinds.push('evening');
  return { day: localDay(now, zone), kinds };
}

/**
 * The job: every group's posts due at `now` to each of its webhooks, each at most once per webhook, day and kind
 * (a claim row), retried after RETRY_MINUTES when the receiver was unreachable, rate-limited or failing (5xx), given
 * up at once when it refused the post (4xx: a deleted webhook answers 404). Safe to run at any moment, as often as
 * wanted, by several processes at once. A day that ended takes its unfinished posts with it.
 */
export async function sendDueGroupPosts(deps: ReachDeps, now: Date): Promise<NotifySummary> {
  const summary: NotifySummary = { sent: 0, failed: 0, skipped: 0, errors: [] };
  abandonUnfinished(deps, now);
  for (const groupId of groupsWithWebhooks(deps.db)) {
    const group = groupById(deps.db, groupId);
    if (!group) continue;
    const { day, kinds } = duePostsOf(deps.db, group, now);
    for (const kind of kinds) await postToAll(deps, group, day, kind, now, false, summary);
  }
  if (summary.sent + summary.failed > 0) deps.logger.info('reach: posts sent', { ...summary });
  return summary;
}

/**
 * `cote group notify`: the day's post of `kind` to every webhook of the group now, whatever the time and the
 * switches say — but still once: a webhook that got it already is skipped, a post waiting for its retry goes now.
 */
export async function notifyGroup(
  deps: ReachDeps,
  group: Group,
  day: string,
  kind: PostKind,
  now: Date,
): Promise<NotifySummary> {
  const summary: NotifySummary = { sent: 0, failed: 0, skipped: 0, errors: [] };
  await postToAll(deps, group, day, kind, now, true, summary);
  return summary;
}

async function postToAll(
  deps: ReachDeps,
  group: Group,
  day: string,
  kind: PostKind,
  now: Date,
  retryNow: boolean,
  summary: NotifySummary,
): Promise<void> {
  let post: GroupPost | undefined;
  const stale = new Date(now.getTime() - CLAIM_STALE_MS);
  for (const webhook of webhooksOf(deps.db, group.id)) {
    const row = postFor(deps.db, webhook.id, day, kind);
    if (row?.status === 'sent' || row?.status === 'failed') {
      if (retryNow) summary.skipped++;
      continue;
    }
    const claim = claimPost(deps.db, { webhookId: webhook.id, day, kind }, now, stale, retryNow);
    if (!claim) {
      if (retryNow) summary.skipped++;
      continue;
    }
    let error: string | undefined;
    try {
      // The board behind a post is built once for all the group's webhooks, and only when one is due.
      post ??= groupPost(deps.db, deps.config, group, day, kind, {
        lang: postSettingsOf(deps.db, group.id).lang,
        now,
        storeMission: day === localDay(now, groupTimeZone(deps.db, group.id)),
      });
    } catch (caught) {
      error = unsent(deps, claim, `render: ${(caught as Error).message}`, now, true);
    }
    if (post && error === undefined) error = await deliver(deps, webhook, claim, post, now);
    if (error === LOST) summary.skipped++;
    else if (error === undefined) summary.sent++;
    else {
      summary.failed++;
      summary.errors.push({ webhook: mask(webhook.url), kind, error });
    }
  }
}

/** deliver()'s answer when another sender took the row over before the request left: it is theirs to post. */
const LOST = 'lost';

/** Posts one claimed post; undefined when it went out, LOST, else the error recorded. */
async function deliver(
  deps: ReachDeps,
  webhook: Webhook,
  claim: PostClaim,
  post: GroupPost,
  now: Date,
): Promise<string | undefined> {
  const body = webhookBody(webhook.kind, post);
  if (!markPostSending(deps.db, claim, now)) return LOST;
  const outcome = await sendWebhook(webhook.url, body, {
    allowPrivate: deps.config.allowPrivateSources,
    gapMs: deps.config.webhookGapMs,
    ...deps.send,
  });
  if (outcome.ok) {
    markPostSent(deps.db, claim, now);
    return undefined;
  }
  return unsent(deps, claim, outcome.error, now, outcome.retry);
}

function unsent(deps: ReachDeps, claim: PostClaim, error: string, now: Date, retry: boolean): string {
  const minutes = retry ? RETRY_MINUTES[claim.attempts - 1] : undefined;
  const retryAt = minutes === undefined ? undefined : new Date(now.getTime() + minutes * 60_000);
  markPostUnsent(deps.db, claim, error, retryAt);
  deps.logger.warn('reach: post not sent', {
    webhook: claim.webhookId,
    day: claim.day,
    kind: claim.kind,
    attempts: claim.attempts,
    retryAt: retryAt?.toISOString(),
    error,
  });
  return error;
}

/**
 * Gives up rows that can no longer go out once: a day that ended in the group's zone (yesterday's mission posted
 * today would be wrong about "today"), and a request whose sender vanished while it was in flight (it may have arrived).
 */
function abandonUnfinished(deps: ReachDeps, now: Date): void {
  const sendingBefore = new Date(now.getTime() - SENDING_STALE_MS).toISOString();
  for (const row of unfinishedPosts(deps.db)) {
    const webhook = webhookById(deps.db, row.webhookId);
    if (webhook && row.day < localDay(now, groupTimeZone(deps.db, webhook.groupId)))
      failPost(
        deps.db,
        row,
        row.lastError ? `day ended; last error: ${row.lastError}` : 'day ended before it could be posted',
      );
    else if (row.status === 'sending' && (row.claimedAt ?? '') < sendingBefore)
      failPost(deps.db, row, 'interrupted while posting: it may have arrived, so it is not posted again');
  }
}
