import dns from 'node:dns';
import net from 'node:net';

// Which addresses a user-entered list URL may reach: public ones only, so an import cannot be used to probe the
// server's own ports, the LAN or a cloud metadata service (SSRF).

const PRIVATE = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  PRIVATE.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE.addSubnet(prefix, bits, 'ipv6');
}

/** Is `address` (an IP literal) loopback, link-local, private or otherwise not a public host? IPv4-mapped IPv6 counts as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = net.isIP(bare);
  if (family === 0) return false;
  // net.BlockList matches ::ffff:a.b.c.d against the IPv4 rules by itself.
  return PRIVATE.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** The error a refused address gives: `code` EPRIVATEADDRESS, with the host and the address it resolved to. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, a private or local address`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).Agent that refuses private addresses at connect time, so a name that resolved to a public
 * address when the form was checked and to 127.0.0.1 now (DNS rebinding) is still refused. When any address of the
 * name is private the connection is refused, whichever one the socket would have picked.
 */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address) as NodeJS.ErrnoException, '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** Checks a URL's host before any request: an IP literal is checked as is (sockets skip `lookup` for those), a name is resolved. */
export async function checkPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    if (isPrivateAddress(host)) throw new PrivateAddressError(host, host);
    return;
  }
  const addresses = await dns.promises.lookup(host, { all: true });
  const refused = addresses.find((a) => isPrivateAddress(a.address));
  if (refused) throw new PrivateAddressError(host, refused.address);
}
