import { expect } from 'chai';
import { checkPassword, hashPassword, verifyPassword } from '../../src/learners/password.ts';

describe('password', () => {
  const stored = hashPassword('correct horse battery');

  it('hashPassword() – stores scrypt with its parameters and a fresh salt each time', () => {
    expect(stored).to.match(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hashPassword('correct horse battery')).not.to.equal(stored);
  });

  it('verifyPassword() – the right password, a wrong one, a malformed hash', () => {
    expect(verifyPassword('correct horse battery', stored)).to.equal(true);
    expect(verifyPassword('correct horse batter', stored)).to.equal(false);
    expect(verifyPassword('correct horse battery', 'scrypt$x$8$1$aa$bb')).to.equal(false);
    expect(verifyPassword('correct horse battery', null)).to.equal(false);
  });

  it('checkPassword() – off the event loop – agrees with verifyPassword, and a missing hash never matches', async () => {
    expect(await checkPassword('correct horse battery', stored)).to.equal(true);
    expect(await checkPassword('wrong', stored)).to.equal(false);
    expect(await checkPassword('correct horse battery', undefined)).to.equal(false);
    expect(await checkPassword('', null)).to.equal(false);
  });
});
