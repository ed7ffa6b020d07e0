import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { SMTPServer } from 'smtp-server';
import { tempDataDir } from '../support/app.ts';
import { spawnServer, stopServer, type RunningCote } from '../support/spawnCote.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { digestFor } from '../../src/digest/digestRepository.ts';
import { setDigestSettings } from '../../src/learners/learnerRepository.ts';
import { addLearner, SMTP_OPTIONS } from './digest.support.ts';

/** Both servers run on this day whatever the wall clock says (the clock starts at noon UTC and runs from there). */
const CLOCK_START = '2026-11-28T12:00:00Z';
const DAY = '2026-11-28';

/** Starts the real server (src/main.ts) and resolves once it listens. */
async function startCote(env: NodeJS.ProcessEnv): Promise<RunningCote> {
  const cote = spawnServer(env);
  await cote.logged('cote listening');
  return cote;
}

describe('digest across a real restart', function () {
  this.timeout(30_000);

  it('cote killed while the SMTP server has the message, then started again – one email, never a second', async () => {
    const data = tempDataDir();
    let received = 0;
    let onFirst!: () => void;
    const first = new Promise<void>((resolve) => (onFirst = resolve));
    // The server reads the whole message and then holds its answer: cote is killed before it hears "250".
    const smtp = new SMTPServer({
      ...SMTP_OPTIONS,
      onData(stream, _session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received++;
          if (received === 1) onFirst();
          else callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const env = {
      COTE_DATA_DIR: data.dir,
      PORT: '0',
      HOST: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      COTE_AUTO_IMPORT: 'false',
      LOG_LEVEL: 'debug',
      COTE_CLOCK_START: CLOCK_START,
    };
    const db = openDatabase(path.join(data.dir, 'cote.db'));
    let cote: RunningCote | undefined;
    try {
      const ana = addLearner(db, 'ana', { timezone: 'UTC' });
      setDigestSettings(db, ana.id, { enabled: true, time: '00:00' });

      cote = await startCote(env);
      await first;
      cote.child.kill('SIGKILL');
      await cote.exited();
      expect(digestFor(db, ana.id, DAY)?.status).to.equal('sending');

      cote = await startCote(env);
      await cote.logged('digest: run finished'); // the start-up run is over
      await stopServer(cote);

      expect(received).to.equal(1);
      expect(digestFor(db, ana.id, DAY)?.status).to.equal('sending');
    } finally {
      if (cote) await stopServer(cote, 0);
      db.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      data.cleanup();
    }
  });
});
