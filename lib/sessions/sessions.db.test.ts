import { beforeAll, describe, expect, it } from "vitest";
import { POST as listPost } from "@/app/system/sessions/route";
import { POST as detailPost } from "@/app/system/session/route";
import { buildWorld, marchWindow, type World } from "@/tests/activity-world";
import { compareDecimals, sumDecimals } from "@/lib/format/decimal";
import { createDepartment, createSession, createTa } from "@/prisma/factories";
import { callJson, db } from "@/tests/api-helpers";
import {
  getSessionResponseSchema,
  listSessionsResponseSchema,
  sessionSortKey,
  sessionStatus,
  type ListSessionsResponse,
  type SessionListItem,
} from "./schemas";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

async function list(token: string, body: Record<string, unknown>): Promise<ListSessionsResponse> {
  return listSessionsResponseSchema.parse(await callJson(listPost, "/system/sessions", body, { token }));
}

async function detail(token: string, session_id: string) {
  return getSessionResponseSchema.parse(await callJson(detailPost, "/system/session", { session_id }, { token }));
}

/** "1.2300" and "1.23" are the same amount; compare amounts, not spellings. */
const amount = (value: string) => sumDecimals([value]);
const ids = (res: ListSessionsResponse) => res.items.map((item) => item.session_id);

/** The value a sort key orders by; null for a missing one (listed last in either direction). */
function sortValue(item: SessionListItem, key: (typeof sessionSortKey.options)[number]): number | string | null {
  switch (key) {
    case "session_created_at":
      return Date.parse(item.session_created_at);
    case "session_updated_at":
      return Date.parse(item.session_updated_at);
    case "ended_at":
      return item.ended_at === null ? null : Date.parse(item.ended_at);
    case "status":
      return sessionStatus.options.indexOf(item.status);
    default:
      return item[key];
  }
}

describe("POST /system/sessions", () => {
  it("answers exact aggregates per session", async () => {
    const res = await list(w.coordA.token, { profile_id: w.ta1.profile_id, sort_order: "asc" });
    expect(res).toMatchObject({ page: 1, page_size: 25, total_count: 2, total_pages: 1 });
    const [s1, s2] = res.items;
    const runs = await db().run.findMany({ where: { group: { session_id: w.s1.session.id } } });
    expect(s1).toMatchObject({
      session_id: w.s1.session.id,
      profile_id: w.ta1.profile_id,
      profile_name: "Ada Head",
      department_id: w.deptA.id,
      department_name: w.deptA.name,
      session_created_at: "2024-03-10T09:00:00.000Z",
      ended_at: "2024-03-10T11:00:00.000Z",
      active: false,
      group_count: 2,
      run_count: 4,
      chat_count: 2,
      attempt_count: 2,
      message_count: 8,
      problem_count: 2,
      open_problem_count: 1,
      total_tokens: runs.reduce((sum, r) => sum + r.input_tokens + r.output_tokens, 0),
    });
    expect(amount(s1!.total_cost)).toBe(sumDecimals(runs.map((r) => r.cost.toFixed())));
    expect(s1!.total_cost).not.toMatch(/e/i);
    expect(s2).toMatchObject({
      session_id: w.s2.session.id,
      active: true,
      group_count: 0,
      run_count: 0,
      chat_count: 1,
      total_tokens: 0,
      total_cost: "0",
    });
  });

  it("agrees with /system/session: group costs sum to the list's total_cost exactly", async () => {
    const res = await list(w.coordA.token, { page_size: 200 });
    for (const item of res.items) {
      const one = await detail(w.coordA.token, item.session_id);
      expect(one.session_exists).toBe(true);
      expect(one.total_cost).toBe(item.total_cost);
      expect(amount(sumDecimals(one.groups.map((g) => g.total_cost)))).toBe(amount(item.total_cost));
      expect(one.groups.reduce((sum, g) => sum + g.run_count, 0)).toBe(item.run_count);
      expect(one.groups.reduce((sum, g) => sum + g.total_tokens, 0)).toBe(item.total_tokens);
      expect(one.groups.length).toBe(item.group_count);
      expect(one.problems.length).toBe(item.problem_count);
    }
  });

  it("filters by window, active, profile, role and department", async () => {
    expect((await list(w.coordA.token, {})).total_count).toBe(9);
    expect((await list(w.coordA.token, marchWindow)).total_count).toBe(8);
    expect(ids(await list(w.coordA.token, { active: false }))).toEqual([w.s1.session.id]);
    expect((await list(w.coordA.token, { active: true })).total_count).toBe(8);
    expect((await list(w.coordA.token, { roles: ["head_ta"] })).total_count).toBe(2);
    expect((await list(w.coordA.token, { date_from: "2024-03-11", date_to: "2024-03-11" })).total_count).toBe(2);
    expect(ids(await list(w.admin.token, { department_ids: [w.deptB.id] }))).toEqual([w.s4.session.id]);
    expect((await list(w.admin.token, { department_ids: w.both, ...marchWindow })).total_count).toBe(9);
  });

  it("keeps coordinators to their departments and TAs to themselves", async () => {
    expect(ids(await list(w.coordB.token, {}))).toEqual([w.s4.session.id]);
    expect((await list(w.coordB.token, { profile_id: w.ta1.profile_id })).total_count).toBe(0);
    expect((await list(w.coordB.token, { department_ids: [w.deptA.id] })).total_count).toBe(0);
    const own = await list(w.ta1.token, {});
    expect(ids(own).sort()).toEqual([w.s1.session.id, w.s2.session.id].sort());
    expect((await list(w.ta1.token, { profile_id: w.ta2.profile_id })).total_count).toBe(0);
  });

  it("pages: last page, exact fit, page beyond the end", async () => {
    const all = ids(await list(w.coordA.token, { page_size: 200 }));
    expect(all).toHaveLength(9);
    const last = await list(w.coordA.token, { page: 3, page_size: 4 });
    expect(last).toMatchObject({ page: 3, page_size: 4, total_count: 9, total_pages: 3 });
    expect(ids(last)).toEqual(all.slice(8));
    expect((await list(w.coordA.token, { page_size: 9 })).total_pages).toBe(1);
    const beyond = await list(w.coordA.token, { page: 50, page_size: 4 });
    expect(beyond).toMatchObject({ items: [], page: 50, total_count: 9, total_pages: 3 });
    const none = await list(w.coordA.token, { date_from: "1999-01-01", date_to: "1999-01-02" });
    expect(none).toMatchObject({ items: [], total_count: 0, total_pages: 0 });
  });

  it.each(sessionSortKey.options.flatMap((key) => [[key, "asc"] as const, [key, "desc"] as const]))(
    "sorts by %s %s with a stable session_id tiebreak across pages",
    async (sort_by, sort_order) => {
      const whole = await list(w.coordA.token, { sort_by, sort_order, page_size: 200 });
      const paged: string[] = [];
      for (let page = 1; page <= 5; page += 1) paged.push(...ids(await list(w.coordA.token, { sort_by, sort_order, page, page_size: 2 })));
      expect(paged).toEqual(ids(whole));
      expect(new Set(paged).size).toBe(9);
      const sign = sort_order === "asc" ? 1 : -1;
      for (let i = 1; i < whole.items.length; i += 1) {
        const [a, b] = [whole.items[i - 1]!, whole.items[i]!];
        const [va, vb] = [sortValue(a, sort_by), sortValue(b, sort_by)];
        if (va === null || vb === null) {
          expect(va === null && vb !== null, "a missing value comes after every present one").toBe(false);
          if (va === null && vb === null) expect(sign * (a.session_id < b.session_id ? -1 : 1)).toBeLessThan(0);
          continue;
        }
        const order = sort_by === "total_cost" ? compareDecimals(a.total_cost, b.total_cost) : va === vb ? 0 : va < vb ? -1 : 1;
        if (order === 0) expect(sign * (a.session_id < b.session_id ? -1 : 1)).toBeLessThan(0);
        else expect(sign * order).toBeLessThan(0);
      }
    },
  );

  it("defaults to newest first", async () => {
    const res = await list(w.coordA.token, {});
    expect(res.items[0]!.session_id).toBe(w.late.session.id);
    expect(res.items.at(-1)!.session_id).toBe(w.s1.session.id);
  });

  it("answers each session's tags in the list and the detail, as they were sent", async () => {
    // A department of its own, so the other tests' counts of this world do not change.
    const department = await createDepartment(db());
    const ta = await createTa(db(), { department_id: department.id });
    const { session } = await createSession(db(), ta.id, { tags: ["week-3", "office-hours"] });
    const listed = await list(w.admin.token, { profile_id: ta.id });
    expect(listed.items.map((item) => [item.session_id, item.tags])).toEqual([[session.id, ["week-3", "office-hours"]]]);
    const detail = getSessionResponseSchema.parse(
      await callJson(detailPost, "/system/session", { session_id: session.id }, { token: w.admin.token }),
    );
    expect(detail.tags).toEqual(["week-3", "office-hours"]);
    const untagged = await list(w.coordA.token, { profile_id: w.ta1.profile_id });
    expect(untagged.items.every((item) => item.tags.length === 0)).toBe(true);
  });
});
