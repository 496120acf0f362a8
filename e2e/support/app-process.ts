// Starting a second `npm start` beside the server under test, to watch it shut down and ride out
// database outages; and a TCP proxy standing in for PostgreSQL, which a test can cut and restore.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
}

/**
 * Whether the embedded PostgreSQL can start from this checkout: as root it runs as the postgres
 * user, who must be able to reach node_modules (not so inside a directory only root may enter).
 */
export function embeddedPostgresCanRun(): boolean {
  if (process.getuid?.() !== 0) return true;
  for (let dir = repoRoot; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
  }
  try {
    accessSync(repoRoot, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` on `port`; resolves once it prints its URL. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "glow-lifecycle-"));
  // As root the embedded PostgreSQL runs as the postgres user, who must be able to write here.
  chmodSync(dataDir, 0o777);
  const child = spawn("npm", ["start", "--silent", "--", "--port", String(port)], {
    cwd: repoRoot,
    env: { ...process.env, GLOW_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (!output.includes("is running at")) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, url, dataDir, output: () => output };
}

function parentOf(pid: number): number | null {
  try {
    // The command name may contain spaces and parentheses: the fields after the last ")" are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const tree = [pid];
  for (let grew = true; grew;) {
    grew = false;
    for (const candidate of all) {
      if (!tree.includes(candidate) && tree.includes(parentOf(candidate) ?? -1)) {
        tree.push(candidate);
        grew = true;
      }
    }
  }
  return tree;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return parentOf(pid) !== null && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
export class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = null;
  }
}
