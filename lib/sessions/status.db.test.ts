import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as refreshPost } from "@/app/system/refresh/route";
import { POST as detailPost } from "@/app/system/session/route";
import { POST as listPost } from "@/app/system/sessions/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { ingestBatchResponseSchema } from "@/lib/ingest/schemas";
import { refreshResponse } from "@/lib/maintenance/schemas";
import { mediaStore } from "@/lib/storage/media-store";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { createDepartment, createGroupWithRuns, createSession, createTa } from "@/prisma/factories";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { getSessionResponseSchema, listSessionsResponseSchema, sessionStatus, type ListSessionsResponse } from "./schemas";
import { keepSessionStatusesCurrent, sweepSessionStatuses } from "./status";

let admin: TestActor;
let ingestToken: string;
let ta: { id: string };

beforeAll(async () => {
  admin = await createActor("admin");
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "status test", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  // A department of its own, so no other test's session shows up in these lists.
  ta = await createTa(db(), { department_id: (await createDepartment(db())).id });
});

const list = async (body: Record<string, unknown>): Promise<ListSessionsResponse> =>
  listSessionsResponseSchema.parse(
    await callJson(listPost, "/system/sessions", { profile_id: ta.id, page_size: 200, ...body }, { token: admin.token }),
  );
const detail = async (session_id: string) =>
  getSessionResponseSchema.parse(await callJson(detailPost, "/system/session", { session_id }, { token: admin.token }));
const send = async (events: Array<Record<string, unknown>>) =>
  ingestBatchResponseSchema.parse(
    await callJson(batchPost, "/ingest/batch", { events: events.map((event) => ({ event_id: randomUUID(), ...event })) }, { token: ingestToken }),
  );
const statusOf = async (id: string) => await db().session.findUniqueOrThrow({ where: { id }, select: { status: true, active: true } });

describe("session status rules on write", () => {
  it("starts active, ends completed or aborted as the sender says, and `active` follows", async () => {
    const [plain, broken] = [randomUUID(), randomUUID()];
    const start = (session_id: string) => ({ type: "session", session_id, profile_id: ta.id, started_at: new Date().toISOString() });
    expect((await send([start(plain), start(broken)])).results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(await statusOf(plain)).toEqual({ status: "active", active: true });

    const ended_at = new Date().toISOString();
    await send([
      { ...start(plain), ended_at },
      { ...start(broken), ended_at, end_status: "aborted" },
    ]);
    expect(await statusOf(plain)).toEqual({ status: "completed", active: false });
    expect(await statusOf(broken)).toEqual({ status: "aborted", active: false });
    expect(await detail(broken)).toMatchObject({ status: "aborted", active: false, ended_at });
  });

  it("refuses end_status without ended_at, naming the field", async () => {
    const answer = await send([
      { type: "session", session_id: randomUUID(), profile_id: ta.id, started_at: new Date().toISOString(), end_status: "aborted" },
    ]);
    expect(answer.results[0]).toMatchObject({ status: "rejected", issues: [{ field: "end_status" }] });
  });
});

describe("the time-driven rules (idle, expired) and waking up", () => {
  // Every other test's sessions are from 2020 on, so thresholds reaching back before 2008 make this
  // test's sweep move only its own sessions (sessions from 2000-2010).
  const minutesSince = (iso: string) => Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["GLOW_SESSION_STATUS_IDLE_MINUTES", "GLOW_SESSION_STATUS_EXPIRE_MINUTES", "GLOW_SESSION_STATUS_SWEEP_SECONDS"])
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
  });
  const ancientThresholds = () => {
    process.env.GLOW_SESSION_STATUS_IDLE_MINUTES = String(minutesSince("2008-01-01T00:00:00Z"));
    process.env.GLOW_SESSION_STATUS_EXPIRE_MINUTES = String(minutesSince("2003-01-01T00:00:00Z"));
  };
  const openSession = async (at: string) =>
    (await createSession(db(), ta.id, { created_at: new Date(at), updated_at: new Date(at), ended_at: null })).session.id;

  it("moves quiet open sessions to idle, then expired; ended ones stay; activity wakes them", async () => {
    const recent = await openSession("2010-06-01T00:00:00Z");
    const quiet = await openSession("2005-06-01T00:00:00Z");
    const silent = await openSession("2000-06-01T00:00:00Z");
    const ended = (await createSession(db(), ta.id, { created_at: new Date("2000-01-01T00:00:00Z"), ended_at: new Date("2000-01-01T01:00:00Z") }))
      .session.id;
    ancientThresholds();

    expect(await sweepSessionStatuses()).toBe(2);
    expect(await statusOf(recent)).toEqual({ status: "active", active: true });
    expect(await statusOf(quiet)).toEqual({ status: "idle", active: true });
    expect(await statusOf(silent)).toEqual({ status: "expired", active: false });
    expect(await statusOf(ended)).toEqual({ status: "completed", active: false });
    expect(await sweepSessionStatuses()).toBe(0);

    // The list and the rollups agree with the new statuses.
    const listed = await list({ status: ["idle", "expired"], sort_by: "status", sort_order: "asc" });
    expect(listed.items.map((item) => [item.session_id, item.status, item.active])).toEqual([
      [quiet, "idle", true],
      [silent, "expired", false],
    ]);
    expect(listed).toMatchObject({ total_count: 2, total_count_is_estimate: false });
    expect((await list({ active: false, date_from: "2000-01-01", date_to: "2000-12-31" })).total_count).toBe(2);

    // New activity (a run in the silent session) wakes it.
    await createGroupWithRuns(db(), mediaStore(), { session: { id: silent, profile_id: ta.id, created_at: new Date() }, runs: [{}] });
    await db().session.update({ where: { id: silent }, data: { updated_at: new Date() } });
    expect(await statusOf(silent)).toEqual({ status: "active", active: true });
  });

  it("runs from POST /system/refresh and, when enabled, from readers in the background", async () => {
    const quiet = await openSession("2006-03-01T00:00:00Z");
    ancientThresholds();
    const refreshed = refreshResponse.parse(await callJson(refreshPost, "/system/refresh", {}, { token: admin.token }));
    expect(refreshed.refreshed[0]).toMatchObject({ name: "sessions", action: "sweep_session_status" });
    expect(refreshed.refreshed[0]!.moved).toBeGreaterThanOrEqual(1);
    expect((await statusOf(quiet)).status).toBe("idle");

    const later = await openSession("2006-04-01T00:00:00Z");
    keepSessionStatusesCurrent(); // switched off in the tests (GLOW_SESSION_STATUS_SWEEP_SECONDS=0)
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await statusOf(later)).status).toBe("active");
    process.env.GLOW_SESSION_STATUS_SWEEP_SECONDS = "60";
    keepSessionStatusesCurrent();
    await expect.poll(async () => (await statusOf(later)).status, { timeout: 5_000 }).toBe("idle");
  });
});

describe("status, tags, failed runs and response time in the list", () => {
  let sessions: { failing: string; calm: string; empty: string };
  beforeAll(async () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 9, minute));
    const failing = (await createSession(db(), ta.id, { created_at: at(0), tags: ["week-3", "office-hours"], title: "Alpha" })).session;
    const calm = (await createSession(db(), ta.id, { created_at: at(1), tags: ["week-3"], title: "Beta", ended_at: at(50) })).session;
    const empty = (await createSession(db(), ta.id, { created_at: at(2), tags: [], title: null })).session;
    const store = mediaStore();
    await createGroupWithRuns(db(), store, {
      session: failing,
      runs: [{ status: "failed", error: "upstream timeout", duration_ms: 1000 }, { duration_ms: 2001 }, { status: "running", duration_ms: null }],
    });
    await createGroupWithRuns(db(), store, { session: calm, runs: [{ duration_ms: 400 }, { status: "cancelled", duration_ms: 100 }] });
    sessions = { failing: failing.id, calm: calm.id, empty: empty.id };
  });
  const window = { date_from: "2025-05-01", date_to: "2025-05-01" };
  const ids = (answer: ListSessionsResponse) => answer.items.map((item) => item.session_id);

  it("counts failed runs and averages timed runs exactly, in the list and the detail alike", async () => {
    const rows = new Map((await list(window)).items.map((item) => [item.session_id, item]));
    // (1000 + 2001) / 2 = 1500.5, rounded; the running run has no duration and is left out; cancelled is not failed.
    expect(rows.get(sessions.failing)).toMatchObject({ failed_run_count: 1, avg_response_ms: 1501, status: "active" });
    expect(rows.get(sessions.calm)).toMatchObject({ failed_run_count: 0, avg_response_ms: 250, status: "completed" });
    expect(rows.get(sessions.empty)).toMatchObject({ failed_run_count: 0, avg_response_ms: null });
    expect(await detail(sessions.failing)).toMatchObject({ status: "active", failed_run_count: 1, avg_response_ms: 1501 });

    // What the triggers keep equals what the base tables say.
    const [drift] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM glow_session_stats_truth t JOIN session_stats s USING (session_id)
      WHERE t.session_id = ANY(${Object.values(sessions)}::uuid[])
        AND (t.status, t.title, t.tags, t.ended_at, t.failed_run_count, t.response_ms_total, t.timed_run_count, t.avg_response_ms)
            IS DISTINCT FROM (s.status, s.title, s.tags, s.ended_at, s.failed_run_count, s.response_ms_total, s.timed_run_count, s.avg_response_ms)`;
    expect(drift?.n).toBe(0);
  });

  it("follows a run's update: a run that fails later is counted then", async () => {
    const { session } = await createSession(db(), ta.id, { created_at: new Date(Date.UTC(2025, 4, 2)) });
    const { runs } = await createGroupWithRuns(db(), mediaStore(), { session, runs: [{ status: "running", duration_ms: null }] });
    await db().run.update({ where: { id: runs[0]!.id }, data: { status: "failed", finish_reason: "error", error: "boom", duration_ms: 700 } });
    expect(await detail(session.id)).toMatchObject({ failed_run_count: 1, avg_response_ms: 700 });
  });

  it("filters by status, tags (any or all) and failed runs, with exact counts", async () => {
    expect(ids(await list({ ...window, status: "completed" }))).toEqual([sessions.calm]);
    expect(new Set(ids(await list({ ...window, tags: ["office-hours", "week-3"] })))).toEqual(new Set([sessions.failing, sessions.calm]));
    expect(ids(await list({ ...window, tags: ["office-hours", "week-3"], tags_match: "all" }))).toEqual([sessions.failing]);
    const failed = await list({ ...window, has_failed_runs: true });
    expect(failed).toMatchObject({ total_count: 1, total_count_is_estimate: false });
    expect(ids(failed)).toEqual([sessions.failing]);
    expect(new Set(ids(await list({ ...window, has_failed_runs: false })))).toEqual(new Set([sessions.calm, sessions.empty]));
  });

  it("sorts by title, status, ended_at and avg_response_ms, with missing values last both ways", async () => {
    const order = async (sort_by: string, sort_order: string) => ids(await list({ ...window, sort_by, sort_order }));
    expect(await order("title", "asc")).toEqual([sessions.failing, sessions.calm, sessions.empty]);
    expect(await order("title", "desc")).toEqual([sessions.calm, sessions.failing, sessions.empty]);
    expect(await order("avg_response_ms", "asc")).toEqual([sessions.calm, sessions.failing, sessions.empty]);
    expect(await order("avg_response_ms", "desc")).toEqual([sessions.failing, sessions.calm, sessions.empty]);
    expect((await order("ended_at", "desc"))[0]).toBe(sessions.calm);
    // Lifecycle order: active before completed.
    expect((await order("status", "asc")).at(-1)).toBe(sessions.calm);
    expect((await order("status", "desc"))[0]).toBe(sessions.calm);
  });

  it("refuses unknown statuses and empty tag lists, naming the field", async () => {
    for (const [body, field] of [
      [{ status: "paused" }, "status"],
      [{ tags: [] }, "tags"],
      [{ tags_match: "some" }, "tags_match"],
      [{ has_failed_runs: "yes" }, "has_failed_runs"],
    ] as const) {
      const answer = await callJson(listPost, "/system/sessions", body, { token: admin.token, expectedStatus: 400 });
      expect(JSON.stringify(answer)).toContain(field);
    }
    expect(sessionStatus.options).toEqual(["active", "idle", "completed", "aborted", "expired"]);
  });
});
