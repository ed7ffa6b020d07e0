import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import {
  acceptablePassword,
  checkPassword,
  hashPassword,
  passwordProblem,
  PRODUCTION_SCRYPT_COST,
  scryptCost,
  setScryptCost,
} from '../../src/learners/password.ts';

describe('password', () => {
  const stored = hashPassword('correct horse battery');

  it('hashPassword() – stores scrypt with the current parameters and a fresh salt each time', () => {
    const { N, r, p } = scryptCost();
    expect(stored).to.match(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
    expect(hashPassword('correct horse battery')).not.to.equal(stored);
  });

  it('checkPassword() – off the event loop – the right password, a wrong one, a malformed or missing hash', async () => {
    expect(await checkPassword('correct horse battery', stored)).to.equal(true);
    expect(await checkPassword('correct horse batter', stored)).to.equal(false);
    expect(await checkPassword('correct horse battery', 'scrypt$x$8$1$aa$bb')).to.equal(false);
    expect(await checkPassword('correct horse battery', undefined)).to.equal(false);
    expect(await checkPassword('', null)).to.equal(false);
  });

  it('scrypt cost – a hash made at the production cost verifies under the cheap test cost, and the other way round', async () => {
    const testCost = scryptCost();
    try {
      setScryptCost(PRODUCTION_SCRYPT_COST);
      const production = hashPassword('long enough pw');
      expect(production).to.match(/^scrypt\$16384\$8\$1\$/);
      setScryptCost({ N: 1024, r: 1, p: 1 });
      const cheap = hashPassword('long enough pw');
      expect(cheap).to.match(/^scrypt\$1024\$1\$1\$/);
      expect(await checkPassword('long enough pw', production)).to.equal(true);
      setScryptCost(PRODUCTION_SCRYPT_COST);
      expect(await checkPassword('long enough pw', cheap)).to.equal(true);
      expect(await checkPassword('long enough px', cheap)).to.equal(false);
    } finally {
      setScryptCost(testCost);
    }
  });

  it('the server hashes at the production cost: only the test suite lowers it', () => {
    const script =
      "import('./src/learners/password.ts').then((m) => process.stdout.write(m.hashPassword('x y z w v u')))";
    const hash = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(hash).to.match(/^scrypt\$16384\$8\$1\$/);
  });

  const cases: [string, unknown, string | undefined][] = [
    ['eight characters', 'abcd1234', undefined],
    ['a passphrase with spaces', 'correct horse', undefined],
    ['seven characters', 'abc1234', 'progress.weak_password'],
    ['eight Korean syllables count as eight', '비밀번호비밀번호', undefined],
    ['empty', '', 'progress.weak_password'],
    ['only spaces', '          ', 'progress.blank_password'],
    ['only tabs and spaces', ' \t \t \t \t ', 'progress.blank_password'],
    ['one character repeated', 'aaaaaaaaaa', 'progress.repeated_password'],
    ['one Korean syllable repeated', '가가가가가가가가', 'progress.repeated_password'],
    ['two characters alternating', 'abababab', undefined],
    ['over 1024 characters', 'ab'.repeat(513), 'progress.weak_password'],
    ['not a string', 12345678, 'progress.weak_password'],
  ];
  for (const [name, password, code] of cases) {
    it(`passwordProblem() – ${name} – ${code ?? 'accepted'}`, () => {
      expect(passwordProblem(password)?.code).to.equal(code);
      if (code)
        expect(() => acceptablePassword(password))
          .to.throw()
          .with.property('status', 422);
      else expect(acceptablePassword(password)).to.equal(password);
    });
  }
});
