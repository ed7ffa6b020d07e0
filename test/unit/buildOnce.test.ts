import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { builtFromCurrentSource } from '../support/buildOnce.ts';

describe('npm test rebuilds dist/ unless it is newer than its sources (test/support/buildOnce.ts)', () => {
  let root: string;
  const at = (file: string, minutesAgo: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (!fs.existsSync(full)) fs.writeFileSync(full, '');
    const when = new Date(Date.now() - minutesAgo * 60_000);
    fs.utimesSync(full, when, when);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-build-'));
    for (const file of ['package.json', 'tsconfig.json', 'src/main.ts', 'src/db/migrations/001.sql']) at(file, 60);
    for (const dir of ['src/db/migrations', 'src/db', 'src']) at(dir, 60);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('no build yet – build', () => {
    expect(builtFromCurrentSource(root)).to.equal(false);
  });

  it('a build newer than every source – kept', () => {
    at('dist/main.js', 1);
    expect(builtFromCurrentSource(root)).to.equal(true);
  });

  it('a source, a migration, a config file or a folder (a file added or removed) edited since – build', () => {
    for (const edited of ['src/main.ts', 'src/db/migrations/001.sql', 'package.json', 'src/db']) {
      at('dist/main.js', 10);
      at(edited, 0);
      expect(builtFromCurrentSource(root), edited).to.equal(false);
      at(edited, 60);
    }
  });
});
