// The production build's file traces (.next/server/**/*.nft.json) say which files each server route
// needs at run time. A path built from the working directory once made Next trace the whole project
// instead: the sources, README and everything under .data (the embedded database and every media
// object), so `next build` ran out of memory once .data/media held a million objects. npm test runs
// this after its build phase; run alone it needs `npm run build` first.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./db/schema-engine.ts";

const serverDir = path.join(repoRoot, ".next/server");

function traceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".nft.json"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the production build's file traces", () => {
  it.skipIf(!existsSync(path.join(repoRoot, ".next/BUILD_ID")))("name only the build's own output and node_modules", () => {
    const traces = traceFiles(serverDir);
    expect(traces.length).toBeGreaterThan(10);
    const outside = new Set<string>();
    for (const trace of traces) {
      const { files } = JSON.parse(readFileSync(trace, "utf8")) as { files: string[] };
      for (const file of files) {
        const relative = path.relative(repoRoot, path.resolve(path.dirname(trace), file));
        if (!relative.startsWith(`node_modules${path.sep}`) && !relative.startsWith(`.next${path.sep}`)) outside.add(relative);
      }
    }
    expect([...outside].sort()).toEqual([]);
  });
});
