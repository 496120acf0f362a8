// What the CLI touches outside itself, injected so tests can run it in-process.
import type { Readable, Writable } from "node:stream";

export interface CliIo {
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  stdin: Readable;
  cwd: string;
}

export function processIo(): CliIo {
  return { fetch: globalThis.fetch, env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
}

/** Exit codes: what went wrong, for scripts that call glow. */
export const exitCode = { ok: 0, apiError: 1, usage: 2 } as const;

/** A failure the CLI reports as one message and an exit code (no stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = "CliError";
  }
}
