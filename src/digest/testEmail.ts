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

/** Test emails a learner may send per TEST_EMAIL_WINDOW_MS (web/digest/emailSettings.ts limits the route). */
export const TEST_EMAILS_PER_HOUR = 3;
export const TEST_EMAIL_WINDOW_MS = 60 * 60 * 1000;
