import { createHash } from 'node:crypto';
import { problemsByIds } from '../catalog/problemRepository.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import { linkTemplatesOf } from '../judges/links.ts';
import { webLink } from '../judges/webLink.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { calendarFeed, type FeedDay } from './calendarFeed.ts';
import { planFingerprint } from './planFingerprint.ts';
import { storedPlan } from './storedPlan.ts';

/** Bump when the feed's bytes change meaning for the same plan (a new property, other words). */
export const FEED_FORMAT = 1;

/**
 * The feed's ETag, from what it is made of without making it: the plan's fingerprint (a few indexed reads: settings,
 * attempts, lists, the day), the learner's language and zone, and the links' configuration. A calendar app asking
 * hourly with If-None-Match costs this and a 304.
 */
export function calendarEtag(db: Db, config: Config, learner: Learner, now: Date): string {
  const today = localDay(now, learner.timezone);
  const parts = [
    FEED_FORMAT,
    planFingerprint(db, learner, today).full,
    learner.language,
    learner.timezone,
    learner.login,
    config.baseUrl,
    JSON.stringify(linkTemplatesOf(config)),
  ];
  return `"${createHash('sha1').update(parts.join('\n')).digest('base64url')}"`;
}

/** The learner's plan from their today to the exam as an iCalendar feed (the stored plan; today's list is not stored). */
export function calendarOf(db: Db, config: Config, learner: Learner, now: Date): string {
  const stored = storedPlan(db, learner, localDay(now, learner.timezone), now, { storeList: false });
  const plan = stored.plan;
  const templates = linkTemplatesOf(config);
  const info = problemsByIds(db, [...new Set(plan.days.flatMap((d) => d.items.map((i) => i.problem)))]);
  const days = plan.days
    .filter((d) => !d.rest && d.items.length > 0)
    .map(
      (d): FeedDay => ({
        day: d.day,
        mock: d.items.some((i) => i.kind === 'mock'),
        minutes: d.items.reduce((sum, i) => sum + i.minutes, 0),
        problems: d.items.map((i) => ({
          problem: i.problem,
          title: info.get(i.problem)?.title ?? i.problem,
          minutes: i.minutes,
          url: webLink(i.problem, info.get(i.problem)?.url ?? null, templates),
        })),
      }),
    );
  const base = config.baseUrl.replace(/\/+$/, '');
  return calendarFeed({
    uidKey: String(learner.id),
    domain: new URL(base).hostname,
    login: learner.login,
    zone: learner.timezone,
    lang: learner.language,
    computedAt: new Date(stored.computedAt),
    days,
    exam: plan.exam,
    planUrl: `${base}/plan`,
  });
}
