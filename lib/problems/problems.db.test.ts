import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as listPost } from "@/app/system/problems/route";
import { POST as resolvePost } from "@/app/activity/resolve/route";
import { buildWorld, marchWindow, T0, type World } from "@/tests/activity-world";
import { createProblem } from "@/prisma/factories/problems.ts";
import { call, callJson, db } from "@/tests/api-helpers";
import { listProblemsResponseSchema, problemSortKey, resolveProblemResponseSchema, type ListProblemsResponse, type ProblemItem } from "./schemas";

let w: World;
const ties: string[] = [];
beforeAll(async () => {
  w = await buildWorld();
  // Four problems alike in every sort key but their id.
  for (let i = 0; i < 4; i += 1) ties.push((await createProblem(db(), w.s3.session.id, { created_at: new Date("2024-03-11T10:00:00Z") })).id);
});

async function list(token: string, body: Record<string, unknown>): Promise<ListProblemsResponse> {
  return listProblemsResponseSchema.parse(await callJson(listPost, "/system/problems", body, { token }));
}
const ids = (res: ListProblemsResponse) => res.items.map((p) => p.problem_id);

async function resolve(token: string, problem_id: string, resolved: boolean) {
  return resolveProblemResponseSchema.parse(await callJson(resolvePost, "/activity/resolve", { problem_id, resolved }, { token }));
}
const audits = (problemId: string) => db().auditLog.findMany({ where: { target_type: "problem", target_id: problemId } });

describe("POST /system/problems", () => {
  it("lists the caller's problems, newest first, with their session's owner and resolver", async () => {
    const res = await list(w.coordA.token, { page_size: 200 });
    expect(res.total_count).toBe(7);
    expect(ids(res)[0]).toBe(w.lateProblem.id);
    expect(ids(res).slice(-2)).toEqual([w.p2.id, w.p1.id]);
    const p2 = res.items.find((p) => p.problem_id === w.p2.id);
    expect(p2).toMatchObject({
      session_id: w.s1.session.id,
      profile_id: w.ta1.profile_id,
      profile_name: "Ada Head",
      kind: "persona_break",
      severity: "low",
      resolved: true,
      resolved_by_id: w.coordA.profile_id,
      resolved_by_name: w.coordA.name,
      resolved_at: "2024-03-10T10:40:00.000Z",
    });
    expect(res.items.find((p) => p.problem_id === w.p1.id)).toMatchObject({ group_id: w.g1.group.id, resolved: false, resolved_by_name: null });
  });

  it("filters", async () => {
    const q = async (body: Record<string, unknown>, token = w.coordA.token) => ids(await list(token, { page_size: 200, ...body })).sort();
    expect(await q({ resolved: true })).toEqual([w.p2.id]);
    expect((await q({ resolved: false })).length).toBe(6);
    expect(await q({ kinds: ["hallucination"] })).toEqual([w.p1.id]);
    expect((await q({ severities: ["critical"] })).length).toBe(1);
    expect(await q({ severities: ["critical"], department_ids: w.both }, w.admin.token)).toEqual([w.lateProblem.id, w.p4.id].sort());
    expect(await q({ severities: ["critical", "high"], kinds: ["hallucination", "ferpa_concern"], department_ids: w.both }, w.admin.token)).toEqual(
      [w.p1.id, w.p4.id].sort(),
    );
    expect(await q({ session_id: w.s1.session.id })).toEqual([w.p1.id, w.p2.id].sort());
    expect((await q({ profile_id: w.ta2.profile_id })).length).toBe(5);
    expect((await q(marchWindow)).length).toBe(6);
    expect(await q({ roles: ["head_ta"] })).toEqual([w.p1.id, w.p2.id].sort());
    expect(await q({ date_from: "2024-03-10T09:35:00Z", date_to: "2024-03-10" })).toEqual([w.p2.id]);
  });

  it("keeps coordinators to their departments and TAs to their own sessions", async () => {
    expect(ids(await list(w.coordB.token, {}))).toEqual([w.p4.id]);
    expect((await list(w.coordB.token, { session_id: w.s1.session.id })).total_count).toBe(0);
    expect(ids(await list(w.ta1.token, {})).sort()).toEqual([w.p1.id, w.p2.id].sort());
    expect((await list(w.ta3.token, { profile_id: w.ta1.profile_id })).total_count).toBe(0);
    const admin = await list(w.admin.token, { department_ids: w.both, page_size: 200 });
    expect(admin.total_count).toBe(8);
  });

  it("pages past the end", async () => {
    const last = await list(w.coordA.token, { page: 4, page_size: 2 });
    expect(last).toMatchObject({ total_count: 7, total_pages: 4 });
    expect(last.items).toHaveLength(1);
    expect(await list(w.coordA.token, { page: 5, page_size: 2 })).toMatchObject({ items: [], total_count: 7 });
  });

  it.each(problemSortKey.options.flatMap((key) => [[key, "asc"] as const, [key, "desc"] as const]))(
    "sorts by %s %s, stable across pages",
    async (sort_by, sort_order) => {
      const whole = await list(w.coordA.token, { sort_by, sort_order, page_size: 200 });
      const paged: string[] = [];
      for (let page = 1; page <= 4; page += 1) paged.push(...ids(await list(w.coordA.token, { sort_by, sort_order, page, page_size: 2 })));
      expect(paged).toEqual(ids(whole));
      expect(new Set(paged).size).toBe(7);
      const rank: Record<string, (p: ProblemItem) => number | string> = {
        created_at: (p) => p.created_at,
        updated_at: (p) => p.updated_at,
        severity: (p) => ["low", "medium", "high", "critical"].indexOf(p.severity),
        kind: (p) => ["ferpa_concern", "inappropriate_response", "hallucination", "technical_error", "persona_break"].indexOf(p.kind),
        profile_name: (p) => p.profile_name,
      };
      const sign = sort_order === "asc" ? 1 : -1;
      for (let i = 1; i < whole.items.length; i += 1) {
        const [a, b] = [whole.items[i - 1]!, whole.items[i]!];
        const [va, vb] = [rank[sort_by]!(a), rank[sort_by]!(b)];
        if (va !== vb) expect(sign * (va < vb ? -1 : 1)).toBeLessThan(0);
      }
      const tieOrder = ids(whole).filter((id) => ties.includes(id));
      expect(tieOrder).toEqual([...ties].sort((x, y) => sign * (x < y ? -1 : 1)));
    },
  );
});

describe("POST /activity/resolve", () => {
  it("resolves, is idempotent, and re-opens, auditing each actual change", async () => {
    const problem = await createProblem(db(), w.s1.session.id, { created_at: T0 });
    const first = await resolve(w.coordA.token, problem.id, true);
    expect(first).toMatchObject({ problem_id: problem.id, resolved: true, resolved_by_id: w.coordA.profile_id, resolved_by_name: w.coordA.name });
    expect(first.resolved_at).toBe(first.updated_at);
    expect(Date.parse(first.updated_at)).toBeGreaterThan(T0.getTime());

    // Again, by the same or another caller: nothing changes.
    expect(await resolve(w.coordA.token, problem.id, true)).toEqual(first);
    expect(await resolve(w.admin.token, problem.id, true)).toEqual(first);
    expect(await audits(problem.id)).toEqual([
      expect.objectContaining({ actor_id: w.coordA.profile_id, action: "problem.resolve", details: { resolved: true } }),
    ]);

    const reopened = await resolve(w.admin.token, problem.id, false);
    expect(reopened).toMatchObject({ resolved: false, resolved_by_id: null, resolved_by_name: null, resolved_at: null });
    expect(Date.parse(reopened.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.updated_at));
    expect(await resolve(w.admin.token, problem.id, false)).toEqual(reopened);
    const actions = (await audits(problem.id)).map((a) => [a.action, a.actor_id]).sort();
    expect(actions).toEqual([
      ["problem.reopen", w.admin.profile_id],
      ["problem.resolve", w.coordA.profile_id],
    ]);

    const listed = await list(w.coordA.token, { session_id: w.s1.session.id, page_size: 200 });
    expect(listed.items.find((p) => p.problem_id === problem.id)).toMatchObject({ resolved: false, updated_at: reopened.updated_at });
  });

  it("loses nothing under concurrency: one change, one audit row, one answer", async () => {
    const problem = await createProblem(db(), w.s1.session.id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => resolve(w.coordA.token, problem.id, true)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ resolved: true, resolved_by_id: w.coordA.profile_id });
    expect(await audits(problem.id)).toHaveLength(1);
  });

  it("keeps state and audit consistent when resolves and re-opens race", async () => {
    const problem = await createProblem(db(), w.s1.session.id);
    await Promise.all(Array.from({ length: 10 }, (_, i) => resolve(i % 2 ? w.admin.token : w.coordA.token, problem.id, i % 2 === 0)));
    const rows = await audits(problem.id);
    const resolves = rows.filter((a) => a.action === "problem.resolve").length;
    const reopens = rows.filter((a) => a.action === "problem.reopen").length;
    const final = await db().problem.findUniqueOrThrow({ where: { id: problem.id } });
    // Starting open, every change flips the state: resolves lead re-opens by one exactly when it ends resolved.
    expect(resolves - reopens).toBe(final.resolved ? 1 : 0);
    expect(resolves).toBeGreaterThanOrEqual(1);
    expect(final.resolved_by_id !== null).toBe(final.resolved);
    expect(final.resolved_at !== null).toBe(final.resolved);
  });

  it("answers 404 for a missing or out-of-scope problem and 403 for a TA", async () => {
    const notFound = async (token: string, problem_id: string) => {
      const response = await call(resolvePost, "/activity/resolve", { problem_id, resolved: true }, { token });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    };
    await notFound(w.admin.token, randomUUID());
    await notFound(w.coordB.token, w.p1.id);
    const forbidden = await call(resolvePost, "/activity/resolve", { problem_id: w.p1.id, resolved: true }, { token: w.ta1.token });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect((await db().problem.findUniqueOrThrow({ where: { id: w.p1.id } })).resolved).toBe(false);
  });
});
