import { describe, expect, it } from "vitest";
import { err, ok } from "./helpers.js";

describe("ip network functions", () => {
  it.each([
    ['cidrhost("10.12.112.0/20", 16)', "10.12.112.16"],
    ['cidrhost("10.12.112.0/20", 268)', "10.12.113.12"],
    ['cidrhost("10.12.112.0/20", -1)', "10.12.127.255"],
    ['cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)', "fd00:fd12:3456:7890::22"],
    ['cidrnetmask("172.16.0.0/12")', "255.240.0.0"],
    ['cidrsubnet("172.16.0.0/12", 4, 2)', "172.18.0.0/16"],
    ['cidrsubnet("10.1.2.0/24", 4, 15)', "10.1.2.240/28"],
    ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', "fd00:fd12:3456:7800:a200::/72"],
    ['cidrsubnet("10.1.2.3/24", 0, 0)', "10.1.2.0/24"],
  ])("%s", (src, want) => expect(ok(src)).toBe(want));

  it("cidrsubnets allocates consecutively", () => {
    expect(ok('cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)')).toEqual(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]);
    expect(ok('cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)')).toEqual([
      "fd00:fd12:3456:7800::/72",
      "fd00:fd12:3456:7800:100::/72",
      "fd00:fd12:3456:7800:200::/72",
      "fd00:fd12:3456:7800:300::/88",
    ]);
  });

  it("errors", () => {
    expect(err('cidrnetmask("fd00::/8")')[1]).toBe('Invalid value for "prefix" parameter: IPv6 addresses cannot have a netmask: fd00::/8.');
    expect(err('cidrhost("10.0.0.0/33", 1)')[1]).toBe('Invalid value for "prefix" parameter: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33.');
    expect(err('cidrhost("10.0.0.0/30", 4)')[1]).toBe('Invalid value for "hostnum" parameter: prefix of 30 does not accommodate a host numbered 4.');
    expect(err('cidrsubnet("10.0.0.0/30", 3, 0)')[1]).toBe('Invalid value for "newbits" parameter: insufficient address space to extend prefix of 30 by 3.');
    expect(err('cidrsubnets("10.0.0.0/30", 1, 1, 1)')[1]).toBe(
      'Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31.',
    );
  });
});
