import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/system/session/route";
import { buildWorld, type World } from "@/tests/activity-world";
import { sumDecimals } from "@/lib/format/decimal";
import { mediaStore } from "@/lib/storage/media-store";
import { createGroupWithRuns, createSession } from "@/prisma/factories";
import { callJson, db } from "@/tests/api-helpers";
import { getSessionResponseSchema } from "./schemas";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

async function detail(token: string, session_id: string) {
  return getSessionResponseSchema.parse(await callJson(POST, "/system/session", { session_id }, { token }));
}

describe("POST /system/session", () => {
  it("answers the header, the groups with exact totals, and the problems", async () => {
    const res = await detail(w.admin.token, w.s1.session.id);
    expect(res).toMatchObject({
      session_exists: true,
      actor_name: w.admin.name,
      session_id: w.s1.session.id,
      profile_id: w.ta1.profile_id,
      profile_name: "Ada Head",
      department_name: w.deptA.name,
      session_created_at: "2024-03-10T09:00:00.000Z",
      ended_at: "2024-03-10T11:00:00.000Z",
      active: false,
      run_count: 4,
    });
    expect(res.groups.map((g) => g.group_id)).toEqual([w.g1.group.id, w.g2.group.id]);
    for (const [group, made] of [
      [res.groups[0]!, w.g1],
      [res.groups[1]!, w.g2],
    ] as const) {
      expect(group.run_count).toBe(made.runs.length);
      expect(group.total_tokens).toBe(made.runs.reduce((sum, r) => sum + r.input_tokens + r.output_tokens, 0));
      expect(sumDecimals([group.total_cost])).toBe(sumDecimals(made.runs.map((r) => r.cost)));
      expect(group.first_run_at).toBe(made.runs[0]!.created_at.toISOString());
      expect(group.last_run_at).toBe(new Date(Math.max(...made.runs.map((r) => (r.finished_at ?? r.created_at).getTime()))).toISOString());
    }
    expect(sumDecimals([res.total_cost])).toBe(sumDecimals([...w.g1.runs, ...w.g2.runs].map((r) => r.cost)));
    expect(res.problems.map((p) => [p.problem_id, p.resolved, p.resolved_by_name])).toEqual([
      [w.p1.id, false, null],
      [w.p2.id, true, w.coordA.name],
    ]);
  });

  it("derives a chronological timeline covering every kind of event", async () => {
    const { timeline } = await detail(w.coordA.token, w.s1.session.id);
    const times = timeline.map((e) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline[0]).toMatchObject({ event_type: "session_started", entity_id: w.s1.session.id, entity_name: w.s1.session.title });
    expect(timeline.at(-1)).toMatchObject({ event_type: "session_ended", created_at: "2024-03-10T11:00:00.000Z" });

    const counts: Record<string, number> = {};
    for (const event of timeline) counts[event.event_type] = (counts[event.event_type] ?? 0) + 1;
    expect(counts).toEqual({
      session_started: 1,
      chat_started: 2,
      attempt_started: 2,
      attempt_scored: 1,
      group_created: 2,
      run_started: 4,
      run_finished: 3,
      run_failed: 1,
      problem_flagged: 2,
      problem_resolved: 1,
      session_ended: 1,
    });

    const byType = (type: string) => timeline.filter((e) => e.event_type === type);
    expect(byType("chat_started")[0]).toMatchObject({ entity_name: "Office hours", extra_1: w.agent.name });
    expect(byType("attempt_scored")[0]).toMatchObject({ entity_name: "Base case", extra_1: "87.50" });
    expect(byType("run_failed")[0]).toMatchObject({ extra_1: w.model.name, extra_2: "upstream timeout", entity_name: w.agent.name });
    const finished = w.g2.runs[0]!;
    expect(timeline.find((e) => e.event_type === "run_finished" && e.entity_id === finished.id)).toMatchObject({
      extra_1: w.model.name,
      extra_2: String(finished.input_tokens + finished.output_tokens),
      created_at: finished.finished_at!.toISOString(),
    });
    expect(byType("problem_flagged").map((e) => [e.entity_id, e.extra_1, e.extra_2])).toEqual([
      [w.p1.id, "hallucination", "high"],
      [w.p2.id, "persona_break", "low"],
    ]);
    expect(byType("problem_resolved")[0]).toMatchObject({ entity_id: w.p2.id, extra_1: w.coordA.name });

    // Each run starts before it ends, even when both fall in the same millisecond.
    for (const run of [...w.g1.runs, ...w.g2.runs]) {
      const start = timeline.findIndex((e) => e.entity_id === run.id && e.event_type === "run_started");
      const end = timeline.findIndex((e) => e.entity_id === run.id && e.event_type !== "run_started");
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
    }
  });

  it("orders simultaneous events stably", async () => {
    const first = await detail(w.admin.token, w.s1.session.id);
    const { session } = w.s2;
    // Two chats and a group at one instant: causal rank first, then entity_id.
    const at = session.created_at;
    await db().chat.create({ data: { session_id: session.id, name: "Same instant", created_at: at } });
    await db().group.create({ data: { session_id: session.id, name: "Same instant", created_at: at } });
    const a = await detail(w.admin.token, session.id);
    const b = await detail(w.admin.token, session.id);
    expect(a.timeline).toEqual(b.timeline);
    const atT = a.timeline.filter((e) => e.created_at === at.toISOString()).map((e) => e.event_type);
    expect(atT).toEqual(["session_started", "chat_started", "chat_started", "group_created"]);
    const chats = a.timeline.filter((e) => e.event_type === "chat_started").map((e) => e.entity_id);
    expect(chats).toEqual([...chats].sort());
    expect((await detail(w.admin.token, w.s1.session.id)).timeline).toEqual(first.timeline);
  });

  it("answers session_exists: false for a missing or out-of-scope session", async () => {
    const empty = {
      profile_id: null,
      profile_name: null,
      session_created_at: null,
      active: null,
      groups: [],
      timeline: [],
      problems: [],
      total_cost: "0",
    };
    const missingId = randomUUID();
    expect(await detail(w.admin.token, missingId)).toMatchObject({
      session_exists: false,
      session_id: missingId,
      actor_name: w.admin.name,
      ...empty,
    });
    expect(await detail(w.coordB.token, w.s1.session.id)).toMatchObject({ session_exists: false, actor_name: w.coordB.name, ...empty });
    expect(await detail(w.ta2.token, w.s1.session.id)).toMatchObject({ session_exists: false, ...empty });
    expect((await detail(w.ta1.token, w.s1.session.id)).session_exists).toBe(true);
    expect((await detail(w.coordB.token, w.s4.session.id)).session_exists).toBe(true);
  });

  it("ends a group's span where its last run ended, and moves it when a running run finishes", async () => {
    const { session } = await createSession(db(), w.ta1.profile_id, { created_at: new Date("2024-06-01T10:00:00Z") });
    const started = new Date("2024-06-01T10:01:00Z");
    const made = await createGroupWithRuns(db(), mediaStore(), {
      session,
      created_at: started,
      runs: [
        { created_at: started, duration_ms: 90_000 }, // ends 10:02:30
        { created_at: new Date("2024-06-01T10:02:00Z"), status: "running", duration_ms: null }, // starts 10:02, still going
      ],
    });
    const spanOf = async () => (await detail(w.admin.token, session.id)).groups.map((g) => [g.first_run_at, g.last_run_at]);
    expect(await spanOf()).toEqual([["2024-06-01T10:01:00.000Z", "2024-06-01T10:02:30.000Z"]]);
    await db().run.update({
      where: { id: made.runs[1]!.id },
      data: { status: "succeeded", finished_at: new Date("2024-06-01T10:05:00Z"), duration_ms: 180_000 },
    });
    expect(await spanOf()).toEqual([["2024-06-01T10:01:00.000Z", "2024-06-01T10:05:00.000Z"]]);
  });
});
