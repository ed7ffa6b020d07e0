import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { assetManifest, staticAssets } from '../../src/web/assets.ts';

describe('static asset versions', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-assets-'));
    fs.mkdirSync(path.join(dir, 'css'));
    fs.writeFileSync(path.join(dir, 'css', 'style.css'), 'body { color: red; }');
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1);');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('assetManifest() – a folder – every file by its path with forward slashes and a 12-digit content hash', () => {
    const manifest = assetManifest(dir);
    expect([...manifest.keys()].sort()).to.deep.equal(['app.js', 'css/style.css']);
    for (const hash of manifest.values()) expect(hash).to.match(/^[0-9a-f]{12}$/);
  });

  it('url() – a file changes – its URL changes; an unchanged file keeps its URL', () => {
    const before = staticAssets(dir);
    fs.writeFileSync(path.join(dir, 'css', 'style.css'), 'body { color: blue; }');
    const after = staticAssets(dir);
    expect(before.url('css/style.css')).to.match(/^\/static\/[0-9a-f]{12}\/css\/style\.css$/);
    expect(after.url('css/style.css')).to.match(/^\/static\/[0-9a-f]{12}\/css\/style\.css$/);
    expect(after.url('css/style.css')).not.to.equal(before.url('css/style.css'));
    expect(after.url('app.js')).to.equal(before.url('app.js'));
  });

  it('url() – the same bytes back – the same URL again (the version is the content, not the time)', () => {
    const first = staticAssets(dir).url('css/style.css');
    fs.writeFileSync(path.join(dir, 'css', 'style.css'), 'changed');
    fs.writeFileSync(path.join(dir, 'css', 'style.css'), 'body { color: red; }');
    expect(staticAssets(dir).url('css/style.css')).to.equal(first);
  });

  it('url() – a file that does not exist – throws naming it', () => {
    expect(() => staticAssets(dir).url('css/missing.css')).to.throw('asset css/missing.css is not a file');
  });
});
