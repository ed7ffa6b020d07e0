import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/connection.ts';
import { instantAt } from '../../src/day.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { silentLogger } from '../../src/log.ts';
import { setDigests } from './seed.ts';
import { startSink } from '../smtpSink.ts';

export interface DigestRunResult {
  learners: number;
  sent: number;
  received: number;
  ms: number;
  /** The time per 1,000 learners, to compare with the 1,000-learner target of 60 s. */
  msPer1000: number;
}

/**
 * The nightly run for every learner of `db`: digests switched on, then sendDueDigests() at 21:30 in Seoul on `today`
 * (every seeded learner lives there and is due), through the default pooled SMTP transport to a local sink.
 * `onProgress` hears every 30 s how many messages arrived so far.
 */
export async function runNightlyDigest(
  db: Db,
  dataDir: string,
  today: string,
  onProgress: (received: number, learners: number, ms: number) => void = () => {},
): Promise<DigestRunResult> {
  const sink = await startSink();
  const config = loadConfig({
    COTE_DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    LOG_LEVEL: 'silent',
    COTE_BASE_URL: 'https://cote.bench.test',
  });
  const mailer = createMailer(config);
  try {
    setDigests(db, true);
    const learners = db.prepare('SELECT count(*) FROM learners').pluck().get() as number;
    const start = performance.now();
    const progress = setInterval(
      () => onProgress(sink.count(), learners, Math.round(performance.now() - start)),
      30_000,
    );
    const summary = await sendDueDigests(
      { db, config, logger: silentLogger, mailer },
      instantAt(today, '21:30', 'Asia/Seoul'),
    ).finally(() => clearInterval(progress));
    const ms = Math.round(performance.now() - start);
    return { learners, sent: summary.sent, received: sink.count(), ms, msPer1000: Math.round((ms / learners) * 1000) };
  } finally {
    mailer.close();
    await sink.close();
  }
}
