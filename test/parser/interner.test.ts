import { describe, expect, it } from "vitest";
import { Interner } from "../../src/parser/interner.js";

describe("interner", () => {
  it("gives the text itself, one string object per short text", () => {
    const text = 'driver = "docker"\ndriver = "docker"\n';
    const names = new Interner();
    const a = names.get(text, 0, 6);
    const b = names.get(text, 18, 24);
    expect(a).toBe("driver");
    expect(b).toBe(a);
  });

  it("stays right when texts collide in its table and when they are long", () => {
    const names = new Interner();
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(" ") + " " + "x".repeat(100);
    let at = 0;
    for (const w of words) {
      expect(names.get(text, at, at + w.length)).toBe(w);
      at += w.length + 1;
    }
    expect(names.get(text, at, at + 100)).toBe("x".repeat(100));
    expect(names.get(text, 0, 0)).toBe("");
  });
});
