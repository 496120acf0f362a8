// One page view, one audit row with its media attached (issue 10, item 7). Before: every image,
// player and range request of a group page wrote its own upload.read row (about 50 per view), and a
// group read did not say which media it had put on the screen.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auditPost } from "@/app/system/audit/route";
import { POST as groupPost } from "@/app/system/group/route";
import * as imageRoute from "@/app/system/image_download/route";
import { mediaStore } from "@/lib/storage/media-store";
import { createDepartment } from "@/prisma/factories/people";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions";
import { createUpload } from "@/prisma/factories/uploads";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { offeredUploadWindowMs } from "./offered-uploads";
import { listAuditResponseSchema } from "./schemas";

let admin: TestActor;
let colleague: TestActor;
let outsider: TestActor;
let offeredGroupId: string;
/** Two images on the group that is read, one on another group of the same session. */
const images = { first: "", second: "", elsewhere: "" };

beforeAll(async () => {
  const [home, other] = [await createDepartment(db()), await createDepartment(db())];
  admin = await createActor("admin");
  colleague = await createActor("coordinator", { department_id: home.id });
  outsider = await createActor("coordinator", { department_id: other.id });
  const ta = await createActor("ta", { department_id: home.id });
  const store = mediaStore();
  const image = async (name: string) => (await createUpload(db(), store, randomBytes(64), { original_name: name })).id;
  images.first = await image("first.png");
  images.second = await image("second.png");
  images.elsewhere = await image("elsewhere.png");
  const { session } = await createSession(db(), ta.profile_id);
  const offered = await createGroupWithRuns(db(), store, {
    session,
    runs: [
      {
        messages: [
          { role: "user", upload_ids: [images.first] },
          { role: "assistant", upload_ids: [images.second] },
        ],
      },
    ],
  });
  offeredGroupId = offered.group.id;
  await createGroupWithRuns(db(), store, { session, runs: [{ messages: [{ role: "user", upload_ids: [images.elsewhere] }] }] });
});

const readGroup = (actor: TestActor) =>
  callJson(
    groupPost,
    "/system/group",
    { group_id: offeredGroupId, include_detail: true, message_limit: 100, message_offset: 0 },
    { token: actor.token },
  );

/** As <img> and <video> fetch it: GET, the id in the query string, a range for players. */
const fetchImage = (actor: TestActor, uploadId: string, range?: string) =>
  imageRoute.GET(
    new Request(`http://glow.test/system/image_download?image_upload_id=${uploadId}`, {
      headers: { Authorization: `Bearer ${actor.token}`, ...(range ? { Range: range } : {}) },
    }),
  );

const rowsOf = (actor: TestActor, action: string) =>
  db().auditLog.findMany({
    where: { actor_id: actor.profile_id, action },
    select: { target_id: true, outcome: true, offered_upload_ids: true },
    orderBy: { created_at: "asc" },
  });

describe("media offered by a recorded read", () => {
  it("records a group read's media on its row, and writes no row for their downloads", async () => {
    await readGroup(admin);
    const [read, ...more] = await rowsOf(admin, "group.read");
    expect(more).toEqual([]);
    expect(read).toMatchObject({ target_id: offeredGroupId, outcome: "allowed" });
    expect([...(read?.offered_upload_ids ?? [])].sort()).toEqual([images.first, images.second].sort());

    for (const response of [
      await fetchImage(admin, images.first),
      await fetchImage(admin, images.first, "bytes=0-9"),
      await fetchImage(admin, images.second),
    ]) {
      expect(response.status).toBeLessThan(300);
      await response.body?.cancel();
    }
    expect(await rowsOf(admin, "upload.read")).toEqual([]);

    // An upload the read did not offer is a download of its own.
    const elsewhere = await fetchImage(admin, images.elsewhere);
    expect(elsewhere.status).toBe(200);
    await elsewhere.body?.cancel();
    expect(await rowsOf(admin, "upload.read")).toEqual([{ target_id: images.elsewhere, outcome: "allowed", offered_upload_ids: [] }]);
  });

  it("covers only the person it was offered to", async () => {
    const response = await fetchImage(colleague, images.first);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await rowsOf(colleague, "upload.read")).toEqual([{ target_id: images.first, outcome: "allowed", offered_upload_ids: [] }]);
  });

  it("never stands in for the scope check", async () => {
    // A refused group read offers nothing; even a forged offer leaves the download refused and recorded.
    await readGroup(outsider);
    expect((await rowsOf(outsider, "group.read")).map((row) => [row.outcome, row.offered_upload_ids])).toEqual([["not_found", []]]);
    await db().auditLog.create({
      data: {
        actor_id: outsider.profile_id,
        action: "group.read",
        target_type: "group",
        target_id: offeredGroupId,
        outcome: "allowed",
        offered_upload_ids: [images.first],
      },
    });
    const response = await fetchImage(outsider, images.first);
    expect(response.status).toBe(404);
    expect(await rowsOf(outsider, "upload.read")).toEqual([{ target_id: images.first, outcome: "not_found", offered_upload_ids: [] }]);
  });

  it("lapses after the window the browser may cache for", async () => {
    const later = await createActor("admin");
    const offer = (ageMs: number) =>
      db().auditLog.create({
        data: {
          actor_id: later.profile_id,
          action: "group.read",
          target_type: "group",
          target_id: offeredGroupId,
          outcome: "allowed",
          offered_upload_ids: [images.first],
          created_at: new Date(Date.now() - ageMs),
        },
      });
    await offer(offeredUploadWindowMs + 60_000);
    const stale = await fetchImage(later, images.first);
    await stale.body?.cancel();
    expect(await rowsOf(later, "upload.read")).toHaveLength(1);

    await offer(offeredUploadWindowMs - 60_000);
    const fresh = await fetchImage(later, images.first);
    await fresh.body?.cancel();
    expect(await rowsOf(later, "upload.read")).toHaveLength(1);
  });

  it("finds the offering read when the audit log is searched by the upload", async () => {
    const page = listAuditResponseSchema.parse(
      await callJson(auditPost, "/system/audit", { target_id: images.first, actor_id: admin.profile_id }, { token: admin.token }),
    );
    expect(page.items.map((item) => [item.action, item.target_id])).toEqual([["group.read", offeredGroupId]]);
    expect(page.items[0]?.offered_upload_ids).toContain(images.first);

    const uploadsOnly = await call(auditPost, "/system/audit", { target_type: "session", target_id: images.first }, { token: admin.token });
    expect(listAuditResponseSchema.parse(await uploadsOnly.json()).items).toEqual([]);
  });
});
