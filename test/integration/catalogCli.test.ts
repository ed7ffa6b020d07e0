import path from 'node:path';
import { expect } from 'chai';
import { runCli, type CliContext } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { databaseFile, openDatabase, type Db } from '../../src/db/connection.ts';
import { startFirstImport } from '../../src/catalog/firstImport.ts';
import { latestImportRun, createImportRun, importRunById } from '../../src/catalog/importRunRepository.ts';
import { listCount } from '../../src/catalog/listRepository.ts';
import { tempDataDir, testDeps } from '../support/app.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');

/** A CLI context on a temporary data directory whose output is captured. */
function cliContext(env: NodeJS.ProcessEnv = {}) {
  const data = tempDataDir();
  const config = loadConfig({ COTE_DATA_DIR: data.dir, LOG_LEVEL: 'silent', ...env });
  let db: Db | undefined;
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    config,
    db: () => (db ??= openDatabase(databaseFile(config.dataDir))),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    isTTY: false,
    now: () => new Date('2026-11-28T03:00:00Z'),
    readStdin: async () => '',
  };
  return {
    ctx,
    out,
    err,
    db: () => ctx.db(),
    cleanup: () => {
      db?.close();
      data.cleanup();
    },
  };
}

const cote = (ctx: CliContext, ...args: string[]) => runCli(['node', 'cote', ...args], ctx);

describe('cote import', () => {
  let server: StaticServer;
  let cli: ReturnType<typeof cliContext>;
  before(async () => (server = await serveDirectory(path.join(FIXTURES, 'v1'))));
  after(async () => server.close());
  beforeEach(() => (cli = cliContext({ COTE_LIST_SOURCE: server.url })));
  afterEach(() => cli.cleanup());

  it('cote import --json – the default source (COTE_LIST_SOURCE) – prints exactly the summary object', async () => {
    expect(await cote(cli.ctx, 'import', '--json')).to.equal(0);
    expect(cli.out).to.have.length(1);
    expect(JSON.parse(cli.out[0])).to.deep.equal({
      list: 'tony9402-baekjoon',
      format: 'tony9402',
      categories: 3,
      problems: 9,
      entries: 10,
      recommended: 4,
      added: 9,
      removed: 0,
      changed: 0,
      skipped: 0,
      warnings: [
        'README.md: Simulation claims 3 recommended, algorithms/simulation/README.md marks 1 (the page is used)',
      ],
      typeMap: { '그래프 탐색': 'graph_traversal', 시뮬레이션: 'simulation', 수학: 'math' },
    });
    expect(cli.err).to.deep.equal([]);
  });

  it('cote import --source <dir> – a newer version – prints the counts and each change', async () => {
    await cote(cli.ctx, 'import');
    cli.out.length = 0;
    expect(await cote(cli.ctx, 'import', '--source', path.join(FIXTURES, 'v2'))).to.equal(0);
    expect(cli.out[0]).to.equal(
      `imported tony9402-baekjoon from ${path.join(FIXTURES, 'v2')}: 3 types, 8 problems (9 entries, 5 recommended); added 1, removed 2, changed 3`,
    );
    expect(cli.out).to.include.members([
      '  boj:16236 added',
      '  boj:7576 left the list',
      '  boj:14499: recommended in simulation: no → yes',
      '  boj:1978: tier Bronze II → Bronze I',
      '  boj:1260: title "DFS와 BFS" → "DFS와 BFS 2"',
    ]);
  });

  it('cote import – a bad source – exit 1, one line on stderr naming it, database unchanged', async () => {
    await cote(cli.ctx, 'import');
    const before = cli.db().prepare('SELECT * FROM entries ORDER BY 1, 2').all();
    cli.out.length = 0;
    const code = await cote(cli.ctx, 'import', '--source', `${server.url}nowhere/`, '--json');
    expect(code).to.equal(1);
    expect(cli.out).to.deep.equal([]);
    expect(cli.err).to.deep.equal([
      `cote: GET ${server.url}nowhere/README.md answered 404; expected the list index README.md with a table of algorithm types`,
    ]);
    expect(cli.db().prepare('SELECT * FROM entries ORDER BY 1, 2').all()).to.deep.equal(before);
  });

  it('cote import – a missing directory – exit 1 and nothing stored', async () => {
    expect(await cote(cli.ctx, 'import', '--source', '/no/such/dir')).to.equal(1);
    expect(cli.err)
      .to.have.length(1)
      .and.to.match(/^cote: directory \/no\/such\/dir does not exist/);
    expect(listCount(cli.db())).to.equal(0);
  });
});

describe('startFirstImport()', () => {
  let t: ReturnType<typeof testDeps>;
  afterEach(() => t.cleanup());

  it('startFirstImport() – auto-import on, no list – imports the configured source in the background as a run', async () => {
    t = testDeps({ COTE_AUTO_IMPORT: 'true', COTE_LIST_SOURCE: path.join(FIXTURES, 'v1') });
    await startFirstImport(t.deps);
    expect(listCount(t.deps.db)).to.equal(1);
    expect(latestImportRun(t.deps.db)).to.include({ status: 'succeeded', done: 5, total: 5 });
  });

  it('startFirstImport() – unreachable source – records the failure and the app keeps serving', async () => {
    const closed = await serveDirectory(FIXTURES);
    await closed.close();
    t = testDeps({ COTE_AUTO_IMPORT: 'true', COTE_LIST_SOURCE: closed.url });
    await startFirstImport(t.deps);
    const run = latestImportRun(t.deps.db)!;
    expect(run.status).to.equal('failed');
    expect(run.message).to.equal(
      `cannot reach ${closed.url}README.md (ECONNREFUSED); expected the list index README.md with a table of algorithm types`,
    );
    // Before the first learner the page is open, and whoever started the server sees why (as an admin would).
    const { default: request } = await import('supertest');
    const page = await request(t.app()).get('/').set('Accept-Language', 'en').expect(200);
    expect(page.text).to.include('ECONNREFUSED');
  });

  it('startFirstImport() – a list is stored, or auto-import off – imports nothing', async () => {
    t = testDeps({ COTE_AUTO_IMPORT: 'false', COTE_LIST_SOURCE: path.join(FIXTURES, 'v1') });
    await startFirstImport(t.deps);
    expect(latestImportRun(t.deps.db)).to.equal(undefined);
  });

  it('startFirstImport() – a run left running by a stopped server – is marked failed as interrupted', async () => {
    t = testDeps({ COTE_AUTO_IMPORT: 'false' });
    const id = createImportRun(t.deps.db, '/srv/list', t.clock.get());
    await startFirstImport(t.deps);
    expect(importRunById(t.deps.db, id)).to.include({
      status: 'failed',
      message: 'interrupted: the server stopped during the import',
    });
  });
});
