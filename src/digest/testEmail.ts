import type { Config } from '../config.ts';
import { translator } from '../i18n/index.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { messageHost } from './render.ts';
import type { Mailer, Sent } from './transport.ts';

/** The settings page's "send a test email": through the same transport as digests, recorded nowhere. */
export function sendTestEmail(config: Config, mailer: Mailer, learner: Learner, now: Date): Promise<Sent> {
  const t = translator(learner.language);
  const body = t('digest.test.body', { address: learner.email });
  return mailer.send({
    from: config.mailFrom,
    to: learner.email,
    subject: t('digest.test.subject'),
    text: body,
    html: `<p>${escapeHtml(body)}</p>`,
    date: now,
    messageId: `<test-${learner.id}-${now.getTime()}@${messageHost(config)}>`,
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Test emails a learner may send per TEST_EMAIL_WINDOW_MS. */
export const TEST_EMAILS_PER_HOUR = 3;
const TEST_EMAIL_WINDOW_MS = 60 * 60 * 1000;

/**
 * Counts test emails per learner over a sliding hour, so that nobody can flood a mailbox or the SMTP server.
 * Kept in memory: cote runs as one process, and a restart forgetting the count only allows three more. Holds at most
 * TEST_EMAILS_PER_HOUR instants per learner who sent one in the last hour.
 */
export class TestEmailLimit {
  private readonly sent = new Map<number, number[]>();

  /** Counts one email for the learner at `now` and returns undefined; when over the limit, counts nothing and returns when the next is allowed. */
  take(learnerId: number, now: Date): Date | undefined {
    const since = now.getTime() - TEST_EMAIL_WINDOW_MS;
    for (const [id, times] of this.sent) {
      const recent = times.filter((t) => t > since);
      if (recent.length === 0) this.sent.delete(id);
      else this.sent.set(id, recent);
    }
    const times = this.sent.get(learnerId) ?? [];
    if (times.length >= TEST_EMAILS_PER_HOUR) return new Date(times[0] + TEST_EMAIL_WINDOW_MS);
    this.sent.set(learnerId, [...times, now.getTime()]);
    return undefined;
  }
}
