import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { tempDataDir } from '../support/app.ts';
import { databaseFile, openDatabase } from '../../src/db/connection.ts';
import { AppError } from '../../src/errors.ts';
import { sessionSecret } from '../../src/secret.ts';
import { runCote, spawnServer, stopServer, type Exited } from '../support/spawnCote.ts';

const BASE_ENV = { PORT: '0', HOST: '127.0.0.1', COTE_AUTO_IMPORT: 'false', LOG_LEVEL: 'info' };
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** The refusal every bad start must give: a non-zero exit and exactly one line on stderr, without a stack. */
function expectOneLine(result: Exited, ...parts: (string | RegExp)[]): void {
  expect(result.code, result.stderr).to.not.equal(0);
  expect(result.code, result.stderr).to.not.equal(null);
  expect(result.lines, result.stderr).to.have.length(1);
  expect(result.stderr).to.not.match(/\n\s+at /);
  for (const part of parts)
    expect(result.lines[0]).to.match(
      typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : part,
    );
}

/** A cote database with enough rows to span many pages, checkpointed into the main file (no -wal left). */
function filledDatabase(file: string): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE filler (x TEXT)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`${'x'.repeat(200)}${i}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('start-up: the database file', function () {
  this.timeout(30_000);
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => (data = tempDataDir()));
  afterEach(() => data.cleanup());

  it('missing data folder and database – created: folder 0700; database, -wal, -shm and session secret 0600', () => {
    const dir = path.join(data.dir, 'new', 'data');
    const file = databaseFile(dir);
    const db = openDatabase(file); // what main does first, then the session secret
    try {
      sessionSecret(dir);
      expect(mode(dir)).to.equal('700');
      expect(mode(path.join(data.dir, 'new'))).to.equal('700');
      expect([file, `${file}-wal`, `${file}-shm`, path.join(dir, 'session-secret')].map(mode)).to.deep.equal([
        '600',
        '600',
        '600',
        '600',
      ]);
    } finally {
      db.close();
    }
  });

  it('a zero-byte database file – refused with one line naming the file, and left as it was (no new empty /setup)', async () => {
    const file = path.join(data.dir, 'cote.db');
    fs.writeFileSync(file, '');
    const result = await spawnServer({ ...BASE_ENV, COTE_DATA_DIR: data.dir }).exitedWithin(10_000);
    expectOneLine(result, file, /empty/, /cote restore/);
    expect(fs.statSync(file).size).to.equal(0);
    expect(fs.existsSync(`${file}-wal`)).to.equal(false);
  });

  it('a file of random bytes – refused naming the file: not a cote database or is corrupt', () => {
    const file = path.join(data.dir, 'cote.db');
    fs.writeFileSync(file, crypto.randomBytes(16_384));
    expect(() => openDatabase(file)).to.throw(AppError, `database ${file} is not a cote database or is corrupt`);
  });

  it('a truncated database (half of it cut off) – refused naming the file at start, not a server that fails later', () => {
    const file = path.join(data.dir, 'cote.db');
    filledDatabase(file);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    expect(() => openDatabase(file)).to.throw(AppError, `database ${file} is not a cote database or is corrupt`);
  });

  it('the CLI on a corrupt database – exit non-zero with one line naming the file', async () => {
    const file = path.join(data.dir, 'cote.db');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const result = await runCote(['history', '--learner', 'ana'], { ...BASE_ENV, COTE_DATA_DIR: data.dir });
    expectOneLine(result, file, /not a cote database or is corrupt/);
  });
});

describe('start-up: a database locked by another process', function () {
  this.timeout(30_000);
  let data: ReturnType<typeof tempDataDir>;
  let file: string;
  let holder: Database.Database;
  beforeEach(() => {
    data = tempDataDir();
    file = path.join(data.dir, 'cote.db');
    openDatabase(file).close();
    // Another program holds the whole file: exclusive locking mode keeps even readers out of a WAL database.
    holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    holder.exec('CREATE TABLE held (x)');
  });
  afterEach(() => {
    if (holder.open) holder.close();
    data.cleanup();
  });

  it('held past COTE_DB_BUSY_TIMEOUT_MS – waits that long, then exits with one line naming the file', async () => {
    const started = Date.now();
    const result = await spawnServer({
      ...BASE_ENV,
      COTE_DATA_DIR: data.dir,
      COTE_DB_BUSY_TIMEOUT_MS: '400',
    }).exitedWithin(10_000);
    expectOneLine(result, file, /locked/);
    expect(Date.now() - started).to.be.at.least(400);
  });

  it('released while cote waits – cote starts normally', async () => {
    const cote = spawnServer({ ...BASE_ENV, COTE_DATA_DIR: data.dir, COTE_DB_BUSY_TIMEOUT_MS: '15000' });
    try {
      // Hold the lock well into cote's start, then let go: cote must have waited rather than failed.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(cote.child.exitCode).to.equal(null);
      holder.exec('ROLLBACK');
      holder.close();
      await cote.logged('cote listening');
    } finally {
      await stopServer(cote);
    }
  });
});

describe('start-up: configuration', function () {
  this.timeout(30_000);

  it('PORT=abc – the boot stops with one line naming PORT', async () => {
    const data = tempDataDir();
    try {
      const result = await spawnServer({ ...BASE_ENV, COTE_DATA_DIR: data.dir, PORT: 'abc' }).exitedWithin(10_000);
      expectOneLine(result, /PORT/, /abc/);
      expect(fs.existsSync(path.join(data.dir, 'cote.db'))).to.equal(false);
    } finally {
      data.cleanup();
    }
  });
});
