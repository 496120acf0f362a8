// Glow's HTTP server: Next.js behind a plain node:http server, for three things `next start` cannot
// give us. It records the connection's own address for lib/auth/client-address.ts (Next keeps a
// client-sent X-Forwarded-For instead); it drains on SIGTERM, letting in-flight requests and
// streams (an export, a video) finish within a bounded grace before it exits; and it exits with its
// parent: when the IPC channel to the process that started it closes, it drains and goes.
// Plain JavaScript, run by plain node: a TypeScript loader in the server process would sit in front
// of every module Next.js loads (280 MB resident at rest under tsx, and slower); the start script
// (scripts/app-runner.ts) checks the settings this file relies on before it starts it.
// @ts-check
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

/** Must equal `peerAddressHeader` in lib/auth/client-address.ts (lib/auth/client-address.test.ts checks). */
export const peerAddressHeader = "x-glow-peer-address";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    host: { type: "string", default: "127.0.0.1" },
    dir: { type: "string", default: process.cwd() },
  },
});
// A terminal or log pipe that goes away must not take the server with it: a write to a closed pipe
// raises EPIPE, which would otherwise be logged (to the same closed pipe) in an endless loop.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const graceMs = Number(process.env.GLOW_SHUTDOWN_GRACE_SECONDS ?? 30) * 1000;
/** @param {string} line */
const log = (line) => console.error(`[glow] ${line}`);

async function main() {
  const app = next({ dev: values.dev, dir: values.dir, hostname: values.host, port: Number(values.port) });
  await app.prepare();
  const handle = app.getRequestHandler();

  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  const server = createServer((request, response) => {
    request.headers[peerAddressHeader] = request.socket.remoteAddress ?? "";
    inFlight.add(response);
    response.on("close", () => inFlight.delete(response));
    void handle(request, response);
  });
  // Keep-alive connections outlive their requests; closing them is part of draining.
  server.keepAliveTimeout = 5_000;

  /** @type {Promise<void> | undefined} */
  let stopping;
  /** @param {string} reason */
  const stop = (reason) => {
    stopping ??= (async () => {
      log(`${reason}: finishing ${inFlight.size} request(s) in flight (at most ${graceMs / 1000} s)`);
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        server.closeIdleConnections();
      }
      if (inFlight.size) log(`cutting ${inFlight.size} request(s) still running after the grace period`);
      server.closeAllConnections();
      await app.close?.();
      process.exit(0);
    })();
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(signal));
  // Started by scripts/app-runner.ts with an IPC channel: when that process is gone, so are we.
  process.on("disconnect", () => stop("parent exited"));

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(values.port), values.host, () => resolve(undefined));
  });
  console.log(`ready: http://${values.host}:${values.port}`);
  process.send?.({ ready: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
