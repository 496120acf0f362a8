// The server a bench measures: the production build behind scripts/next-server.mjs, as `npm start` runs it, on
// the bench database, in its own process so its memory can be read from /proc while it works.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { appServerNodeArgs } from "../app-server-heap.ts";
import { ensureBuild } from "../build-if-needed.ts";
import { repoRoot } from "../db/schema-engine.ts";

export interface BenchServer {
  url: string;
  pid: number;
  /** Resident memory of the server process now, in bytes (0 when it cannot be read). */
  rss(): number;
  /** The highest resident memory the process has had since it started (VmHWM), in bytes. */
  peakRss(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function startServer(options: {
  databaseUrl: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<BenchServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "glow-bench-secret-not-for-production-use-0123456789",
    // The bench is one client sending far more than any person would.
    GLOW_RATE_LIMIT_PER_TOKEN: "100000000",
    GLOW_RATE_LIMIT_PER_IP: "100000000",
    // The sign-in burst gives each attempt its own address through X-Forwarded-For, as a botnet would.
    GLOW_TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  await ensureBuild(env, options.log);
  const child: ChildProcess = spawn(
    process.execPath,
    [...appServerNodeArgs(), path.join(repoRoot, "scripts/next-server.mjs"), "--port", String(options.port), "--host", "127.0.0.1"],
    {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // An interrupted bench must not leave its server holding the port.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}):\n${output.join("")}`);
    const ok = await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the app server did not answer within 120 s:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rss: () => statusField(pid, "VmRSS"),
    peakRss: () => statusField(pid, "VmHWM"),
    stop: async () => {
      process.off("exit", orphanGuard);
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
