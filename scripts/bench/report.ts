// The bench's one table (printed) and its JSON twin under bench/results/.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface ResultRow {
  section: string;
  name: string;
  p50: number | null;
  p95: number | null;
  sqlP50: number | null;
  /** API p50 / SQL p50. */
  ratio: number | null;
  target: string;
  pass: boolean | null;
  /** Which bar a failing row missed: its target, the 1.5x ratio to its SQL, or both. */
  missed?: "target" | "ratio" | "both";
}

/** Whether a timed case met both bars: its p95 target and an API p50 within 1.5× its SQL's. */
export const maxRatio = 1.5;

const ms = (value: number | null) => (value === null || Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ["case", "p50 ms", "p95 ms", "SQL p50 ms", "ratio", "target", "pass"];
  const body = rows.map((row) => [
    row.name,
    ms(row.p50),
    ms(row.p95),
    ms(row.sqlP50),
    row.ratio === null ? "–" : `${row.ratio.toFixed(2)}×`,
    row.target,
    row.pass === null ? "–" : row.pass ? "pass" : row.missed === "ratio" ? "FAIL ratio" : row.missed === "both" ? "FAIL both" : "FAIL",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  let section = "";
  for (const [i, cells] of body.entries()) {
    if (rows[i]!.section !== section && section) out.push("");
    section = rows[i]!.section;
    out.push(line(cells));
  }
  return out.join("\n");
}

export async function writeJson(dir: string, meta: Record<string, unknown>, rows: readonly ResultRow[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `bench-${stamp}.json`);
  const machine = { cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), load_average: os.loadavg(), node: process.version };
  await writeFile(file, `${JSON.stringify({ ...meta, machine, rows }, null, 2)}\n`);
  return file;
}
