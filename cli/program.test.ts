import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { endpoints } from "@/lib/contract/endpoints";
import { exportEndpoint } from "@/lib/export/endpoints";
import { commandPath, runCli } from "./program";
import { suggestedFileName } from "./send";
import { captureIo } from "./testing";

type FetchArgs = Parameters<typeof fetch>;

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn(async (...[input, init]: FetchArgs) => respond(String(input), init ?? {}));
}

const sessionId = "0b8c5d4e-3f2a-4b1c-9d8e-7f6a5b4c3d2e";

describe("glow --help", () => {
  it("lists every endpoint's command with its summary", async () => {
    const io = captureIo();
    expect(await runCli(["--help"], endpoints, io)).toBe(0);
    for (const endpoint of endpoints) {
      expect(io.out()).toMatch(new RegExp(`${commandPath(endpoint).join(" ")}\\s+${endpoint.summary.replace(/[()]/g, "\\$&")}`));
    }
    expect(io.out()).toContain("system export");
    expect(io.out()).toContain("activity resolve");
  });

  it("shows a command's path, access and body fields", async () => {
    const io = captureIo();
    expect(await runCli(["system", "export", "--help"], endpoints, io)).toBe(0);
    expect(io.out()).toContain("POST /system/export, for admin, coordinator, ta.");
    expect(io.out()).toMatch(/target_session_id\s+string/);
    expect(io.out()).toContain("--output <file>");
  });

  it("rejects an unknown command with exit code 2", async () => {
    const io = captureIo();
    expect(await runCli(["system", "nope"], endpoints, io)).toBe(2);
    expect(io.err()).toContain("unknown command");
  });
});

describe("body validation before sending", () => {
  it.each([
    [["--body", '{"target_session_id":"abc"}'], "target_session_id: target_session_id must be a UUID"],
    [["--body", '{"colour":"red"}'], "colour: unknown field"],
    [["--body", '{"include_media":"yes"}'], "include_media: include_media must be a boolean"],
    [["--body", "{not json"], "is not valid JSON"],
    [["--body", "{}", "--body-file", "x.json"], "Pass --body or --body-file, not both."],
    [["--body-file", "/nonexistent/body.json"], "Cannot read --body-file"],
  ])("glow system export %j fails with exit 2: %s", async (args, message) => {
    const fetch = fakeFetch(() => new Response("{}"));
    const io = captureIo({ fetch });
    expect(await runCli(["system", "export", ...args], endpoints, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("needs an instance URL and a token", async () => {
    const noUrl = captureIo({ env: { GLOW_TOKEN: "t" } });
    expect(await runCli(["system", "activity"], endpoints, noUrl)).toBe(2);
    expect(noUrl.err()).toContain("GLOW_INSTANCE_URL");
    const noToken = captureIo({ env: { GLOW_INSTANCE_URL: "http://glow.test" } });
    expect(await runCli(["system", "activity"], endpoints, noToken)).toBe(2);
    expect(noToken.err()).toContain("GLOW_TOKEN");
  });
});

describe("sending", () => {
  it("POSTs the body with the token and prints the JSON answer pretty", async () => {
    const fetch = fakeFetch(() => Response.json({ sessions_count: 3, profile_summary: [] }));
    const io = captureIo({ fetch });
    const code = await runCli(["system", "activity", "--body", '{"date_from": "2025-01-01"}'], endpoints, io);
    expect(code).toBe(0);
    const [url, init] = fetch.mock.calls[0] as FetchArgs;
    expect(url).toBe("http://glow.test/system/activity");
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer glow_test_token");
    expect(JSON.parse(String(init?.body))).toEqual({ date_from: "2025-01-01" });
    expect(io.out()).toBe(`${JSON.stringify({ sessions_count: 3, profile_summary: [] }, null, 2)}\n`);
  });

  it("prefers --url and --token, and sends {} without a body", async () => {
    const fetch = fakeFetch(() => Response.json({ ok: true }));
    const io = captureIo({ fetch });
    expect(await runCli(["--url", "http://other.test", "--token", "glow_flag", "system", "refresh"], endpoints, io)).toBe(0);
    const [url, init] = fetch.mock.calls[0] as FetchArgs;
    expect(url).toBe("http://other.test/system/refresh");
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer glow_flag");
    expect(init?.body).toBe("{}");
  });

  it("reads the body from a file or standard input", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "glow-cli-"));
    await writeFile(path.join(dir, "body.json"), `{"problem_id": "${sessionId}", "resolved": true}`);
    const fetch = fakeFetch(() => Response.json({ problem_id: sessionId, resolved: true, updated_at: "2026-01-01T00:00:00.000Z" }));
    const fromFile = captureIo({ fetch, cwd: dir });
    expect(await runCli(["activity", "resolve", "--body-file", "body.json"], endpoints, fromFile)).toBe(0);
    expect(String(fetch.mock.calls[0]?.[0])).toBe("http://glow.test/activity/resolve");
    const fromStdin = captureIo({ fetch, stdin: `{"problem_id": "${sessionId}", "resolved": false}` });
    expect(await runCli(["activity", "resolve", "--body-file", "-"], endpoints, fromStdin)).toBe(0);
    expect(JSON.parse(String(fetch.mock.calls[1]?.[1]?.body))).toEqual({ problem_id: sessionId, resolved: false });
  });

  it("exits 1 with the API's error message", async () => {
    const io = captureIo({
      fetch: fakeFetch(() => Response.json({ error: { code: "not_found", message: "No session with that target_session_id." } }, { status: 404 })),
    });
    expect(await runCli(["system", "export", "--body", `{"target_session_id": "${sessionId}"}`], endpoints, io)).toBe(1);
    expect(io.err()).toBe("Error 404 (not_found): No session with that target_session_id.\n");
  });

  it("lists the API's issues one per line", async () => {
    const error = {
      code: "invalid_body",
      message: "a: x; b: y",
      issues: [
        { field: "a", message: "x" },
        { field: "b", message: "y" },
      ],
    };
    const io = captureIo({ fetch: fakeFetch(() => Response.json({ error }, { status: 400 })) });
    expect(await runCli(["system", "activity"], endpoints, io)).toBe(1);
    expect(io.err()).toBe("Error 400 (invalid_body):\n  a: x\n  b: y\n");
  });

  it("exits 1 on a server error without JSON and when the server cannot be reached", async () => {
    const html = captureIo({ fetch: fakeFetch(() => new Response("<h1>Bad gateway</h1>", { status: 502, statusText: "Bad Gateway" })) });
    expect(await runCli(["system", "activity"], endpoints, html)).toBe(1);
    expect(html.err()).toContain("Error 502 Bad Gateway: <h1>Bad gateway</h1>");
    const down = captureIo({ fetch: fakeFetch(() => Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }))) });
    expect(await runCli(["system", "activity"], endpoints, down)).toBe(1);
    expect(down.err()).toContain("Cannot reach http://glow.test/system/activity: connect ECONNREFUSED");
  });
});

describe("binary answers", () => {
  const zip = Buffer.from("PK\x03\x04 pretend zip bytes");
  const zipResponse = () =>
    new Response(zip, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": 'attachment; filename="glow-export-all-20260101T000000Z.zip"' },
    });

  it("streams to --output, refusing to overwrite without --force", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "glow-cli-"));
    const io = captureIo({ fetch: fakeFetch(zipResponse), cwd: dir });
    expect(await runCli(["system", "export", "--output", "out.zip"], endpoints, io)).toBe(0);
    expect((await readFile(path.join(dir, "out.zip"))).equals(zip)).toBe(true);
    expect(io.err()).toContain(`Saved out.zip (${zip.byteLength} bytes)`);
    const again = captureIo({ fetch: fakeFetch(zipResponse), cwd: dir });
    expect(await runCli(["system", "export", "--output", "out.zip"], endpoints, again)).toBe(2);
    expect(again.err()).toContain("already exists");
    expect(await runCli(["system", "export", "-o", "out.zip", "--force"], endpoints, captureIo({ fetch: fakeFetch(zipResponse), cwd: dir }))).toBe(0);
  });

  it("uses the server's file name in a terminal, and standard output when piped", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "glow-cli-"));
    const tty = captureIo({ fetch: fakeFetch(zipResponse), cwd: dir, tty: true });
    expect(await runCli(["system", "export"], endpoints, tty)).toBe(0);
    expect((await readFile(path.join(dir, "glow-export-all-20260101T000000Z.zip"))).equals(zip)).toBe(true);
    const piped = captureIo({ fetch: fakeFetch(zipResponse), cwd: dir });
    expect(await runCli(["system", "export"], endpoints, piped)).toBe(0);
    expect(piped.outBytes().equals(zip)).toBe(true);
  });

  it("keeps a suggested file name inside the directory", () => {
    expect(suggestedFileName('attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(suggestedFileName("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")).toBe("résumé.pdf");
    expect(suggestedFileName(null)).toBeNull();
  });
});

describe("bin/glow.mjs", () => {
  it("runs the CLI through tsx from any directory, importing nothing server-only", async () => {
    const bin = path.resolve(import.meta.dirname, "../bin/glow.mjs");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "--help"], { cwd: os.tmpdir(), env: { ...process.env, NODE_OPTIONS: "" } });
    expect(stdout).toContain("system export");
    expect(stdout).toContain(exportEndpoint.summary);
  }, 60_000);
});
