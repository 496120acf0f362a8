import { describe, expect, it } from "vitest";
import { findUnsafeText, isSafeText } from "./unsafe-text";

describe("unsafe text", () => {
  it.each([
    ["plain text", "Ada Lovelace", true],
    ["a paired surrogate (an emoji)", "🎓 TA", true],
    ["a NUL byte", "a\u0000b", false],
    ["a lone high surrogate", "x\ud800", false],
    ["a lone low surrogate", "\udc00", false],
  ])("%s", (_, text, safe) => {
    expect(isSafeText(text)).toBe(safe);
  });

  it("names the first unsafe string or key by its dotted path", () => {
    expect(findUnsafeText({ a: ["ok", { b: "\u0000" }] })).toMatchObject({ field: "a.1.b" });
    expect(findUnsafeText({ ["k\ud800"]: 1 })).toMatchObject({ field: "k\ud800" });
    expect(findUnsafeText({ a: [1, null, true, "fine"] })).toBeNull();
  });
});
