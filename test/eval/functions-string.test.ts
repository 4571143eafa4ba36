import { describe, expect, it } from "vitest";
import { err, ok } from "./helpers.js";

describe("string functions", () => {
  it.each([
    ['chomp("x\\n\\r\\n")', "x"],
    ['chomp("x\\ny")', "x\ny"],
    ['format("%d items, %5.2f, %-4s|, %q", 3, 3.14159, "ab", "x\\"y")', '3 items,  3.14, ab  |, "x\\"y"'],
    ['format("%v %v %v %#v", "s", 1.5, true, {a = [1, "x"]})', 's 1.5 true {"a":[1,"x"]}'],
    ['format("%g %g %g %g %.3g %G", 1e6, 123456, 0.0001, 0.00001, 1234.5678, 1e-7)', "1e+06 123456 0.0001 1e-05 1.23e+03 1E-07"],
    ['format("%e %x %X %o %b %t %05d %+d", 1234.5, 255, 255, 8, 5, true, 42, 7)', "1.234500e+03 ff FF 10 101 true 00042 +7"],
    ['format("%[2]s %[1]s %%", "a", "b")', "b a %"],
    ['format("%.2s|%6.1f|%.2f|%.0f|%.1e", "hello", 2.25, 0.125, 2.5, 1.25)', "he|   2.2|0.12|2|1.2e+00"],
    ['indent(2, "a\\nb\\n")', "a\n  b\n  "],
    ['join(", ", ["a"], ["b", "c"])', "a, b, c"],
    ['join("-", [])', ""],
    ['lower("HeLLo ÀÉ")', "hello àé"],
    ['upper("straße")', "STRAßE"],
    ['title("hello world-foo_bar")', "Hello World-Foo_bar"],
    ['strlen("héllo👍🏽")', 6],
    ['strrev("abc👍🏽")', "👍🏽cba"],
    ['reverse("abc")', "cba"],
    ['substr("hello world", 1, 4)', "ello"],
    ['substr("hello world", -5, -1)', "world"],
    ['substr("hello", 10, 2)', ""],
    ['substr("🤔🤷x", 1, 1)', "🤷"],
    ['trim("?!hello?!", "!?")', "hello"],
    ['trimprefix("helloworld", "hello")', "world"],
    ['trimprefix("helloworld", "x")', "helloworld"],
    ['trimsuffix("helloworld", "world")', "hello"],
    ['trimspace("  \\thello\\n ")', "hello"],
    ['replace("1 + 2 + 3", "+", "-")', "1 - 2 - 3"],
    ['replace("abc", "", "-")', "-a-b-c-"],
    ['regex_replace("hello world", "(\\\\w+) (\\\\w+)", "$2 $1")', "world hello"],
    ['regex_replace("a1b22", "(?P<d>[0-9]+)", "<${d}>")', "a<1>b<22>"],
    ['regex_replace("abc", "b", "$1x")', "ac"],
    ['regex_replace("abc", "b", "$$")', "a$c"],
    ['urlencode("a b&c=d/é")', "a+b%26c%3Dd%2F%C3%A9"],
  ])("%s", (src, want) => expect(ok(src)).toEqual(want));

  it("split returns a list", () => {
    expect(ok('split(",", "a,b,,c")')).toEqual(["a", "b", "", "c"]);
    expect(ok('split(",", "")')).toEqual([""]);
  });

  it("formatlist iterates lists in lockstep", () => {
    expect(ok('formatlist("%s-%d", ["a", "b"], [1, 2])')).toEqual(["a-1", "b-2"]);
    expect(ok('formatlist("Hello, %s!", ["V", "W"])')).toEqual(["Hello, V!", "Hello, W!"]);
    expect(ok('formatlist("%s=%s", "k", ["a", "b"])')).toEqual(["k=a", "k=b"]);
    expect(err('formatlist("%s%s", ["a"], ["b", "c"])')[1]).toBe(
      'Invalid value for "args" parameter: argument 2 has length 2, which is inconsistent with argument 1 of length 1.',
    );
  });

  it("format errors", () => {
    expect(err('format("%s", 1, 2)')[1]).toBe('Call to function "format" failed: too many arguments; only 1 used by format string.');
    expect(err('format("%s")')[1]).toBe('Call to function "format" failed: not enough arguments for "%s" at 0: need index 1 but have 0 total.');
    expect(err('format("%d", 1.5)')[1]).toBe('Call to function "format" failed: unsupported value for "%d" at 0: an integer is required.');
    expect(err('format("%s", null)')[1]).toBe('Call to function "format" failed: unsupported value for "%s" at 0: null value cannot be formatted.');
    expect(ok('format("%v", null)')).toBe("null");
  });

  it("regex_replace rejects a bad pattern", () => {
    expect(err('regex_replace("a", "(", "")')[0]).toBe("Invalid function argument");
  });
});
