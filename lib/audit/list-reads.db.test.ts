// Lists disclose TA records as much as a session page does: each list read is one audit row with
// its filters and the people it showed, and it appears in those people's access history. Before:
// /system/sessions, /system/groups, /system/problems and /system/activity left no trace.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as groupsPost } from "@/app/system/groups/route";
import { POST as problemsPost } from "@/app/system/problems/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import { loadActor } from "@/lib/auth/load-actor";
import { countProblems } from "@/lib/problems/queries";
import { listProblemsRequestSchema } from "@/lib/problems/schemas";
import { createDepartment, createProblem, createSession } from "@/prisma/factories";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { accessHistoryRows } from "./access-history-sql";

let coordinator: TestActor;
let shown: TestActor;
let elsewhere: TestActor;
let departmentId: string;

beforeAll(async () => {
  const [home, other] = [await createDepartment(db()), await createDepartment(db())];
  departmentId = home.id;
  coordinator = await createActor("coordinator", { department_id: home.id });
  shown = await createActor("ta", { department_id: home.id });
  elsewhere = await createActor("ta", { department_id: other.id });
  for (const ta of [shown, elsewhere]) {
    const { session } = await createSession(db(), ta.profile_id);
    await db().group.create({ data: { session_id: session.id, name: "Recursion" } });
    await createProblem(db(), session.id);
  }
});

const listRows = (action: string) =>
  db().auditLog.findMany({
    where: { actor_id: coordinator.profile_id, action },
    select: { target_type: true, outcome: true, details: true, disclosed_profile_ids: true },
  });

describe("list reads", () => {
  it.each([
    ["/system/sessions", sessionsPost, "sessions.list"],
    ["/system/groups", groupsPost, "groups.list"],
    ["/system/problems", problemsPost, "problems.list"],
    ["/system/activity", activityPost, "activity.read"],
  ] as const)("%s writes one row with its filters and the people it showed", async (path, handler, action) => {
    const filters = { department_ids: [departmentId] };
    await callJson(handler, path, filters, { token: coordinator.token });
    const rows = await listRows(action);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ target_type: "list", outcome: "allowed", details: { filters } });
    expect(rows[0]?.disclosed_profile_ids).toContain(shown.profile_id);
    expect(rows[0]?.disclosed_profile_ids).not.toContain(elsewhere.profile_id);
  });

  it("puts the list reads in the access history of the people shown, and only theirs", async () => {
    const readsOf = async (profileId: string) =>
      (await accessHistoryRows(db(), profileId))
        .filter((row) => row.relation === "accessed_their_record" && row.actor_id === coordinator.profile_id)
        .map((row) => row.action)
        .sort();
    expect(await readsOf(shown.profile_id)).toEqual(["activity.read", "groups.list", "problems.list", "sessions.list"]);
    expect(await readsOf(elsewhere.profile_id)).toEqual([]);
  });

  it("does not count a number of problems as a list read", async () => {
    const actor = await loadActor(coordinator.profile_id);
    if (!actor) throw new Error("the coordinator has no actor");
    const before = await db().auditLog.count({ where: { actor_id: coordinator.profile_id } });
    expect(await countProblems(actor, listProblemsRequestSchema.parse({ department_ids: [departmentId] }))).toBe(1);
    expect(await db().auditLog.count({ where: { actor_id: coordinator.profile_id } })).toBe(before);
  });
});
