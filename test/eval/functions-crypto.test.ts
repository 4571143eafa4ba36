import { generateKeyPairSync, publicEncrypt, constants } from "node:crypto";
import { describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { createFunctions } from "../../src/eval/index.js";
import { err, ok } from "./helpers.js";

describe("hash, crypto and uuid functions", () => {
  it.each([
    ['sha256("hello")', "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"],
    ['sha512("")', "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"],
    ['md5("hello")', "5d41402abc4b2a76b9719d911017c592"],
    ['sha1("hello")', "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"],
    ['uuidv5("dns", "www.example.com")', "2ed6657d-e927-568b-95e1-2665a8aea6a2"],
    ['uuidv5("url", "https://www.terraform.io/")', "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"],
    ['uuidv5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://www.terraform.io/")', "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"],
  ])("%s", (src, want) => expect(ok(src)).toBe(want));

  it("uuidv4 is a random v4 uuid", () => {
    expect(ok("uuidv4()")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("bcrypt hashes verify, with Go's $2a$ prefix", () => {
    const h = ok('bcrypt("secret", 4)') as string;
    expect(h.startsWith("$2a$04$")).toBe(true);
    expect(bcrypt.compareSync("secret", h)).toBe(true);
    expect((ok('bcrypt("x")') as string).slice(0, 7)).toBe("$2a$10$");
    expect(err('bcrypt("x", 3)')[0]).toBe("Error in function call");
  });

  it("rsadecrypt decrypts PKCS #1 v1.5", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const ct = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from("hello rsa")).toString("base64");
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    expect(ok(`rsadecrypt("${ct}", <<EOT\n${pem}EOT\n)`)).toBe("hello rsa");
    expect(err(`rsadecrypt("${ct}", "nope")`)[1]).toBe('Invalid value for "privatekey" parameter: invalid private key: failed to parse key.');
  });

  it("md5 and sha1 are absent in FIPS mode", () => {
    const fips = createFunctions({ baseDir: ".", fips: true });
    expect(fips.has("md5")).toBe(false);
    expect(fips.has("sha1")).toBe(false);
    expect(fips.has("sha256")).toBe(true);
  });
});
