import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as uploadPost } from "@/app/ingest/upload/route";
import { POST as imageDownload } from "@/app/system/image_download/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { demoMediaDir, demoMediaFiles } from "@/prisma/seed/demo-media";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { ingestBatchResponseSchema } from "./schemas";
import { ingestUploadResponseSchema } from "./schemas/upload";

let admin: TestActor;
let ta: TestActor;
let ingestToken: string;
let png: Uint8Array<ArrayBuffer>;
let webm: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  admin = await createActor("admin");
  ta = await createActor("ta");
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "upload test", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  png = new Uint8Array(await readFile(path.join(demoMediaDir, demoMediaFiles.image)));
  webm = new Uint8Array(await readFile(path.join(demoMediaDir, demoMediaFiles.video)));
});

interface Sent {
  kind: string;
  file_name: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
  upload_id?: string;
  token?: string;
}

function upload({ kind, file_name, contentType, bytes, upload_id, token = ingestToken }: Sent): Promise<Response> {
  const query = new URLSearchParams({ kind, profile_id: ta.profile_id, file_name, ...(upload_id ? { upload_id } : {}) });
  return uploadPost(
    new Request(`http://glow.test/ingest/upload?${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
      body: bytes,
      ...(bytes instanceof ReadableStream ? { duplex: "half" } : {}),
    }),
  );
}

async function accepted(sent: Sent) {
  const response = await upload(sent);
  expect(response.status, await response.clone().text()).toBe(200);
  return ingestUploadResponseSchema.parse(await response.json());
}

/** Every file under the media store, partial ones included (other test files write there too). */
async function storedFiles(): Promise<string[]> {
  const root = process.env.GLOW_MEDIA_DIR ?? "";
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Whether any stored file holds exactly these bytes. */
async function storeHolds(bytes: Uint8Array): Promise<boolean> {
  for (const file of await storedFiles()) {
    const content = await readFile(file).catch(() => null);
    if (content && content.byteLength === bytes.byteLength && content.equals(Buffer.from(bytes))) return true;
  }
  return false;
}

/** The bytes followed by a unique tail, so no other test stores the same: what the store keeps of them is this test's doing. */
const unique = (bytes: Uint8Array) => new Uint8Array([...bytes, ...new TextEncoder().encode(randomUUID())]);

/** A body that streams `total` bytes of text in 64 KiB chunks, never held whole by the sender. */
function streamOf(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      const size = Math.min(64 * 1024, total - sent);
      if (size <= 0) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(0x61));
      sent += size;
    },
  });
}

describe("POST /ingest/upload", () => {
  it("stores an image, which a message then references and a reader downloads byte for byte", async () => {
    const answer = await accepted({ kind: "image", file_name: "call-stack.png", contentType: "image/png", bytes: png });
    expect(answer).toMatchObject({ status: "accepted", kind: "image", mime_type: "image/png", byte_size: png.byteLength });

    const model = await db().model.create({ data: { name: `m-${randomUUID()}`, provider: "test" } });
    const agent = await db().agent.create({ data: { name: `a-${randomUUID()}`, kind: "student_persona" } });
    const ids = { session: randomUUID(), group: randomUUID(), run: randomUUID() };
    const now = new Date().toISOString();
    const events = [
      { type: "session", session_id: ids.session, profile_id: ta.profile_id, started_at: now },
      { type: "group", group_id: ids.group, session_id: ids.session, name: "Diagram", created_at: now },
      {
        type: "run",
        run_id: ids.run,
        group_id: ids.group,
        model_id: model.id,
        agent_id: agent.id,
        status: "succeeded",
        input_tokens: 1,
        output_tokens: 1,
        cost: "0",
        created_at: now,
        finished_at: now,
      },
      { type: "message", message_id: randomUUID(), run_id: ids.run, role: "assistant", position: 0, upload_ids: [answer.upload_id], created_at: now },
    ].map((event) => ({ event_id: randomUUID(), ...event }));
    const batch = ingestBatchResponseSchema.parse(await callJson(batchPost, "/ingest/batch", { events }, { token: ingestToken }));
    expect(batch.rejected).toBe(0);
    const download = await call(imageDownload, "/system/image_download", { image_upload_id: answer.upload_id }, { token: admin.token });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
  });

  it("keeps the same bytes once, and a retry under the same upload_id changes nothing", async () => {
    const uploadId = randomUUID();
    const first = await accepted({ kind: "video", file_name: "a.webm", contentType: "video/webm", bytes: webm, upload_id: uploadId });
    const again = await accepted({ kind: "video", file_name: "a.webm", contentType: "video/webm", bytes: webm, upload_id: uploadId });
    expect(again).toMatchObject({ upload_id: uploadId, status: "duplicate", sha256: first.sha256 });
    // Audio in a WebM container is the same signature: accepted as audio/webm, sharing the stored bytes.
    const other = await accepted({ kind: "audio", file_name: "b.webm", contentType: "audio/webm", bytes: webm });
    expect(other).toMatchObject({ status: "accepted", bytes_reused: true, sha256: first.sha256 });
    expect(other.upload_id).not.toBe(uploadId);
    const rows = await db().upload.findMany({ where: { id: { in: [uploadId, other.upload_id] } }, select: { storage_key: true } });
    expect(new Set(rows.map((row) => row.storage_key)).size).toBe(1);
    const conflict = await upload({ kind: "image", file_name: "c.png", contentType: "image/png", bytes: png, upload_id: uploadId });
    expect(conflict.status).toBe(400);
    expect(await conflict.json()).toMatchObject({ error: { issues: [{ field: "upload_id" }] } });
  });

  it("refuses content that is not what its Content-Type says, and keeps nothing of it", async () => {
    const cases: Array<[Sent & { bytes: Uint8Array<ArrayBuffer> }, RegExp]> = [
      [{ kind: "image", file_name: "x.png", contentType: "image/png", bytes: unique(webm) }, /video\/webm, not image\/png/],
      [
        { kind: "image", file_name: "x.jpg", contentType: "image/jpeg", bytes: unique(new TextEncoder().encode("not a picture")) },
        /no image\/jpeg signature/,
      ],
      [{ kind: "text", file_name: "x.txt", contentType: "text/plain", bytes: unique(png) }, /image\/png, not text\/plain/],
      [{ kind: "text", file_name: "x.txt", contentType: "text/plain", bytes: unique(new Uint8Array([0x68, 0xff, 0xfe, 0x00])) }, /not UTF-8/],
      [{ kind: "image", file_name: "x.gif", contentType: "application/x-msdownload", bytes: unique(png) }, /must be one of image\/png/],
    ];
    for (const [sent, message] of cases) {
      const response = await upload(sent);
      expect(response.status, sent.file_name).toBe(400);
      const body = (await response.json()) as { error: { issues: Array<{ field: string; message: string }> } };
      expect(body.error.issues[0]).toMatchObject({ field: "Content-Type", message: expect.stringMatching(message) });
      expect(await storeHolds(sent.bytes), `${sent.file_name} left in the store`).toBe(false);
    }
    expect((await storedFiles()).filter((file) => file.endsWith(".partial"))).toEqual([]);
  });

  it("streams to its limit and refuses past it with 413, leaving no partial file", async () => {
    const declared = await upload({
      kind: "text",
      file_name: "big.txt",
      contentType: "text/plain",
      bytes: new Uint8Array(1024 * 1024 + 1).fill(0x61),
    });
    expect(declared.status).toBe(413);
    // Without a Content-Length the limit is found while streaming.
    const streamed = await upload({ kind: "text", file_name: "big.txt", contentType: "text/plain", bytes: streamOf(3 * 1024 * 1024) });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("1048576 bytes") } });
    // The media folder is shared with test files running beside this one, whose writes pass through
    // .partial names for a moment (seen in CI): a partial file left by the refused upload stays.
    await expect.poll(async () => (await storedFiles()).filter((file) => file.endsWith(".partial")), { timeout: 5_000 }).toEqual([]);
    expect(await storeHolds(new Uint8Array(1024 * 1024 + 1).fill(0x61))).toBe(false);
    const atLimit = await accepted({ kind: "text", file_name: "ok.txt", contentType: "text/plain", bytes: streamOf(1024 * 1024) });
    expect(atLimit.byte_size).toBe(1024 * 1024);
  });

  it("takes only a token with the ingest scope, and names a bad query field", async () => {
    const readOnly = await upload({ kind: "image", file_name: "x.png", contentType: "image/png", bytes: png, token: admin.token });
    expect(readOnly.status).toBe(403);
    const badKind = await upload({ kind: "hologram", file_name: "x.png", contentType: "image/png", bytes: png });
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ error: { issues: [{ field: "kind" }] } });
  });
});
