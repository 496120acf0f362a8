// npm run bench at the smallest size, against this run's server and database: every kind of row the
// real bench prints (API cases with their SQL baseline, a page, the mixed load, the export and the
// access history) comes out with numbers, and the JSON copy is written. The figures themselves
// mean nothing at this size; that the bench still runs is what this guards.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { openDatabase, withDatabaseName } from "@/scripts/db/database";

interface Row {
  section: string;
  name: string;
  p50: number | null;
  p95: number | null;
  sqlP50: number | null;
  pass: boolean | null;
}

test("npm run bench runs end to end and writes its table as JSON", async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const server = await openDatabase();
  const databaseUrl = withDatabaseName(server.url, process.env.GLOW_E2E_DB ?? "");
  const out = testInfo.outputPath("bench");
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench.ts",
      "--database-url",
      databaseUrl,
      "--base-url",
      baseURL ?? "",
      "--requests",
      "2",
      "--audit-rows",
      "0",
      "--load-seconds",
      "2",
      "--connections",
      "2",
      "--only",
      "^sessions total_cost desc$|^activity \\(everything\\)|^group detail, ordinary|^page /sessions$|mixed load|export|access history",
      "--out",
      out,
    ],
    { encoding: "utf8", timeout: 170_000, env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/case\s+p50 ms\s+p95 ms\s+SQL p50 ms\s+ratio\s+target\s+pass/);

  const [file] = readdirSync(out).filter((name) => name.endsWith(".json"));
  const report = JSON.parse(readFileSync(path.join(out, file!), "utf8")) as { rows: Row[] };
  const named = (pattern: RegExp) => report.rows.filter((row) => pattern.test(row.name));
  for (const pattern of [/^sessions total_cost desc$/, /^activity \(everything\)$/, /^group detail, ordinary group$/, /^page \/sessions$/]) {
    const [row] = named(pattern);
    expect(row, String(pattern)).toBeDefined();
    expect(row!.p50).toBeGreaterThan(0);
    expect(row!.p95).toBeGreaterThanOrEqual(row!.p50!);
    expect(row!.sqlP50).toBeGreaterThan(0);
  }
  const [load] = named(/^mixed API load/);
  expect(load?.name).toMatch(/, 0 errors\)$/);
  expect(named(/^export: first byte/)[0]?.p50).toBeGreaterThan(0);
  expect(named(/^export of everything: \d/).length).toBe(1);
  expect(named(/^access history/)[0]?.p50).toBeGreaterThan(0);
});
