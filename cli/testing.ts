// Test helpers: an in-memory CliIo whose output can be read back.
import { PassThrough, Readable, Writable } from "node:stream";
import type { CliIo } from "./io";

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
  outBytes(): Buffer;
}

export function captureIo(
  options: { fetch?: typeof fetch; env?: Record<string, string>; cwd?: string; stdin?: string; tty?: boolean } = {},
): CapturedIo {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (chunks: Buffer[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
  const stdout = Object.assign(sink(out), { isTTY: options.tty ?? false });
  return {
    fetch: options.fetch ?? (() => Promise.reject(new Error("no fetch in this test"))),
    env: options.env ?? { GLOW_INSTANCE_URL: "http://glow.test/", GLOW_TOKEN: "glow_test_token" },
    stdout,
    stderr: sink(err),
    stdin: options.stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(options.stdin)]),
    cwd: options.cwd ?? process.cwd(),
    out: () => Buffer.concat(out).toString("utf8"),
    err: () => Buffer.concat(err).toString("utf8"),
    outBytes: () => Buffer.concat(out),
  };
}
