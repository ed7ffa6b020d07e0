import { expect } from 'chai';
import { isPrivateAddress } from '../../src/net/publicAddress.ts';
import { decodeUtf8 } from '../../src/text/utf8.ts';

describe('publicAddress', () => {
  const refused = [
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '[::1]',
  ];
  const allowed = ['8.8.8.8', '185.199.108.133', '172.32.0.1', '100.128.0.1', '2606:50c0:8000::154', '::ffff:8.8.8.8'];

  for (const address of refused) {
    it(`isPrivateAddress(${address}) – loopback, private, link-local or unspecified – true`, () =>
      expect(isPrivateAddress(address)).to.equal(true));
  }
  for (const address of allowed) {
    it(`isPrivateAddress(${address}) – a public address – false`, () =>
      expect(isPrivateAddress(address)).to.equal(false));
  }
});

describe('decodeUtf8()', () => {
  it('decodeUtf8() – UTF-8 with a BOM – the text without it', () => {
    expect(decodeUtf8(Buffer.from('\uFEFF# 제목\n', 'utf8'))).to.deep.equal({ text: '# 제목\n' });
  });

  it('decodeUtf8() – EUC-KR bytes on line 2 – the line of the first bad byte', () => {
    expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0xbc, 0xf6, 0xc7, 0xd0]))).to.deep.equal({ badLine: 2 });
  });
});
