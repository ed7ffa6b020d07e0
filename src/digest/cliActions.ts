import type { CliContext } from '../context.ts';
import { isDay, localDay } from '../day.ts';
import { AppError } from '../errors.ts';
import { learnerFor } from '../learners/learnerRef.ts';
import { silentLogger } from '../log.ts';
import { composeDigest, sendDigestNow } from './sendNow.ts';
import { createMailer } from './transport.ts';

// The work behind `cote digest`, loaded only when it runs (`cote --help` stays quick).

/**
 * `cote digest --learner L [--day YYYY-MM-DD] [--dry-run] [--json]`: the nightly job for one learner, once.
 * --json prints one object: { learner: { id, login, email }, day, dryRun, sent, transport, messageId, date, to,
 * subject, text, html } — `sent` is true only when this run sent it; `transport` is 'smtp', 'outbox' or null (dry run).
 * Exit 1: unknown learner, bad --day, digest off or already sent/being sent/failed that day. Exit 2: the transport
 * failed (the row is then pending and the server's job retries it with backoff).
 */
export async function digestCommand(
  ctx: CliContext,
  o: { learner: string; day?: string; dryRun?: boolean; json?: boolean },
): Promise<void> {
  const db = ctx.db();
  const learner = learnerFor(ctx.db(), o.learner);
  const now = ctx.now();
  if (o.day !== undefined && !isDay(o.day))
    throw new AppError('digest.bad_day', `--day ${JSON.stringify(o.day)} is not a date: use YYYY-MM-DD`, 400);
  const day = o.day ?? localDay(now, learner.timezone);
  const message = composeDigest({ db, config: ctx.config }, learner, day, now);
  let transport: 'smtp' | 'outbox' | null = null;
  if (!o.dryRun) {
    const mailer = createMailer(ctx.config, { pool: false });
    transport = mailer.kind;
    try {
      await sendDigestNow({ db, config: ctx.config, logger: silentLogger, mailer }, learner, day, now);
    } finally {
      mailer.close();
    }
  }
  const result = {
    learner: { id: learner.id, login: learner.login, email: learner.email },
    day,
    dryRun: Boolean(o.dryRun),
    sent: !o.dryRun,
    transport,
    messageId: message.messageId,
    date: now.toISOString(),
    to: String(message.to),
    subject: String(message.subject),
    text: String(message.text),
    html: String(message.html),
  };
  if (o.json) return ctx.out(JSON.stringify(result, null, 2));
  if (!o.dryRun) return ctx.out(`sent the digest for ${learner.login} on ${day} (${transport}) ${message.messageId}`);
  ctx.out(
    `To: ${result.to}\nSubject: ${result.subject}\nMessage-ID: ${result.messageId}\nDate: ${result.date}\n\n${result.text}`,
  );
}
