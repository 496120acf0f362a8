import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

// What a browser does with the answer decides where it goes: it reads "\" as "/", drops tabs and
// newlines, and treats a path that starts with "//" as another host.
const base = "https://glow.example";
const landsOn = (target: string) => new URL(target, base).origin;

describe("safeCallbackPath", () => {
  it.each([
    "/\\evil.example/phish",
    "/\t/evil.example/phish",
    "/\n/evil.example/phish",
    "/\r\n/evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "//evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "https://evil.example/",
    "HTTPS://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " //evil.example",
    "\t//evil.example",
  ])("keeps the browser on the app for %j", (hostile) => {
    const target = safeCallbackPath(hostile);
    expect(landsOn(target)).toBe(base);
    expect(target.startsWith("/")).toBe(true);
    expect(target.startsWith("//")).toBe(false);
    expect(/[\\\u0000-\u001f]/.test(target)).toBe(false);
  });

  it.each([
    ["/sessions?sort_by=total_cost&page=3", "/sessions?sort_by=total_cost&page=3"],
    ["/groups/0b6c1d1e-3f0a-4c1b-9c55-0d2f1b3a4c5d#run-2", "/groups/0b6c1d1e-3f0a-4c1b-9c55-0d2f1b3a4c5d#run-2"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("keeps a path of the app: %j", (given, expected) => {
    expect(safeCallbackPath(given)).toBe(expected);
  });
});
