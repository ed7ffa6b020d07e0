import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { SMTPServer } from 'smtp-server';
import { tempDataDir } from '../support/app.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { digestFor } from '../../src/digest/digestRepository.ts';
import { localDay } from '../../src/day.ts';
import { setDigestSettings } from '../../src/learners/learnerRepository.ts';
import { addLearner, SMTP_OPTIONS } from './digest.support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the real server (src/main.ts) and resolves once it listens; `logged(text)` waits for a log line. */
function startCote(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; logged(text: string): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => (log.includes(text) ? resolve() : child.stderr!.once('data', () => setImmediate(check)));
      check();
    });
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      log += chunk;
      if (log.includes('cote listening')) resolve({ child, logged });
    });
    child.on('exit', (code) => reject(new Error(`cote exited with ${code}: ${log}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

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
    };
    const db = openDatabase(path.join(data.dir, 'cote.db'));
    let cote: ChildProcess | undefined;
    try {
      const ana = addLearner(db, 'ana', { timezone: 'UTC' });
      setDigestSettings(db, ana.id, { enabled: true, time: '00:00' }); // due all day, whenever this test runs
      const day = localDay(new Date(), 'UTC');

      cote = (await startCote(env)).child;
      await first;
      cote.kill('SIGKILL');
      await exited(cote);
      expect(digestFor(db, ana.id, day)?.status).to.equal('sending');

      const restarted = await startCote(env);
      cote = restarted.child;
      await restarted.logged('digest: run finished'); // the start-up run is over
      cote.kill('SIGTERM');
      await exited(cote);

      expect(received).to.equal(1);
      expect(digestFor(db, ana.id, day)?.status).to.equal('sending');
    } finally {
      if (cote && cote.exitCode === null && cote.signalCode === null) cote.kill('SIGKILL');
      db.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      data.cleanup();
    }
  });
});
