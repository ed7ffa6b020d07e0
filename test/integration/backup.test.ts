import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { tempDataDir } from '../support/app.ts';
import { runCote, spawnServer, stopServer } from '../support/spawnCote.ts';
import { createCliContext, runCli, type CliContext } from '../../src/cli.ts';
import { databaseFile, openDatabase, type Db } from '../../src/db/connection.ts';
import { knownMigrations } from '../../src/db/migrate.ts';
import { addLearner } from './digest.support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** `cote …` run in this process against `dataDir`, its output captured. */
async function cote(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const base = createCliContext({ COTE_DATA_DIR: dataDir, COTE_AUTO_IMPORT: 'false', LOG_LEVEL: 'silent' });
  let db: Db | undefined;
  const ctx: CliContext = { ...base, db: () => (db ??= base.db()), out: (t) => out.push(t), err: (t) => err.push(t) };
  try {
    const code = await runCli(['node', 'cote', ...args], ctx);
    return { code, out, err };
  } finally {
    db?.close();
  }
}

/** The learners in a database file (opened read-write, so that SQLite removes its -wal and -shm on close). */
const logins = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.prepare('SELECT login FROM learners ORDER BY login').pluck().all();
  } finally {
    db.close();
  }
};

describe('cote backup and cote restore', function () {
  this.timeout(30_000);
  let data: ReturnType<typeof tempDataDir>;
  let live: string;
  let backups: string;
  beforeEach(() => {
    data = tempDataDir();
    live = databaseFile(path.join(data.dir, 'data'));
    backups = path.join(data.dir, 'backups');
    fs.mkdirSync(backups);
    const db = openDatabase(live);
    addLearner(db, 'ana');
    db.close();
  });
  afterEach(() => data.cleanup());

  it('backup – writes a 0600 copy that holds the rows; an existing file is refused unless --force', async () => {
    const file = path.join(backups, 'cote.bak');
    expect(await cote(path.dirname(live), 'backup', file)).to.include({ code: 0 });
    expect(logins(file)).to.deep.equal(['ana']);
    expect(mode(file)).to.equal('600');

    const db = openDatabase(live);
    addLearner(db, 'ben');
    db.close();
    const refused = await cote(path.dirname(live), 'backup', file);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.have.length(1);
    expect(refused.err[0]).to.include(file).and.to.include('--force');
    expect(logins(file)).to.deep.equal(['ana']);

    expect(await cote(path.dirname(live), 'backup', file, '--force')).to.include({ code: 0 });
    expect(logins(file)).to.deep.equal(['ana', 'ben']);
    expect(fs.readdirSync(backups)).to.deep.equal(['cote.bak']); // no temp file or -wal left behind
  });

  it('backup while another process writes – the copy passes integrity_check and holds a consistent prefix of the rows', async () => {
    const db = openDatabase(live);
    db.exec('CREATE TABLE ticks (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)');
    const pad = db.prepare('INSERT INTO ticks (pad) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) pad.run(crypto.randomBytes(600).toString('hex')); // ~5 MB: many backup steps
    })();
    db.close();
    // A second process inserting one row per transaction without pause, printing its count as it goes.
    const script = `import Database from 'better-sqlite3';
      const db = new Database(${JSON.stringify(live)}, { timeout: 5000 });
      const insert = db.prepare('INSERT INTO ticks (pad) VALUES (?)');
      let n = 0;
      const tick = () => { for (let i = 0; i < 20; i++) { insert.run('w' + n++); } process.stdout.write(n + '\\n'); setImmediate(tick); };
      tick();`;
    const writer = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let written = 0;
    writer.stdout.on('data', (chunk: Buffer) => (written = Number(chunk.toString().trim().split('\n').pop())));
    const file = path.join(backups, 'during-writes.bak');
    try {
      while (written < 200) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = written;
      const result = await runCote(['backup', file], {
        COTE_DATA_DIR: path.dirname(live),
        LOG_LEVEL: 'silent',
        COTE_AUTO_IMPORT: 'false',
      });
      expect(result.code, result.stderr).to.equal(0);
      expect(written, 'the writer kept writing while the backup ran').to.be.greaterThan(before);
    } finally {
      writer.kill('SIGKILL');
      await new Promise((resolve) => writer.once('close', resolve));
    }
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).to.equal('ok');
      expect(copy.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).to.deep.equal(
        knownMigrations(),
      );
      expect(copy.prepare('SELECT login FROM learners').pluck().all()).to.deep.equal(['ana']);
      const ticks = copy.prepare("SELECT count(*) AS n, max(n) AS last FROM ticks WHERE pad LIKE 'w%'").get() as {
        n: number;
        last: number;
      };
      expect(ticks.n).to.be.at.least(200);
      expect(ticks.last - 4000, 'the rows form a prefix: none missing in between').to.equal(ticks.n);
    } finally {
      copy.close();
    }
  });

  it('restore – replaces the database atomically with the backup; no stale -wal or -shm of the old one remains', async () => {
    const file = path.join(backups, 'cote.bak');
    expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
    const db = openDatabase(live);
    addLearner(db, 'ben');
    db.pragma('wal_autocheckpoint = 0'); // leave ben in the -wal: a stale -wal would bring him back
    addLearner(db, 'cho');
    const wal = fs.readFileSync(`${live}-wal`);
    db.close();
    fs.writeFileSync(`${live}-wal`, wal);

    const restored = await cote(path.dirname(live), 'restore', file);
    expect(restored.code, restored.err.join('\n')).to.equal(0);
    expect(restored.out[0]).to.include(live).and.to.include(file);
    expect(fs.existsSync(`${live}-wal`)).to.equal(false);
    expect(fs.existsSync(`${live}-shm`)).to.equal(false);
    expect(logins(live)).to.deep.equal(['ana']);
    expect(mode(live)).to.equal('600');
    expect(fs.readdirSync(path.dirname(live)).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    const reopened = openDatabase(live);
    expect(reopened.pragma('integrity_check', { simple: true })).to.equal('ok');
    reopened.close();
  });

  it('restore where only a -wal of the old database is left – that -wal is not replayed into the restored one', async () => {
    const file = path.join(backups, 'cote.bak');
    expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
    const db = openDatabase(live);
    db.pragma('wal_autocheckpoint = 0');
    addLearner(db, 'ben');
    const wal = fs.readFileSync(`${live}-wal`);
    db.close();
    fs.rmSync(live); // removed by hand, its -wal forgotten
    fs.writeFileSync(`${live}-wal`, wal);

    const restored = await cote(path.dirname(live), 'restore', file);
    expect(restored.code, restored.err.join('\n')).to.equal(0);
    expect(fs.existsSync(`${live}-wal`)).to.equal(false);
    expect(logins(live)).to.deep.equal(['ana']);
  });

  describe('restore refuses, with one line and the database untouched', () => {
    const refusedWith = async (source: string, pattern: RegExp) => {
      const before = fs.readFileSync(live);
      const result = await cote(path.dirname(live), 'restore', source);
      expect(result.code).to.not.equal(0);
      expect(result.err).to.have.length(1);
      expect(result.err[0]).to.include(source).and.to.match(pattern);
      expect(fs.readFileSync(live).equals(before)).to.equal(true);
      expect(logins(live)).to.deep.equal(['ana']);
      expect(fs.readdirSync(path.dirname(live)).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    };

    it('a file of random bytes', async () => {
      const file = path.join(backups, 'random.bak');
      fs.writeFileSync(file, crypto.randomBytes(8192));
      await refusedWith(file, /not a cote database/);
    });

    it('an SQLite database without schema_migrations', async () => {
      const file = path.join(backups, 'other.db');
      const other = new Database(file);
      other.exec('CREATE TABLE learners (login TEXT)');
      other.close();
      await refusedWith(file, /not a cote database \(no schema_migrations table\)/);
    });

    it('an empty file', async () => {
      const file = path.join(backups, 'empty.bak');
      fs.writeFileSync(file, '');
      await refusedWith(file, /not a cote database/);
    });

    it('a backup from a newer cote (a migration this version does not know)', async () => {
      const file = path.join(backups, 'newer.bak');
      expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
      const newer = new Database(file);
      newer
        .prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)')
        .run('999_from_the_future.sql', '2030-01-01T00:00:00Z');
      newer.close();
      await refusedWith(file, /newer cote \(unknown migration 999_from_the_future\.sql\)/);
    });

    it('a database with only schema_migrations (every migration recorded, no table made) – refused naming what is missing', async () => {
      const file = path.join(backups, 'hollow.db');
      const hollow = new Database(file);
      hollow.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const record = hollow.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
      for (const name of knownMigrations()) record.run(name, '2026-01-01T00:00:00Z');
      hollow.close();
      await refusedWith(file, /not a cote database as any cote version makes it: no index .*|no table learners/);
      const empty = path.join(backups, 'empty-migrations.db');
      const bare = new Database(empty);
      bare.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      bare.close();
      await refusedWith(empty, /does not record 001_init\.sql, the first migration/);
    });

    it('a backup carrying a trigger that makes the next learner an admin – refused naming the trigger', async () => {
      const file = path.join(backups, 'trap.bak');
      expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
      const trap = new Database(file);
      trap.exec(`CREATE TRIGGER make_admin AFTER INSERT ON sessions BEGIN UPDATE learners SET is_admin = 1; END`);
      trap.exec('CREATE VIEW peek AS SELECT login FROM learners');
      trap.close();
      await refusedWith(file, /an unexpected trigger make_admin; an unexpected view peek/);
    });

    it('a backup whose table was altered – refused naming the table', async () => {
      const file = path.join(backups, 'altered.bak');
      expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
      const altered = new Database(file);
      altered.exec('ALTER TABLE learners ADD COLUMN note TEXT');
      altered.close();
      await refusedWith(file, /table learners differs from cote's/);
    });

    it('a missing file', async () => {
      await refusedWith(path.join(backups, 'nowhere.bak'), /does not exist/);
    });
  });

  it('restore while the server runs – refused with one line, the server keeps its database', async () => {
    const file = path.join(backups, 'cote.bak');
    expect((await cote(path.dirname(live), 'backup', file)).code).to.equal(0);
    const server = spawnServer({
      COTE_DATA_DIR: path.dirname(live),
      PORT: '0',
      HOST: '127.0.0.1',
      COTE_AUTO_IMPORT: 'false',
      LOG_LEVEL: 'info',
    });
    try {
      await server.logged('cote listening');
      const result = await runCote(['restore', file], {
        COTE_DATA_DIR: path.dirname(live),
        LOG_LEVEL: 'silent',
        COTE_DB_BUSY_TIMEOUT_MS: '200',
      });
      expect(result.code).to.not.equal(0);
      expect(result.lines, result.stderr).to.have.length(1);
      expect(result.lines[0])
        .to.include(live)
        .and.to.match(/in use by another process: stop the cote server/);
    } finally {
      await stopServer(server);
    }
  });
});
