import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/system/activity/route";
import { callJson, createActor } from "@/tests/api-helpers";
import { activityResponseSchema, type ActivityResponse } from "./schemas";
import { buildWorld, marchWindow, type World } from "@/tests/activity-world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

async function activity(token: string, body: unknown): Promise<ActivityResponse> {
  const json = await callJson(POST, "/system/activity", body, { token });
  return activityResponseSchema.parse(json);
}

describe("POST /system/activity", () => {
  it("counts the window's events of the filtered profile set", async () => {
    const res = await activity(w.admin.token, { ...marchWindow, department_ids: w.both });
    // Five sign-in attempts in March, one of them ta1's failed one: logins count the successful.
    expect(res).toMatchObject({ sessions_count: 9, active_profiles_count: 3, logins_count: 4, failed_logins_count: 1, emulations_count: 2 });
    expect(
      res.profile_summary.map((p) => [
        p.profile_id,
        p.sessions_count,
        p.logins_count,
        p.failed_logins_count,
        p.grants_count,
        p.problems_count,
        p.activity_count,
      ]),
    ).toEqual([
      [w.ta1.profile_id, 2, 2, 1, 0, 2, 9], // 2 sessions + 3 chats + 2 attempts + 2 successful logins
      [w.ta2.profile_id, 6, 0, 0, 1, 0, 6],
      [w.ta3.profile_id, 1, 1, 0, 0, 1, 3],
      [w.coordA.profile_id, 0, 1, 0, 0, 0, 1], // not a TA, listed because it has a login
      [w.idle.profile_id, 0, 0, 0, 0, 0, 0], // a TA, listed even with nothing
    ]);
    expect(res.profile_summary.reduce((sum, p) => sum + p.sessions_count, 0)).toBe(res.sessions_count);
    expect(Object.keys(res.resources).sort()).toEqual(res.profile_summary.map((p) => p.profile_id).sort());
    expect(res.resources[w.ta1.profile_id]).toEqual({
      profile_id: w.ta1.profile_id,
      name: "Ada Head",
      email: expect.stringContaining("@test.glow.example"),
      department_id: w.deptA.id,
      department_name: w.deptA.name,
      ta_role: "head_ta",
      access_level: "ta",
    });
  });

  it("covers all time with an empty body, and the sums agree", async () => {
    const res = await activity(w.coordA.token, {});
    const ta2 = res.profile_summary.find((p) => p.profile_id === w.ta2.profile_id);
    expect(ta2).toMatchObject({ sessions_count: 7, grants_count: 2, problems_count: 1 });
    expect(res.sessions_count).toBe(9);
    expect(res.profile_summary.reduce((sum, p) => sum + p.sessions_count, 0)).toBe(res.sessions_count);
    expect(res.logins_count).toBe(4); // ta1's three successful and coordA's one
    expect(res.failed_logins_count).toBe(1);
  });

  it("treats a bare date_to as the whole day and date-times exactly", async () => {
    const day = await activity(w.coordA.token, { date_from: "2024-03-11", date_to: "2024-03-11" });
    expect(day.sessions_count).toBe(2); // s2 and s3 at 2024-03-11T09:00
    const before = await activity(w.coordA.token, { date_from: "2024-03-10T00:00:00Z", date_to: "2024-03-11T08:59:59.999Z" });
    expect(before.sessions_count).toBe(1);
  });

  it("filters by role and by department", async () => {
    const heads = await activity(w.admin.token, { ...marchWindow, department_ids: w.both, roles: ["head_ta"] });
    expect(heads.profile_summary.map((p) => p.profile_id)).toEqual([w.ta1.profile_id]);
    expect(heads).toMatchObject({ sessions_count: 2, emulations_count: 1, active_profiles_count: 1 });
    const deptB = await activity(w.admin.token, { ...marchWindow, department_ids: [w.deptB.id] });
    expect(deptB.profile_summary.map((p) => p.profile_id)).toEqual([w.ta3.profile_id]);
    expect(deptB).toMatchObject({ sessions_count: 1, logins_count: 1, emulations_count: 1 });
  });

  it("keeps a coordinator to their departments and a TA to themself", async () => {
    const coordB = await activity(w.coordB.token, marchWindow);
    expect(coordB.profile_summary.map((p) => p.profile_id)).toEqual([w.ta3.profile_id]);
    // Asking for another department's ids does not widen the scope.
    const sneaky = await activity(w.coordB.token, { department_ids: [w.deptA.id] });
    expect(sneaky).toMatchObject({ sessions_count: 0, profile_summary: [], resources: {} });
    const self = await activity(w.ta1.token, {});
    expect(self.profile_summary.map((p) => p.profile_id)).toEqual([w.ta1.profile_id]);
    expect(self.sessions_count).toBe(2);
  });

  it("answers facets within the caller's scope, ignoring the filters", async () => {
    const res = await activity(w.coordA.token, { roles: ["head_ta"] });
    expect(res.analytics.departments).toEqual([{ department_id: w.deptA.id, name: w.deptA.name, profile_count: 4 }]);
    expect(res.analytics.roles).toEqual([
      { role: "head_ta", profile_count: 1 },
      { role: "graduate_ta", profile_count: 1 },
      { role: "undergraduate_ta", profile_count: 1 },
    ]);
    expect(res.analytics.min_date).toBe("2024-03-10T09:00:00.000Z");
    expect(res.analytics.max_date).toBe("2024-04-20T10:00:00.000Z");
    const admin = await activity(w.admin.token, { department_ids: w.both });
    expect(admin.analytics.departments.map((d) => d.department_id)).toEqual(expect.arrayContaining(w.both));
  });

  it("answers an empty summary for a coordinator without departments", async () => {
    const lonely = await createActor("coordinator");
    const res = await activity(lonely.token, {});
    expect(res).toMatchObject({ sessions_count: 0, profile_summary: [], analytics: { departments: [], roles: [], min_date: null, max_date: null } });
  });
});
