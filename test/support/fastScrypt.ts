import { setScryptCost } from '../../src/learners/password.ts';

/**
 * Loaded before every test file (.mocharc.cjs `require`, and `npm run test:file`): password hashes made by tests use a
 * tiny scrypt cost, so logins take ~1 ms instead of ~100 ms. Production keeps PRODUCTION_SCRYPT_COST; every hash names
 * its own parameters, so both kinds verify (test/unit/password.test.ts).
 */
setScryptCost({ N: 1024, r: 1, p: 1 });
