/**
 * Which IP addresses the fetcher must never connect to (server-side request forgery guard):
 * private, loopback, link-local, unique-local, multicast, unspecified and other non-public
 * ranges, for IPv4 and IPv6, including IPv4 addresses embedded in IPv6 (mapped, compatible,
 * NAT64, 6to4).
 */
import { isIPv4, isIPv6 } from 'node:net';

/** [network address, prefix length, what the range is] */
const BLOCKED_V4: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_RULES = BLOCKED_V4.map(([base, bits, kind]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { net: (v4ToInt(base) & mask) >>> 0, mask, kind };
});

function classifyV4(n: number): string | null {
  for (const rule of V4_RULES) if ((n & rule.mask) >>> 0 === rule.net) return rule.kind;
  return null;
}

/** Parses an IPv6 address (with optional zone and embedded dotted IPv4) into 8 16-bit groups. */
function v6Groups(ip: string): number[] {
  let text = ip.replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function classifyV6(ip: string): string | null {
  const g = v6Groups(ip);
  const embedded = (hi: number, lo: number) => ((g[hi]! << 16) >>> 0) + g[lo]!;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible): judge the IPv4 address.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) {
    const kind = classifyV4(embedded(6, 7));
    return kind && `IPv4-mapped ${kind}`;
  }
  // 64:ff9b::/96 (NAT64) carries an IPv4 address in its last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const kind = classifyV4(embedded(6, 7));
    return kind && `NAT64 ${kind}`;
  }
  // 2002::/16 (6to4) carries an IPv4 address in bits 16-47.
  if (g[0] === 0x2002) {
    const kind = classifyV4(embedded(1, 2));
    return kind && `6to4 ${kind}`;
  }
  const first = g[0]!;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && g[1] === 0x0db8) return 'documentation';
  return null;
}

/**
 * Why this address must not be fetched ("loopback", "private", ...), or null when it is a
 * public address. Anything that is not a valid IP address is refused as "not an IP address".
 */
export function nonPublicReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return classifyV4(v4ToInt(bare));
  if (isIPv6(bare)) return classifyV6(bare);
  return 'not an IP address';
}
