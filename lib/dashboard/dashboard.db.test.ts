import { beforeAll, describe, expect, it } from "vitest";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as dashboardPost } from "@/app/system/dashboard/route";
import { POST as followUpPost } from "@/app/system/follow_up/route";
import { activityResponseSchema } from "@/lib/activity/schemas";
import { buildWorld, marchWindow, type World } from "@/tests/activity-world";
import { errorResponseSchema } from "@/lib/api/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { call, callJson, createActor, db } from "@/tests/api-helpers";
import { createTa } from "@/prisma/factories/people.ts";
import { dashboardResponseSchema, followUpResponseSchema, type DashboardResponse, type FollowUpResponse } from "./schemas";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

async function dashboard(token: string, body: unknown): Promise<DashboardResponse> {
  return dashboardResponseSchema.parse(await callJson(dashboardPost, "/system/dashboard", body, { token }));
}

async function followUp(token: string, body: unknown): Promise<FollowUpResponse> {
  return followUpResponseSchema.parse(await callJson(followUpPost, "/system/follow_up", body, { token }));
}

/** Exact sums straight from the runs table, to check the SQL aggregates against. */
async function runTotals(departmentIds: string[], from: Date, toExclusive: Date) {
  const sums = await db().run.aggregate({
    where: {
      created_at: { gte: from, lt: toExclusive },
      group: { session: { profile: { department_id: { in: departmentIds } } } },
    },
    _sum: { input_tokens: true, output_tokens: true, cost: true },
  });
  return {
    tokens: (sums._sum.input_tokens ?? 0) + (sums._sum.output_tokens ?? 0),
    cost: (sums._sum.cost ?? new Prisma.Decimal(0)).toFixed(),
  };
}

const sumDecimals = (values: string[]) => values.reduce((total, value) => total.plus(value), new Prisma.Decimal(0)).toFixed();
const march = { from: new Date("2024-03-01T00:00:00Z"), to: new Date("2024-04-01T00:00:00Z") };

describe("POST /system/dashboard", () => {
  it("answers the KPIs of the window and of the previous window of equal length", async () => {
    const res = await dashboard(w.admin.token, { ...marchWindow, department_ids: w.both });
    expect(res.window).toEqual({
      date_from: "2024-03-01T00:00:00.000Z",
      date_to: "2024-04-01T00:00:00.000Z",
      previous_date_from: "2024-01-30T00:00:00.000Z",
      first_day: "2024-03-01",
      last_day: "2024-03-31",
    });
    const totals = await runTotals(w.both, march.from, march.to);
    expect(res.kpis).toEqual({
      sessions: { current: 9, previous: 0 },
      active_tas: { current: 3, previous: 0 },
      logins: { current: 4, previous: 1 }, // successful only (ta1 failed once); ta1's February sign-in falls in the previous window
      emulations: { current: 2, previous: 0 },
      tokens: { current: totals.tokens, previous: 0 },
      cost: { current: totals.cost, previous: "0" },
      open_problems: { current: 2, previous: 0 }, // p1 and p4; p2 is resolved, the April one is outside
    });
    expect(res.kpis.cost.current).toMatch(/^0\.\d{5,}$/); // small, and never rounded away
  });

  it("agrees with /system/activity on the counts they share", async () => {
    for (const body of [
      { ...marchWindow, department_ids: w.both },
      { department_ids: [w.deptB.id], date_from: "2024-01-01", date_to: "2024-12-31" },
    ]) {
      const res = await dashboard(w.admin.token, body);
      const activity = activityResponseSchema.parse(await callJson(activityPost, "/system/activity", body, { token: w.admin.token }));
      expect([res.kpis.sessions.current, res.kpis.active_tas.current, res.kpis.logins.current, res.kpis.emulations.current]).toEqual([
        activity.sessions_count,
        activity.active_profiles_count,
        activity.logins_count,
        activity.emulations_count,
      ]);
    }
  });

  it("fills every UTC day and ISO week with zeros where nothing happened", async () => {
    const res = await dashboard(w.admin.token, { ...marchWindow, department_ids: w.both });
    expect(res.sessions_per_day).toHaveLength(31);
    expect(res.sessions_per_day[0]).toEqual({ day: "2024-03-01", sessions: 0 });
    expect(res.sessions_per_day.filter((d) => d.sessions > 0)).toEqual([
      { day: "2024-03-10", sessions: 1 },
      { day: "2024-03-11", sessions: 2 },
      { day: "2024-03-12", sessions: 1 },
      { day: "2024-03-13", sessions: 5 },
    ]);
    // March 1, 2024 is a Friday and March 31 a Sunday: five ISO weeks, the first one partial.
    expect(res.active_tas_per_week).toEqual([
      { week_start: "2024-02-26", active_tas: 0 },
      { week_start: "2024-03-04", active_tas: 1 }, // Sunday the 10th belongs to the week of the 4th
      { week_start: "2024-03-11", active_tas: 3 },
      { week_start: "2024-03-18", active_tas: 0 },
      { week_start: "2024-03-25", active_tas: 0 },
    ]);
    expect(res.usage_per_day).toHaveLength(31);
    expect(res.usage_per_day[0]).toEqual({ day: "2024-03-01", total_tokens: 0, total_cost: "0", models: [] });
  });

  it("splits tokens and cost by day, model and department with exact sums", async () => {
    const res = await dashboard(w.admin.token, { ...marchWindow, department_ids: w.both });
    const busy = res.usage_per_day.filter((d) => d.models.length > 0);
    expect(busy.map((d) => d.day)).toEqual(["2024-03-10", "2024-03-11", "2024-03-12"]);
    for (const d of busy) {
      expect(d.models.map((m) => m.model_id)).toEqual([w.model.id]);
      expect(sumDecimals(d.models.map((m) => m.total_cost))).toBe(new Prisma.Decimal(d.total_cost).toFixed());
    }
    expect(sumDecimals(res.usage_per_day.map((d) => d.total_cost))).toBe(res.kpis.cost.current);
    expect(res.usage_per_day.reduce((sum, d) => sum + d.total_tokens, 0)).toBe(res.kpis.tokens.current);

    const deptA = await runTotals([w.deptA.id], march.from, march.to);
    const deptB = await runTotals([w.deptB.id], march.from, march.to);
    expect(res.cost_by_department).toHaveLength(2);
    expect(res.cost_by_department).toEqual(
      expect.arrayContaining([
        { department_id: w.deptA.id, department_name: w.deptA.name, total_tokens: deptA.tokens, total_cost: deptA.cost },
        { department_id: w.deptB.id, department_name: w.deptB.name, total_tokens: deptB.tokens, total_cost: deptB.cost },
      ]),
    );
    const costs = res.cost_by_department.map((d) => new Prisma.Decimal(d.total_cost));
    expect(costs[0]?.gte(costs[1] ?? 0)).toBe(true); // most expensive first
  });

  it("lists the newest open problems of the window", async () => {
    const res = await dashboard(w.admin.token, { ...marchWindow, department_ids: w.both });
    expect(res.open_problems.map((p) => p.problem_id)).toEqual([w.p4.id, w.p1.id]);
    expect(res.open_problems[0]).toMatchObject({ session_id: w.s4.session.id, profile_id: w.ta3.profile_id, resolved: false });
  });

  it("treats date-times exactly and buckets by UTC day", async () => {
    const res = await dashboard(w.coordA.token, { date_from: "2024-03-10T09:00:00Z", date_to: "2024-03-11T08:59:59.999Z" });
    expect(res.kpis.sessions.current).toBe(1);
    expect(res.sessions_per_day).toEqual([
      { day: "2024-03-10", sessions: 1 },
      { day: "2024-03-11", sessions: 0 },
    ]);
  });

  it("keeps a coordinator to their departments and a TA to themself", async () => {
    const coordB = await dashboard(w.coordB.token, marchWindow);
    expect(coordB.kpis.sessions.current).toBe(1);
    expect(coordB.open_problems.map((p) => p.problem_id)).toEqual([w.p4.id]);
    expect(coordB.cost_by_department.map((d) => d.department_id)).toEqual([w.deptB.id]);
    const sneaky = await dashboard(w.coordB.token, { ...marchWindow, department_ids: [w.deptA.id] });
    expect(sneaky.kpis.sessions.current).toBe(0);
    expect(sneaky.open_problems).toEqual([]);
    expect(sneaky.cost_by_department).toEqual([]);
    const self = await dashboard(w.ta1.token, marchWindow);
    expect(self.kpis.sessions.current).toBe(2);
    expect(self.kpis.active_tas.current).toBe(1);
  });

  it("defaults to the 30 days ending today", async () => {
    const res = await dashboard(w.coordA.token, {});
    const today = new Date().toISOString().slice(0, 10);
    expect(res.window.last_day).toBe(today);
    expect(res.sessions_per_day).toHaveLength(30);
    expect(res.kpis.sessions.current).toBe(0);
  });

  it.each([
    [{ date_from: "2024-03-31", date_to: "2024-03-01" }, "date_from"],
    [{ date_from: "2020-01-01", date_to: "2024-01-01" }, "date_from"],
    [{ date_from: "2999-01-01" }, "date_from"],
    [{ roles: ["dean"] }, "roles.0"],
    [{ period: "7d" }, "period"],
  ])("rejects %j", async (body, field) => {
    const response = await call(dashboardPost, "/system/dashboard", body, { token: w.admin.token });
    expect(response.status).toBe(400);
    const error = errorResponseSchema.parse(await response.json());
    expect(error.error.code).toBe("invalid_body");
    expect(error.error.issues?.map((i) => i.field)).toContain(field);
  });
});

describe("POST /system/follow_up", () => {
  beforeAll(async () => {
    // The idle TA joined long ago and never trained; a disabled one is nobody's to follow up.
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await db().profile.update({ where: { id: w.idle.profile_id }, data: { created_at: longAgo } });
    await createTa(db(), { department_id: w.deptA.id, created_at: longAgo, disabled_at: new Date() });
  });

  it("lists TAs with open problems or no session in idle_days, with the facts behind each", async () => {
    const res = await followUp(w.coordA.token, { idle_days: 14 });
    expect(res.idle_days).toBe(14);
    expect(res.items.map((i) => [i.profile_id, i.open_problem_count, i.idle])).toEqual([
      [w.ta1.profile_id, 1, true], // p1 open; last session March 2024
      [w.ta2.profile_id, 1, true], // the April problem is open
      [w.idle.profile_id, 0, true], // never had a session
    ]);
    expect(res.items[0]).toMatchObject({
      profile_name: "Ada Head",
      department_id: w.deptA.id,
      department_name: w.deptA.name,
      ta_role: "head_ta",
      last_session_at: "2024-03-11T09:00:00.000Z",
    });
    expect(res.items[2]?.last_session_at).toBeNull();
  });

  it("counts idleness from joining for a TA who never trained", async () => {
    const res = await followUp(w.coordA.token, { idle_days: 60 });
    expect(res.items.map((i) => i.profile_id)).not.toContain(w.idle.profile_id);
  });

  it("applies the scope and the filters", async () => {
    const coordB = await followUp(w.coordB.token, {});
    expect(coordB.items.map((i) => [i.profile_id, i.open_problem_count])).toEqual([[w.ta3.profile_id, 1]]);
    const heads = await followUp(w.admin.token, { department_ids: w.both, roles: ["head_ta"] });
    expect(heads.items.map((i) => i.profile_id)).toEqual([w.ta1.profile_id]);
    const self = await followUp(w.ta2.token, {});
    expect(self.items.map((i) => i.profile_id)).toEqual([w.ta2.profile_id]);
  });

  it("answers nothing for a coordinator without departments", async () => {
    const lonely = await createActor("coordinator");
    expect((await followUp(lonely.token, {})).items).toEqual([]);
  });

  it.each([[{ idle_days: 0 }], [{ idle_days: "14" }], [{ date_from: "2024-01-01" }]])("rejects %j", async (body) => {
    const response = await call(followUpPost, "/system/follow_up", body, { token: w.admin.token });
    expect(response.status).toBe(400);
  });
});
