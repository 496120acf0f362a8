// The CLI against the real route handlers, over real HTTP: an in-process server adapts Node's
// requests to the handlers' Web Request/Response, as Next.js does.
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as activity } from "@/app/system/activity/route";
import { POST as exportZip } from "@/app/system/export/route";
import { POST as resolve } from "@/app/activity/resolve/route";
import { POST as watchRoute } from "@/app/system/watch/route";
import { POST as uploadRoute } from "@/app/ingest/upload/route";
import { ingestUploadResponseSchema } from "@/lib/ingest/schemas/upload";
import { liveHub } from "@/lib/live/hub";
import { streamEventSchema } from "@/lib/live/schemas";
import { endpoints } from "@/lib/contract/endpoints";
import { exportManifestSchema } from "@/lib/export/schemas";
import { readZip } from "@/lib/export/testing/read-zip";
import { createDepartment, createProblem, createSession } from "@/prisma/factories";
import { createActor, db, type TestActor } from "@/tests/api-helpers";
import { runCli } from "./program";
import { captureIo } from "./testing";

const routes: Record<string, (request: Request) => Promise<Response>> = {
  "/system/activity": activity,
  "/system/export": exportZip,
  "/activity/resolve": resolve,
  "/system/watch": watchRoute,
  "/ingest/upload": uploadRoute,
};

async function handle(req: IncomingMessage, res: ServerResponse) {
  const handler = routes[new URL(req.url ?? "/", "http://x").pathname];
  if (!handler || req.method !== "POST") {
    res.writeHead(404).end();
    return;
  }
  const body = await buffer(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const response = await handler(
    new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: body.length ? body : undefined }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  else res.end();
}

let server: Server;
let url: string;
let coordinator: TestActor;
let ta: TestActor;
let sessionId: string;
let problemId: string;

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res).catch((error: unknown) => res.destroy(error as Error)));
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const department = (await createDepartment(db())).id;
  coordinator = await createActor("coordinator", { department_id: department });
  ta = await createActor("ta", { department_id: department });
  // The CLI does not care what is inside the ZIP (lib/export's tests do): chats and a problem will do.
  const { session } = await createSession(db(), ta.profile_id, {}, { chats: [{ name: "Office hours" }], attempts: [{ score: "90.00" }] });
  sessionId = session.id;
  problemId = (await createProblem(db(), session.id, { description: "=1+1" })).id;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

const run = (actor: TestActor, argv: string[], options: { cwd?: string } = {}) => {
  const io = captureIo({ fetch: globalThis.fetch, env: { GLOW_INSTANCE_URL: url, GLOW_TOKEN: actor.token }, cwd: options.cwd });
  return runCli(argv, endpoints, io).then((code) => ({ code, io }));
};

describe("glow against the API over HTTP", () => {
  it("prints the activity summary as JSON", async () => {
    const { code, io } = await run(ta, ["system", "activity"]);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ sessions_count: 1, profile_summary: [{ profile_id: ta.profile_id }] });
  });

  it("streams an export to disk that unzips with a manifest", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "glow-cli-export-"));
    const { code, io } = await run(
      coordinator,
      ["system", "export", "--body", `{"target_session_id": "${sessionId}", "purpose": "cli test"}`, "--output", "session.zip"],
      { cwd: dir },
    );
    expect(io.err()).toMatch(/^Saved session\.zip \([\d,]+ bytes\)\n$/);
    expect(code).toBe(0);
    const zip = await readZip(await readFile(path.join(dir, "session.zip")));
    const manifest = exportManifestSchema.parse(JSON.parse(zip.files.get("manifest.json")?.toString() ?? "{}"));
    expect(manifest).toMatchObject({
      target: { type: "session", id: sessionId },
      purpose: "cli test",
      counts: { sessions: 1, chats: 1, attempts: 1, problems: 1 },
    });
  });

  it("resolves a problem with glow activity resolve, and exits 1 with the API's message when not allowed", async () => {
    const resolved = await run(coordinator, ["activity", "resolve", "--body", `{"problem_id": "${problemId}", "resolved": true}`]);
    expect(resolved.code).toBe(0);
    expect(JSON.parse(resolved.io.out())).toMatchObject({ problem_id: problemId, resolved: true });
    const forbidden = await run(ta, ["activity", "resolve", "--body", `{"problem_id": "${problemId}", "resolved": false}`]);
    expect(forbidden.code).toBe(1);
    expect(forbidden.io.err()).toMatch(/^Error 403 \(forbidden\): /);
  });

  it("follows the live stream with glow system watch, one JSON object per line when piped", async () => {
    const listening = liveHub.subscriberCount;
    const watching = run(coordinator, ["system", "watch", "--body", `{"session_id": "${sessionId}", "max_seconds": 3}`]);
    await expect.poll(() => liveHub.subscriberCount, { timeout: 10_000 }).toBeGreaterThan(listening);
    const reopened = await run(coordinator, ["activity", "resolve", "--body", `{"problem_id": "${problemId}", "resolved": false}`]);
    expect(reopened.code).toBe(0);
    const { code, io } = await watching;
    expect(code, io.err()).toBe(0);
    const lines = io.out().trim().split("\n");
    const events = lines.map((line) => streamEventSchema.parse(JSON.parse(line)));
    expect(events).toEqual([
      expect.objectContaining({ type: "ProblemResolvedEvent", problem_id: problemId, resolved: false, session_id: sessionId }),
    ]);
    expect(JSON.parse(lines[0] ?? "{}")).toHaveProperty("id", expect.stringMatching(/^\d+$/));
  });

  it("streams a file to glow ingest upload, its type from the extension", async () => {
    const sender = await createActor("admin");
    await db().apiToken.update({ where: { id: sender.token_id }, data: { scopes: ["read", "ingest"] } });
    const body = JSON.stringify({ kind: "image", profile_id: ta.profile_id, file_name: "stack.png" });
    const { code, io } = await run(sender, ["ingest", "upload", "--body", body, "--file", "prisma/demo-media/recursion-call-stack.png"]);
    expect(code, io.err()).toBe(0);
    const answer = ingestUploadResponseSchema.parse(JSON.parse(io.out()));
    expect(answer).toMatchObject({ status: "accepted", mime_type: "image/png", byte_size: 5730 });
    const missing = await run(sender, ["ingest", "upload", "--body", body]);
    expect(missing.code).toBe(2);
    expect(missing.io.err()).toContain("needs --file <path>");
  });

  it("exits 1 for an unknown token and for a target outside the caller's scope", async () => {
    const badToken = await run({ ...ta, token: "glow_not_a_real_token_at_all_000000" }, ["system", "activity"]);
    expect(badToken.code).toBe(1);
    expect(badToken.io.err()).toContain("Error 401 (unauthorized)");
    const other = await createActor("ta");
    const notFound = await run(other, ["system", "export", "--body", `{"target_session_id": "${sessionId}"}`, "--output", "-"]);
    expect(notFound.code).toBe(1);
    expect(notFound.io.err()).toContain("Error 404 (not_found)");
  });
});
