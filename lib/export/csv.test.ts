import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvRow, jsonLine, neutraliseFormula } from "./csv";
import { safeFileName, mediaPath, mapLimit } from "./media";
import { parseCsv } from "./testing/read-zip";

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`],
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["", ""],
    // OWASP's bypasses: the trigger behind spaces or line breaks, and the array separator.
    [" =1+1", "' =1+1"],
    ["   @SUM(A1)", "'   @SUM(A1)"],
    ["\n=1+1", `"'\n=1+1"`],
    ["\r\n+1", `"'\r\n+1"`],
    ["ok;=1+1", `"ok;=1+1"`],
  ])("neutralises and quotes %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("writes null as empty, numbers and booleans as they are (never neutralised)", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(true)).toBe("true");
  });

  it("joins arrays with ';', neutralising every element and quoting the joined cell", () => {
    expect(csvCell(["a", "b"])).toBe(`"a;b"`);
    expect(csvCell(["=cmd", "b"])).toBe(`"'=cmd;b"`);
    expect(csvCell(["ok", "=1+1"])).toBe(`"ok;'=1+1"`);
    expect(csvCell(["ok", " -1"])).toBe(`"ok;' -1"`);
    expect(csvCell(["only"])).toBe("only");
    expect(csvCell([])).toBe("");
  });
});

describe("rows", () => {
  const columns = ["id", "text", "n", "tags"];
  const row = { id: "1", text: 'line one\r\nline "two", =x', n: 3, tags: ["x", "y"], ignored: "not a column" };

  it("writes the header and rows with CRLF in column order, parseable back", () => {
    const text = csvHeader(columns) + csvRow(columns, row) + csvRow(columns, { id: "2" });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([columns, ["1", row.text, "3", "x;y"], ["2", "", "", ""]]);
  });

  it("keeps raw values in JSONL, in column order, with missing columns as null", () => {
    expect(jsonLine(columns, row)).toBe(`${JSON.stringify({ id: "1", text: row.text, n: 3, tags: ["x", "y"] })}\n`);
    expect(JSON.parse(jsonLine(columns, { id: "2" }))).toEqual({ id: "2", text: null, n: null, tags: null });
  });

  it("leaves safe text untouched", () => {
    expect(neutraliseFormula("Hello")).toBe("Hello");
  });
});

describe("media names", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\notes.txt", "notes.txt"],
    [".hidden", "hidden"],
    ["résumé final (2).pdf", "resume_final_2_.pdf"],
    ["", "upload"],
    ["...", "upload"],
  ])("makes %j safe", (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it("puts media under media/<kind>/<id>-<name>", () => {
    expect(mediaPath({ id: "abc", kind: "image", original_name: "a b.png" })).toBe("media/image/abc-a_b.png");
  });

  it("maps with a concurrency limit, keeping order", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
