// IP network functions (go-cty-funcs cidr, hashicorp/go-cidr; hcl-syntax.md §5.8), on BigInt addresses.
import type { FunctionDef } from "../function.js";
import { NUMBER, STRING } from "../types.js";
import { type Value, list, str } from "../value.js";
import { FunctionError, N, S, def, p } from "./define.js";

export interface Net {
  /** Network address (host bits cleared, as Go's ParseCIDR does). */
  ip: bigint;
  bits: number;
  /** 32 or 128. */
  size: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p[0] === "0")) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  // A trailing dotted IPv4 part (`::ffff:1.2.3.4`) stands for the last two groups.
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (!v4) return parseGroups(s);
  const x = parseIPv4(v4[1]!);
  if (x === undefined) return undefined;
  return parseGroups(s.slice(0, -v4[1]!.length) + (x >> 16n).toString(16) + ":" + (x & 0xffffn).toString(16));
}

function parseGroups(s: string): bigint | undefined {
  const dbl = s.split("::");
  if (dbl.length > 2) return undefined;
  const head = dbl[0] ? dbl[0].split(":") : [];
  const tail = dbl.length === 2 && dbl[1] ? dbl[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((dbl.length === 1 && missing !== 0) || (dbl.length === 2 && missing < 1)) return undefined;
  const groups = [...head, ...Array(dbl.length === 2 ? missing : 0).fill("0"), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt("0x" + g);
  }
  return v;
}

export function parseCIDR(s: string, arg: number): Net {
  const bad = () => new FunctionError(`invalid CIDR expression: invalid CIDR address: ${s}`, arg);
  const slash = s.indexOf("/");
  if (slash < 0) throw bad();
  const addr = s.slice(0, slash);
  const lenText = s.slice(slash + 1);
  const size = addr.includes(":") ? 128 : 32;
  const ip = size === 32 ? parseIPv4(addr) : parseIPv6(addr);
  if (ip === undefined || !/^\d+$/.test(lenText) || Number(lenText) > size) throw bad();
  const bits = Number(lenText);
  return { ip: ip & mask(bits, size), bits, size };
}

const mask = (bits: number, size: number) => ((1n << BigInt(size)) - 1n) ^ ((1n << BigInt(size - bits)) - 1n);

export function formatIP(ip: bigint, size: number): string {
  if (size === 32) return [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn)).join(".");
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (length >= 2) of zero groups, leftmost on ties.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return hex.slice(0, best).join(":") + "::" + hex.slice(best + bestLen).join(":");
}

const netString = (n: Net) => `${formatIP(n.ip, n.size)}/${n.bits}`;

function hostNum(v: Value, arg: number): bigint {
  const n = N(v);
  if (!Number.isInteger(n)) throw new FunctionError("value must be a whole number", arg);
  return BigInt(n);
}

export function cidrHost(net: Net, num: bigint): string {
  const hostBits = BigInt(net.size - net.bits);
  const max = 1n << hostBits;
  let n = num;
  if (n < 0n) n = max + n;
  if (n < 0n || n >= max) throw new FunctionError(`prefix of ${net.bits} does not accommodate a host numbered ${num}`, 1);
  return formatIP(net.ip | n, net.size);
}

export function cidrSubnet(net: Net, newbits: number, num: bigint): Net {
  const len = net.bits + newbits;
  if (len > net.size) throw new FunctionError(`insufficient address space to extend prefix of ${net.bits} by ${newbits}`, 1);
  const max = 1n << BigInt(newbits);
  if (num < 0n || num >= max) throw new FunctionError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${num}`, 2);
  return { ip: net.ip | (num << BigInt(net.size - len)), bits: len, size: net.size };
}

export function cidrSubnets(net: Net, newbits: number[]): string[] {
  if (newbits.length === 0) return [];
  const all = (1n << BigInt(net.size)) - 1n;
  const lastOf = (n: Net) => n.ip | (all ^ mask(n.bits, n.size));
  const netEnd = lastOf(net);
  // go-cidr PreviousSubnet(net, firstLength): the subnet just before the network's start.
  const firstLen = newbits[0]! + net.bits;
  let current: Net = { ip: (net.ip - 1n) & all & mask(Math.min(firstLen, net.size), net.size), bits: Math.min(firstLen, net.size), size: net.size };
  const out: string[] = [];
  newbits.forEach((nb, i) => {
    if (nb < 1) throw new FunctionError("must extend prefix by at least one bit", i + 1);
    const len = nb + net.bits;
    if (len > net.size)
      throw new FunctionError(`would extend prefix to ${len} bits, which is too long for an IPv${net.size === 32 ? 4 : 6} address`, i + 1);
    // go-cidr NextSubnet(current, len)
    const m = mask(len, net.size);
    const cur: Net = { ip: lastOf(current) & m, bits: len, size: net.size };
    const nextIp = (lastOf(cur) + 1n) & all;
    const next: Net = { ip: nextIp & m, bits: len, size: net.size };
    if (nextIp === 0n || next.ip < net.ip || next.ip > netEnd)
      throw new FunctionError(`not enough remaining address space for a subnet with a prefix of ${len} bits after ${netString(current)}`, i + 1);
    current = next;
    out.push(netString(current));
  });
  return out;
}

export function networkFunctions(): Record<string, FunctionDef> {
  return {
    cidrhost: def([p("prefix", STRING), p("hostnum", NUMBER)], ([pr, h]) => str(cidrHost(parseCIDR(S(pr!), 0), hostNum(h!, 1)))),
    cidrnetmask: def([p("prefix", STRING)], ([pr]) => {
      const n = parseCIDR(S(pr!), 0);
      if (n.size !== 32) throw new FunctionError(`IPv6 addresses cannot have a netmask: ${S(pr!)}`, 0);
      return str(formatIP(mask(n.bits, 32), 32));
    }),
    cidrsubnet: def([p("prefix", STRING), p("newbits", NUMBER), p("netnum", NUMBER)], ([pr, nb, nn]) => {
      const bits = N(nb!);
      if (!Number.isInteger(bits) || bits < 0) throw new FunctionError("newbits must be a non-negative whole number", 1);
      return str(netString(cidrSubnet(parseCIDR(S(pr!), 0), bits, hostNum(nn!, 2))));
    }),
    cidrsubnets: def(
      [p("prefix", STRING)],
      ([pr, ...nbs]) => {
        const net = parseCIDR(S(pr!), 0);
        return list(
          STRING,
          cidrSubnets(net, nbs.map((v) => N(v))).map((s) => str(s)),
        );
      },
      p("newbits", NUMBER),
    ),
  };
}

