import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileName } from "./content-disposition";

describe("safeFileName", () => {
  it.each([
    ['../../evil"\r\nX: y.pdf', "evilX y.pdf"],
    ["C:\\Users\\ta\\notes.txt", "notes.txt"],
    ["report.pdf", "report.pdf"],
    ["..", "fallback"],
    ["", "fallback"],
    [".hidden", "hidden"],
    ["a\u202Efdp.exe", "afdp.exe"],
    ["x\u0000y.png", "xy.png"],
    ["Jordan's notes; draft.txt", "Jordan's notes draft.txt"],
  ])("%j → %j", (name, expected) => {
    expect(safeFileName(name, "fallback")).toBe(expected);
  });

  it("keeps the extension when cutting a long name", () => {
    const name = safeFileName(`${"a".repeat(500)}.mp4`, "f");
    expect(name.length).toBe(180);
    expect(name.endsWith(".mp4")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("attachment", "résumé 2026 (final).pdf", "f")).toBe(
      "attachment; filename=\"resume 2026 (final).pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202026%20%28final%29.pdf",
    );
  });

  it("never lets a hostile name break the header", () => {
    const header = contentDisposition("inline", '../../evil"\r\nX: y.pdf', "f");
    expect(header).toBe("inline; filename=\"evilX y.pdf\"; filename*=UTF-8''evilX%20y.pdf");
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
  });

  it("replaces non-ASCII and percent signs in the fallback only", () => {
    expect(contentDisposition("inline", "100% 日本.txt", "f")).toBe(
      "inline; filename=\"100_ __.txt\"; filename*=UTF-8''100%25%20%E6%97%A5%E6%9C%AC.txt",
    );
  });
});
