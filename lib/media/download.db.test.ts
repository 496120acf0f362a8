import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { errorResponseSchema } from "@/lib/api/errors";
import { mediaStore } from "@/lib/storage/media-store";
import { createDepartment } from "@/prisma/factories/people";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions";
import { createUpload } from "@/prisma/factories/uploads";
import { call, createActor, db, type TestActor } from "@/tests/api-helpers";
import * as audioRoute from "@/app/system/audio_download/route";
import * as fileRoute from "@/app/system/file_download/route";
import * as imageRoute from "@/app/system/image_download/route";
import * as textRoute from "@/app/system/text_download/route";
import * as videoRoute from "@/app/system/video_download/route";

const routes = { audio: audioRoute, image: imageRoute, video: videoRoute, file: fileRoute, text: textRoute } as const;
type Kind = keyof typeof routes;

const hostileName = '../../evil"\r\nX: y.pdf';

let admin: TestActor;
let ta: TestActor;
let coordinatorA: TestActor;
let coordinatorB: TestActor;
const ids = {} as Record<Kind | "svg" | "orphan" | "otherDept" | "empty", string>;
const bytes = {} as Record<Kind | "empty", Buffer>;

function download(kind: Kind, id: string, actor: TestActor | null, headers: Record<string, string> = {}, body?: unknown) {
  return call(routes[kind].POST, `/system/${kind}_download`, body ?? { [`${kind}_upload_id`]: id }, { token: actor?.token, headers });
}

function downloadGet(kind: Kind, query: string, actor: TestActor | null, headers: Record<string, string> = {}) {
  return routes[kind].GET(
    new Request(`http://glow.test/system/${kind}_download?${query}`, {
      headers: { ...(actor ? { Authorization: `Bearer ${actor.token}` } : {}), ...headers },
    }),
  );
}

async function bodyBytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  const [deptA, deptB] = [await createDepartment(db()), await createDepartment(db())];
  admin = await createActor("admin");
  ta = await createActor("ta", { department_id: deptA.id });
  coordinatorA = await createActor("coordinator", { department_id: deptA.id });
  coordinatorB = await createActor("coordinator", { department_id: deptB.id });
  const other = await createActor("ta", { department_id: deptB.id });

  const store = mediaStore();
  bytes.audio = randomBytes(1000);
  bytes.image = randomBytes(300);
  bytes.video = randomBytes(3 * 1024 * 1024 + 7); // several read chunks
  bytes.file = randomBytes(2048);
  bytes.text = Buffer.from(`Bonjour, ça va ? ${randomUUID()}`);
  bytes.empty = Buffer.alloc(0);
  const put = async (data: Buffer, original_name: string, extra: { kind?: "text" | "image" | "file"; mime_type?: string } = {}) =>
    (await createUpload(db(), store, data, { original_name, ...extra })).id;
  ids.audio = await put(bytes.audio, "interview.wav");
  ids.image = await put(bytes.image, "diagram.png");
  ids.video = await put(bytes.video, "clip.webm");
  ids.file = await put(bytes.file, hostileName, { kind: "file", mime_type: "application/pdf" });
  ids.text = await put(bytes.text, "notes.txt");
  ids.svg = await put(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><!-- ${randomUUID()} --></svg>`), "x.svg", {
    kind: "image",
    mime_type: "image/svg+xml",
  });
  ids.empty = await put(Buffer.from(""), "empty.txt", { kind: "file", mime_type: "text/plain" });
  ids.orphan = await put(randomBytes(10), "orphan.png");
  ids.otherDept = await put(randomBytes(10), "other.png");

  const { session } = await createSession(db(), ta.profile_id);
  await createGroupWithRuns(db(), store, {
    session,
    runs: [{ messages: [{ role: "user", upload_ids: [ids.audio, ids.image, ids.video, ids.file, ids.text, ids.svg, ids.empty] }] }],
  });
  const { session: otherSession } = await createSession(db(), other.profile_id);
  await createGroupWithRuns(db(), store, { session: otherSession, runs: [{ messages: [{ role: "user", upload_ids: [ids.otherDept] }] }] });
});

describe("media downloads", () => {
  it.each<[Kind, string, string]>([
    ["audio", "audio/wav", 'inline; filename="interview.wav"'],
    ["image", "image/png", 'inline; filename="diagram.png"'],
    ["video", "video/webm", 'inline; filename="clip.webm"'],
    ["file", "application/pdf", 'attachment; filename="evilX y.pdf"'],
    ["text", "text/plain; charset=utf-8", 'inline; filename="notes.txt"'],
  ])("streams a whole %s upload with its headers", async (kind, type, disposition) => {
    const response = await download(kind, ids[kind], ta);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(type);
    expect(response.headers.get("Content-Length")).toBe(String(bytes[kind].length));
    expect(response.headers.get("Accept-Ranges")).toBe("bytes");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+$/);
    const upload = await db().upload.findUniqueOrThrow({ where: { id: ids[kind] } });
    expect(response.headers.get("ETag")).toBe(`"${upload.sha256}"`);
    expect(response.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^${disposition.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; filename\\*=UTF-8''`),
    );
    expect(response.headers.get("Content-Range")).toBeNull();
    expect((await bodyBytes(response)).equals(bytes[kind])).toBe(true);
  });

  it("neutralises a hostile original name", async () => {
    const response = await download("file", ids.file, admin);
    expect(response.headers.get("Content-Disposition")).toBe("attachment; filename=\"evilX y.pdf\"; filename*=UTF-8''evilX%20y.pdf");
    expect(response.headers.get("X")).toBeNull();
    await response.body?.cancel();
  });

  it("never shows scriptable types inline", async () => {
    const response = await download("image", ids.svg, admin);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
    await response.body?.cancel();
  });

  const size = 1000;
  it.each<[string, number, number]>([
    ["bytes=0-0", 0, 0],
    ["bytes=100-199", 100, 199],
    ["bytes=-100", 900, 999],
    ["bytes=900-", 900, 999],
    ["bytes=990-5000", 990, 999],
    ["bytes=-5000", 0, 999],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const response = await download("audio", ids.audio, ta, { Range: range });
    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe(`bytes ${start}-${end}/${size}`);
    expect(response.headers.get("Content-Length")).toBe(String(end - start + 1));
    expect(response.headers.get("Content-Type")).toBe("audio/wav");
    expect((await bodyBytes(response)).equals(bytes.audio.subarray(start, end + 1))).toBe(true);
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("answers %s with 416", async (range) => {
    const response = await download("audio", ids.audio, ta, { Range: range });
    expect(response.status).toBe(416);
    expect(response.headers.get("Content-Range")).toBe(`bytes */${size}`);
    expect(errorResponseSchema.parse(await response.json()).error.code).toBe("range_not_satisfiable");
  });

  it.each(["bytes=abc", "items=0-10", "bytes=10-5", "bytes=0-1,5-6", "bytes="])("ignores %s and sends the whole file", async (range) => {
    const response = await download("audio", ids.audio, ta, { Range: range });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBe(String(size));
    expect((await bodyBytes(response)).equals(bytes.audio)).toBe(true);
  });

  it("sends the whole file when If-Range names another version", async () => {
    const response = await download("audio", ids.audio, ta, { Range: "bytes=0-9", "If-Range": '"0000"' });
    expect(response.status).toBe(200);
    const etag = response.headers.get("ETag") ?? "";
    await response.body?.cancel();
    const matching = await download("audio", ids.audio, ta, { Range: "bytes=0-9", "If-Range": etag });
    expect(matching.status).toBe(206);
    expect((await bodyBytes(matching)).equals(bytes.audio.subarray(0, 10))).toBe(true);
  });

  it("streams an empty upload, ignoring Range", async () => {
    const response = await download("file", ids.empty, ta, { Range: "bytes=0-0" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Length")).toBe("0");
    expect((await bodyBytes(response)).length).toBe(0);
  });

  it("answers 404 alike for a kind mismatch, a missing id and an out-of-scope upload", async () => {
    const cases: Array<[Kind, string, TestActor]> = [
      ["image", ids.audio, admin],
      ["audio", ids.image, admin],
      ["text", ids.file, admin],
      ["audio", randomUUID(), admin],
      ["image", ids.otherDept, coordinatorA],
      ["image", ids.otherDept, ta],
      ["audio", ids.audio, coordinatorB],
      ["image", ids.orphan, coordinatorA],
    ];
    for (const [kind, id, actor] of cases) {
      const response = await download(kind, id, actor);
      expect(response.status).toBe(404);
      const answer = errorResponseSchema.parse(await response.json());
      expect(answer.error).toEqual({ code: "not_found", message: `There is no ${kind} upload ${id}.` });
    }
    for (const [id, actor] of [
      [ids.otherDept, coordinatorB],
      [ids.orphan, admin],
      [ids.audio, coordinatorA],
    ] as const) {
      const response = await download(id === ids.audio ? "audio" : "image", id, actor);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
  });

  it("answers the GET variant with the same auth, scope and ranges", async () => {
    const ranged = await downloadGet("video", `video_upload_id=${ids.video}`, ta, { Range: "bytes=1048576-1048585" });
    expect(ranged.status).toBe(206);
    expect((await bodyBytes(ranged)).equals(bytes.video.subarray(1048576, 1048586))).toBe(true);
    const whole = await downloadGet("video", `video_upload_id=${ids.video}`, ta);
    expect(whole.status).toBe(200);
    expect((await bodyBytes(whole)).equals(bytes.video)).toBe(true);

    expect((await downloadGet("video", `video_upload_id=${ids.video}`, null)).status).toBe(401);
    expect((await downloadGet("video", `video_upload_id=${ids.video}`, coordinatorB)).status).toBe(404);
    expect((await downloadGet("audio", `video_upload_id=${ids.video}`, ta)).status).toBe(400);
    expect((await downloadGet("video", `video_upload_id=nope`, ta)).status).toBe(400);
    expect((await downloadGet("video", `video_upload_id=${ids.video}&x=1`, ta)).status).toBe(400);
  });

  it("answers 304 to a GET whose If-None-Match has the ETag", async () => {
    const first = await downloadGet("image", `image_upload_id=${ids.image}`, ta);
    const etag = first.headers.get("ETag") ?? "";
    await first.body?.cancel();
    const again = await downloadGet("image", `image_upload_id=${ids.image}`, ta, { "If-None-Match": `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe("");
  });

  it("401 without a valid token", async () => {
    const response = await download("audio", ids.audio, null);
    expect(response.status).toBe(401);
    expect(errorResponseSchema.parse(await response.json()).error.code).toBe("unauthorized");
  });

  it.each<[Kind, unknown, string]>([
    ["audio", { audio_upload_id: "not-a-uuid" }, "audio_upload_id"],
    ["audio", { audio_upload_id: 7 }, "audio_upload_id"],
    ["audio", {}, "audio_upload_id"],
    ["image", { audio_upload_id: randomUUID() }, "audio_upload_id"],
    ["file", { file_upload_id: randomUUID(), name: "x" }, "name"],
  ])("400 on %s_download for %j", async (kind, body, field) => {
    const response = await download(kind, "", ta, {}, body);
    expect(response.status).toBe(400);
    expect(errorResponseSchema.parse(await response.json()).error.issues?.map((i) => i.field)).toContain(field);
  });
});
