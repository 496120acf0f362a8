import { describe, expect, it } from "vitest";
import { appServerHeapMb } from "./app-server-heap";

describe("the app server's heap limit", () => {
  it("defaults to 256 MB and takes GLOW_SERVER_HEAP_MB", () => {
    expect(appServerHeapMb(undefined)).toBe(256);
    expect(appServerHeapMb(" ")).toBe(256);
    expect(appServerHeapMb("1024")).toBe(1024);
  });

  it.each(["64", "512mb", "1.5", "-1"])("refuses %j with the variable's name", (value) => {
    expect(() => appServerHeapMb(value)).toThrow(/GLOW_SERVER_HEAP_MB/);
  });
});
