// Hash, bcrypt, RSA and UUID functions (hcl-syntax.md §5.7). md5/sha1 are absent in FIPS mode.
import { createHash, createPrivateKey, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { FunctionDef } from "../function.js";
import { NUMBER, STRING } from "../types.js";
import { str } from "../value.js";
import { FunctionError, N, S, def, p } from "./define.js";

const hashFn = (alg: string): FunctionDef => def([p("str", STRING)], ([s]) => str(createHash(alg).update(S(s!), "utf8").digest("hex")));

const NAMESPACES: Record<string, string> = {
  dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
  oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
  x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
};

function parseUUID(s: string): Buffer | undefined {
  const hex = s.replace(/^urn:uuid:/i, "").replace(/^\{(.*)\}$/, "$1");
  if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(hex)) return undefined;
  return Buffer.from(hex.replace(/-/g, ""), "hex");
}

function formatUUID(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function uuidv5(namespace: string, name: string): string {
  const ns = parseUUID(NAMESPACES[namespace] ?? namespace);
  if (!ns) throw new FunctionError(`uuidv5() doesn't support namespace ${namespace}`, 0);
  const h = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  return formatUUID(h);
}

const b64uToBig = (s: string) => BigInt("0x" + (Buffer.from(s, "base64url").toString("hex") || "0"));

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) r = (r * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return r;
}

/** RSA PKCS #1 v1.5 decryption (Node 20 refuses this padding in privateDecrypt, so it is done by hand). */
export function rsaDecrypt(ciphertextB64: string, pem: string): string {
  const ct = Buffer.from(ciphertextB64, "base64");
  if (ct.length === 0 || ct.toString("base64").replace(/=+$/, "") !== ciphertextB64.replace(/\s/g, "").replace(/=+$/, ""))
    throw new FunctionError("failed to decode input \"ciphertext\": cipher text must be base64-encoded", 0);
  let jwk;
  try {
    jwk = createPrivateKey(pem).export({ format: "jwk" });
  } catch {
    throw new FunctionError("invalid private key: failed to parse key", 1);
  }
  if (jwk.kty !== "RSA" || !jwk.n || !jwk.d) throw new FunctionError("invalid private key: not an RSA key", 1);
  const n = b64uToBig(jwk.n);
  const k = Buffer.from(jwk.n, "base64url").length;
  const m = modPow(BigInt("0x" + ct.toString("hex")), b64uToBig(jwk.d), n);
  const em = Buffer.from(m.toString(16).padStart(k * 2, "0"), "hex");
  const sep = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || sep < 10) throw new FunctionError("failed to decrypt: crypto/rsa: decryption error");
  return em.subarray(sep + 1).toString("utf8");
}

export function cryptoFunctions(fips: boolean): Record<string, FunctionDef> {
  const out: Record<string, FunctionDef> = {
    sha256: hashFn("sha256"),
    sha512: hashFn("sha512"),
    bcrypt: def(
      [p("str", STRING)],
      ([s, ...cost]) => {
        if (cost.length > 1) throw new FunctionError("bcrypt() takes no more than two arguments");
        const c = cost.length ? N(cost[0]!) : 10;
        if (!Number.isInteger(c) || c < 4 || c > 31) throw new FunctionError(`error occured generating password crypto/bcrypt: cost ${c} is outside allowed range (4,31)`);
        return str(bcrypt.hashSync(S(s!), c).replace(/^\$2b\$/, "$2a$"));
      },
      p("cost", NUMBER),
    ),
    rsadecrypt: def([p("ciphertext", STRING), p("privatekey", STRING)], ([c, k]) => str(rsaDecrypt(S(c!), S(k!)))),
    uuidv4: def([], () => str(randomUUID())),
    uuidv5: def([p("namespace", STRING), p("name", STRING)], ([ns, name]) => str(uuidv5(S(ns!), S(name!)))),
  };
  if (!fips) {
    out.md5 = hashFn("md5");
    out.sha1 = hashFn("sha1");
  }
  return out;
}
