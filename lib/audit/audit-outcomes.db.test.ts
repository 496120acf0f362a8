// Audited reads record what they came to, after the decision; the TA's access history lists only
// real disclosures; refused reads and 401/403 answers stay visible to admins. Before: a read was
// audited before the scope check, so a coordinator of another department who got "not found" was
// listed in the TA's access history as having accessed their record.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as listPost } from "@/app/system/audit/route";
import { POST as imagePost } from "@/app/system/image_download/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { peerAddressHeader } from "@/lib/auth/client-address";
import { createDepartment, createSession } from "@/prisma/factories";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { accessHistoryRows } from "./access-history-sql";
import { refusedRequests } from "./refused-requests";
import { listAuditResponseSchema } from "./schemas";

let admin: TestActor;
let outsider: TestActor;
let ta: TestActor;
let sessionId: string;

beforeAll(async () => {
  const [home, other] = [await createDepartment(db()), await createDepartment(db())];
  admin = await createActor("admin");
  outsider = await createActor("coordinator", { department_id: other.id });
  ta = await createActor("ta", { department_id: home.id });
  sessionId = (await createSession(db(), ta.profile_id)).session.id;
});

const rowsFor = (actorId: string, action: string) =>
  db().auditLog.findMany({ where: { actor_id: actorId, action }, select: { outcome: true, target_id: true } });

describe("audited read outcomes", () => {
  it("records an out-of-scope read as not_found and leaves it out of the TA's access history", async () => {
    const answer = await callJson<{ session_exists: boolean }>(sessionPost, "/system/session", { session_id: sessionId }, { token: outsider.token });
    expect(answer.session_exists).toBe(false);
    expect(await rowsFor(outsider.profile_id, "session.read")).toEqual([{ outcome: "not_found", target_id: sessionId }]);

    await callJson(sessionPost, "/system/session", { session_id: sessionId }, { token: admin.token });
    expect(await rowsFor(admin.profile_id, "session.read")).toEqual([{ outcome: "allowed", target_id: sessionId }]);

    const history = await accessHistoryRows(db(), ta.profile_id);
    const readers = history.filter((row) => row.relation === "accessed_their_record").map((row) => row.actor_id);
    expect(readers).toContain(admin.profile_id);
    expect(readers).not.toContain(outsider.profile_id);
  });

  it("records a refused download as not_found", async () => {
    const missing = "00000000-0000-4000-8000-00000000abcd";
    const response = await call(imagePost, "/system/image_download", { image_upload_id: missing }, { token: outsider.token });
    expect(response.status).toBe(404);
    expect(await rowsFor(outsider.profile_id, "upload.read")).toEqual([{ outcome: "not_found", target_id: missing }]);
  });

  it("lets an admin list the refused reads", async () => {
    const page = listAuditResponseSchema.parse(
      await callJson(listPost, "/system/audit", { actor_id: outsider.profile_id, outcome: "not_found" }, { token: admin.token }),
    );
    expect(page.items.map((item) => [item.action, item.outcome])).toEqual(
      expect.arrayContaining([
        ["session.read", "not_found"],
        ["upload.read", "not_found"],
      ]),
    );
    expect(page.items.every((item) => item.outcome === "not_found")).toBe(true);
  });
});

describe("refused requests", () => {
  it("records 401s as security events, a burst as one row and a count", async () => {
    const address = `203.0.113.${randomInt(1, 255)}`;
    const ask = () =>
      call(activityPost, "/system/activity", {}, { token: "glow_not-a-real-token-at-all-0000000000", headers: { [peerAddressHeader]: address } });
    for (let i = 0; i < 25; i++) expect((await ask()).status).toBe(401);
    const refused = () => db().auditLog.findMany({ where: { action: "request.refused", ip: address }, orderBy: { created_at: "asc" } });
    expect(await refused()).toHaveLength(1);

    await refusedRequests.flush(true);
    const rows = await refused();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ outcome: "denied", target_type: "request", target_id: "/system/activity", details: { status: 401 } });
    expect(rows[1]?.details).toMatchObject({ status: 401, repeats: { count: 24 } });
  });

  it("records a 403 with the caller who was refused", async () => {
    const response = await call(listPost, "/system/audit", {}, { token: outsider.token });
    expect(response.status).toBe(403);
    expect(await db().auditLog.count({ where: { action: "request.refused", actor_id: outsider.profile_id, target_id: "/system/audit" } })).toBe(1);
  });
});
