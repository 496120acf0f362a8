// `npm test`: every check and suite, overlapped where two cores allow, then the time of each phase.
// A phase starts once the phases it waits for have ended: the build first (it wants both cores),
// then the tests that time real delays, then the unit suite, format, lint and the type check side by
// side, then the browser suite on the built app. The browser suite keeps both cores busy by itself
// and its waits stretch under load (retries, reloads): beside the rest it cost more CPU than the rest
// saved (13:01 in all, against about 11 minutes one after the other, measured on this machine).
// Every phase runs even when another fails, so one run shows every failure.
import { spawn, type ChildProcess } from "node:child_process";
import { repoRoot } from "./db/schema-engine.ts";

interface Phase {
  name: string;
  /** Commands run one after another; the first failure ends the phase. */
  steps: string[][];
  /** Phases that must have ended (passed or not) before this one starts. */
  after?: string[];
}

const node = process.execPath;
const bin = (tool: string, ...args: string[]) => [node, `${repoRoot}/node_modules/${tool}`, ...args];

// Tests that time real delays (the sign-in throttle's 1 s steps) run on a quiet machine, before the
// suites that load both cores start: beside browsers their seconds stretch and they fail.
const realTimeTests = ["lib/auth/sign-in-gate.db.test.ts"];

const phases: Phase[] = [
  { name: "build", steps: [[node, "--import", "tsx", `${repoRoot}/scripts/build-if-needed.ts`]] },
  { name: "timed", steps: [bin("vitest/vitest.mjs", "run", ...realTimeTests)], after: ["build"] },
  { name: "unit", steps: [bin("vitest/vitest.mjs", "run", ...realTimeTests.flatMap((file) => ["--exclude", file]))], after: ["timed"] },
  { name: "format", steps: [bin("prettier/bin/prettier.cjs", "--check", "--log-level", "warn", ".")], after: ["timed"] },
  { name: "lint", steps: [bin("eslint/bin/eslint.js", "--max-warnings", "0", ".")], after: ["format"] },
  // The route types next generates let tsc check every page's params, as `next build` would.
  { name: "typecheck", steps: [bin("next/dist/bin/next", "typegen"), bin("typescript/bin/tsc", "--noEmit")], after: ["timed"] },
  { name: "e2e", steps: [bin("@playwright/test/cli.js", "test")], after: ["unit", "lint", "typecheck"] },
];

interface Outcome {
  name: string;
  code: number;
  startedAt: number;
  endedAt: number;
}

const started = Date.now();
const children = new Set<ChildProcess>();

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    }
    process.exitCode = 130;
  });
}

/** Runs one phase with its output prefixed by its name, so overlapping phases stay readable. */
function run(phase: Phase): Promise<Outcome> {
  const startedAt = Date.now();
  const steps = phase.steps;
  const prefix = `[${phase.name}] `;
  const step = (index: number): Promise<number> =>
    new Promise<number>((resolve) => {
      const [command = node, ...args] = steps[index] ?? [];
      // Its own process group, so stopping `npm test` stops the phase's whole tree (servers, browsers).
      const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
      children.add(child);
      child.once("exit", () => children.delete(child));
      for (const stream of [child.stdout, child.stderr]) {
        let pending = "";
        stream.on("data", (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split("\n");
          pending = lines.pop() ?? "";
          for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
        });
        stream.on("end", () => pending && process.stdout.write(`${prefix}${pending}\n`));
      }
      child.once("error", (error) => {
        process.stdout.write(`${prefix}${error.message}\n`);
        resolve(1);
      });
      child.once("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    }).then((code) => (code === 0 && index + 1 < steps.length ? step(index + 1) : code));
  return step(0).then((code) => ({ name: phase.name, code, startedAt, endedAt: Date.now() }));
}

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = only.length ? phases.filter((phase) => only.includes(phase.name)) : phases;
  const running = new Map<string, Promise<Outcome>>();
  for (const phase of chosen) {
    const waits = (phase.after ?? []).flatMap((name) => running.get(name) ?? []);
    running.set(
      phase.name,
      Promise.all(waits).then(() => run(phase)),
    );
  }
  const outcomes = await Promise.all(running.values());

  console.log("\nphase       result   start   took");
  for (const outcome of outcomes.sort((a, b) => a.startedAt - b.startedAt)) {
    const result = outcome.code === 0 ? "passed" : "FAILED";
    console.log(
      `${outcome.name.padEnd(11)} ${result.padEnd(8)} ${clock(outcome.startedAt - started).padStart(5)}   ${clock(outcome.endedAt - outcome.startedAt).padStart(5)}`,
    );
  }
  console.log(`total                        ${clock(Date.now() - started).padStart(5)}`);
  process.exitCode = outcomes.every((outcome) => outcome.code === 0) ? 0 : 1;
}

void main();
