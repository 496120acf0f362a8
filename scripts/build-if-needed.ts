// `npm start` builds only when the sources changed since the last build, so a second start is fast.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./db/schema-engine.ts";

const inputs = ["app", "components", "lib", "public", "next.config.js", "proxy.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const skipped = new Set(["node_modules", ".next", ".data", "generated"]);
const stampFile = path.join(repoRoot, ".next", "glow-source-hash");

function listFiles(entry: string, into: string[]): void {
  const full = path.join(repoRoot, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) if (!skipped.has(child)) listFiles(path.join(entry, child), into);
  } else {
    into.push(entry);
  }
}

/** A digest of every file that goes into the build: names, sizes and modification times. */
function sourceDigest(): string {
  const files: string[] = [];
  for (const input of inputs) listFiles(input, files);
  const hash = createHash("sha256");
  for (const file of files) {
    const info = statSync(path.join(repoRoot, file));
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** Builds unless the last build is of these very sources. Asynchronous, so a caller can seed meanwhile. */
export async function ensureBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const digest = sourceDigest();
  const built = existsSync(path.join(repoRoot, ".next", "BUILD_ID")) && existsSync(stampFile);
  if (built && readFileSync(stampFile, "utf8") === digest) return;
  log("Building the dashboard (first start or sources changed; this takes a minute or two)...");
  const child = spawn(process.execPath, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "build"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, digest);
}

// `node --import tsx scripts/build-if-needed.ts`: the build phase of `npm test`, which the e2e server then finds done.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, console.log).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
