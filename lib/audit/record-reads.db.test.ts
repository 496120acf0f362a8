// Reads of a TA's record audit themselves in the data layer, so no caller can skip the row: not the
// API (one row per request, not two), not a page, not a script calling the read function directly.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as groupPost } from "@/app/system/group/route";
import { POST as sessionPost } from "@/app/system/session/route";
import * as textRoute from "@/app/system/text_download/route";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { getGroup } from "@/lib/groups/queries";
import { downloadUpload } from "@/lib/media/download";
import { getSessionDetail } from "@/lib/sessions/queries";
import { mediaStore } from "@/lib/storage/media-store";
import { createDepartment } from "@/prisma/factories/people";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions";
import { createUpload } from "@/prisma/factories/uploads";
import { call, createActor, db, type TestActor } from "@/tests/api-helpers";

let coordinator: TestActor;
let actor: Actor;
const ids = { session: "", group: "", upload: "" };

beforeAll(async () => {
  const department = await createDepartment(db());
  const ta = await createActor("ta", { department_id: department.id });
  coordinator = await createActor("coordinator", { department_id: department.id });
  actor = (await loadActor(coordinator.profile_id))!;
  const store = mediaStore();
  ids.upload = (await createUpload(db(), store, randomBytes(32), { kind: "text", mime_type: "text/plain", original_name: "note.txt" })).id;
  const { session } = await createSession(db(), ta.profile_id);
  ids.session = session.id;
  ids.group = (await createGroupWithRuns(db(), store, { session, runs: [{ messages: [{ role: "user", upload_ids: [ids.upload] }] }] })).group.id;
});

const rows = (action: string, targetId: string) =>
  db().auditLog.findMany({ where: { actor_id: coordinator.profile_id, action, target_id: targetId }, select: { outcome: true, request_id: true } });

describe("a record read outside any request", () => {
  it("is recorded when a script calls the session, group or download read itself", async () => {
    expect((await getSessionDetail(actor, { session_id: ids.session })).session_exists).toBe(true);
    expect((await getGroup(actor, { group_id: ids.group, include_detail: false, message_limit: 1, message_offset: 0 })).group_exists).toBe(true);
    // The lean group read offered no media, so the download is recorded on its own.
    const download = await downloadUpload(actor, "text", ids.upload, new Request("http://glow.test/system/text_download", { method: "POST" }));
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    expect(await rows("session.read", ids.session)).toEqual([{ outcome: "allowed", request_id: expect.any(String) }]);
    expect(await rows("group.resolve", ids.group)).toEqual([{ outcome: "allowed", request_id: expect.any(String) }]);
    expect(await rows("upload.read", ids.upload)).toEqual([{ outcome: "allowed", request_id: expect.any(String) }]);
  });
});

describe("a record read through the API", () => {
  it("leaves one row per request, under the request's id", async () => {
    for (const [handler, path, body, action, target] of [
      [sessionPost, "/system/session", { session_id: ids.session }, "session.read", ids.session],
      [groupPost, "/system/group", { group_id: ids.group }, "group.resolve", ids.group],
    ] as const) {
      const before = (await rows(action, target)).length;
      const response = await call(handler, path, body, { token: coordinator.token });
      expect(response.status).toBe(200);
      const after = await rows(action, target);
      expect(after).toHaveLength(before + 1);
      expect(after.map((row) => row.request_id)).toContain(response.headers.get("X-Request-Id"));
    }
    const downloads = (await rows("upload.read", ids.upload)).length;
    const response = await textRoute.GET(
      new Request(`http://glow.test/system/text_download?text_upload_id=${ids.upload}`, {
        headers: { Authorization: `Bearer ${coordinator.token}` },
      }),
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const after = await rows("upload.read", ids.upload);
    expect(after).toHaveLength(downloads + 1);
    expect(after.map((row) => row.request_id)).toContain(response.headers.get("X-Request-Id"));
  });
});
