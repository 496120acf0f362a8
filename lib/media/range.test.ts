import { describe, expect, it } from "vitest";
import { decideRange } from "./range";

describe("decideRange", () => {
  const size = 1000;
  it.each([
    ["bytes=0-0", { type: "partial", start: 0, end: 0 }],
    ["bytes=100-199", { type: "partial", start: 100, end: 199 }],
    ["bytes=900-", { type: "partial", start: 900, end: 999 }],
    ["bytes=-100", { type: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { type: "partial", start: 0, end: 999 }],
    ["bytes=990-5000", { type: "partial", start: 990, end: 999 }],
    ["bytes=999-999", { type: "partial", start: 999, end: 999 }],
    ["BYTES = 1-2", { type: "partial", start: 1, end: 2 }],
    ["bytes=0-99999999999999999999999", { type: "partial", start: 0, end: 999 }],
    ["bytes=1000-", { type: "unsatisfiable" }],
    ["bytes=1000-1001", { type: "unsatisfiable" }],
    ["bytes=99999999999999999999-", { type: "unsatisfiable" }],
    ["bytes=-0", { type: "unsatisfiable" }],
  ])("%s", (header, expected) => {
    expect(decideRange(header, size)).toEqual(expected);
  });

  it.each([null, "", "bytes=", "bytes=abc", "bytes=5-1", "items=0-1", "bytes=0-1,5-6", "bytes=-", "bytes=1-2-3", "bytes=0x10-"])(
    "ignores %s (whole file)",
    (header) => {
      expect(decideRange(header, size)).toEqual({ type: "full" });
    },
  );

  it("ignores any range on an empty file", () => {
    expect(decideRange("bytes=0-0", 0)).toEqual({ type: "full" });
    expect(decideRange("bytes=-1", 0)).toEqual({ type: "full" });
  });
});
