// The fast path (lib/ingest/bulk.ts) must answer exactly as event-by-event application would, and
// every summary must stay exact after it: the endpoints answer the same before and after the
// summaries are re-derived from the base tables.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as dashboardPost } from "@/app/system/dashboard/route";
import { POST as groupsPost } from "@/app/system/groups/route";
import { POST as pricingPost } from "@/app/system/pricing/route";
import { POST as refreshPost } from "@/app/system/refresh/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { pricingResponse, type PricingResponse } from "@/lib/groups/schemas";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import type { Actor } from "@/lib/auth/actor";
import { mediaStore, type MediaStore } from "@/lib/storage/media-store";
import { applyBatch } from "./batch";
import { ingestBatchResponseSchema, type IngestBatchRequest, type IngestBatchResponse } from "./schemas";

let admin: TestActor;
let ta: TestActor;
let department: string;
let ingestToken: string;
let modelId: string;
let agentId: string;

beforeAll(async () => {
  department = `dept-fast-${randomUUID().slice(0, 8)}`;
  await db().department.create({ data: { id: department, name: department } });
  admin = await createActor("admin");
  ta = await createActor("ta", { department_id: department });
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "fast path", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  const price = {
    effective_from: new Date("2020-01-01T00:00:00Z"),
    input_per_million: "3",
    cached_input_per_million: "0.3",
    output_per_million: "15",
  };
  modelId = (await createModelWithPrices(db(), {}, [price])).model.id;
  agentId = (await createAgent(db())).id;
});

async function send(events: unknown[]): Promise<IngestBatchResponse> {
  return ingestBatchResponseSchema.parse(await callJson(batchPost, "/ingest/batch", { events }, { token: ingestToken }));
}

const statuses = (answer: IngestBatchResponse) => answer.results.map((result) => [result.status, result.issues?.[0]?.field ?? null]);
const event = (fields: Record<string, unknown>) => ({ event_id: randomUUID(), ...fields });
const t = (second: number) => new Date(Date.UTC(2026, 5, 1, 9, 0, second)).toISOString();

function run(runId: string, groupId: string, fields: Record<string, unknown> = {}) {
  return event({
    type: "run",
    run_id: runId,
    group_id: groupId,
    model_id: modelId,
    agent_id: agentId,
    status: "succeeded",
    input_tokens: 2000,
    cached_input_tokens: 500,
    output_tokens: 400,
    created_at: t(10),
    finished_at: t(12),
    ...fields,
  });
}

const message = (runId: string, position: number, fields: Record<string, unknown> = {}) =>
  event({
    type: "message",
    message_id: randomUUID(),
    run_id: runId,
    role: "user",
    position,
    text: `Question ${position}`,
    created_at: t(11),
    ...fields,
  });

const omitModels = ({ models: _catalog, ...usage }: PricingResponse) => usage;

describe("the fast path of POST /ingest/batch", () => {
  it("answers each event as applying them in order would", async () => {
    const session = randomUUID();
    const [g1, g2, r1, r2, late] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const repeated = message(r1, 1);
    const events = [
      event({ type: "session", session_id: session, profile_id: ta.profile_id, started_at: t(0) }),
      event({ type: "group", group_id: g1, session_id: session, name: "One", created_at: t(1) }),
      // A message before its run, and a run before its group, are refused as in order, though both parents follow.
      message(late, 0),
      run(randomUUID(), g2),
      event({ type: "group", group_id: g2, session_id: session, name: "Two", created_at: t(2) }),
      run(r1, g1),
      message(r1, 0),
      repeated,
      message(r1, 1),
      run(late, g2),
      message(r1, 2, { upload_ids: [randomUUID()] }),
      // A message may hold neither text nor uploads: an assistant's turn that only calls a tool.
      message(r1, 3, { text: undefined }),
      // An update of a run made just above: applied after it, in order.
      run(r2, g1, { status: "running", finished_at: undefined }),
      run(r2, g1, { status: "failed", error: "Timed out", finished_at: t(20) }),
      message(r2, 0),
      repeated,
      event({ type: "group", group_id: randomUUID(), session_id: randomUUID(), name: "Orphan", created_at: t(3) }),
    ];
    const answer = await send(events);
    expect(statuses(answer)).toEqual([
      ["accepted", null],
      ["accepted", null],
      ["rejected", "run_id"],
      ["rejected", "group_id"],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["rejected", "position"],
      ["accepted", null],
      ["rejected", "upload_ids"],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["duplicate", null],
      ["rejected", "session_id"],
    ]);
    const stored = await db().run.findUniqueOrThrow({ where: { id: r2 }, select: { status: true, error: true, finished_at: true } });
    expect(stored).toEqual({ status: "failed", error: "Timed out", finished_at: new Date(t(20)) });
    // (2000 - 500) × $3 + 500 × $0.30 + 400 × $15, per million tokens.
    expect((await db().run.findUniqueOrThrow({ where: { id: r1 } })).cost.toFixed()).toBe("0.01065");
    expect(await db().message.count({ where: { run_id: r1 } })).toBe(3);

    // Sent again, nothing applied is applied twice: every accepted event is now a duplicate.
    const again = await send(events);
    answer.results.forEach((result, i) => {
      if (result.status !== "rejected") expect(again.results[i]?.status, `event ${i}`).toBe("duplicate");
    });
    expect(await db().message.count({ where: { run_id: r1 } })).toBe(3);
  });

  it("keeps every summary exact: the endpoints answer the same after the summaries are re-derived", async () => {
    const session = randomUUID();
    const events: unknown[] = [event({ type: "session", session_id: session, profile_id: ta.profile_id, title: "Summaries", started_at: t(0) })];
    for (let g = 0; g < 3; g++) {
      const group = randomUUID();
      events.push(event({ type: "group", group_id: group, session_id: session, name: `Group ${g}`, created_at: t(1 + g) }));
      for (let r = 0; r < 4; r++) {
        const runId = randomUUID();
        events.push(run(runId, group, { input_tokens: 1000 + r * 37, output_tokens: 100 + g * 11, created_at: t(10 + r), finished_at: t(11 + r) }));
        for (let m = 0; m < 5; m++) events.push(message(runId, m, { text: `Same line ${m % 2}` }));
      }
    }
    const answer = await send(events);
    expect(answer.rejected).toBe(0);

    const window = { date_from: "2026-06-01", date_to: "2026-06-01" };
    // A coordinator of this department alone: every answer, facets included, is about this test's data.
    const coordinator = await createActor("coordinator", { department_id: department });
    const reads = async () => ({
      sessions: await callJson(sessionsPost, "/system/sessions", { profile_id: ta.profile_id }, { token: coordinator.token }),
      session: await callJson(sessionPost, "/system/session", { session_id: session }, { token: coordinator.token }),
      groups: await callJson(groupsPost, "/system/groups", { session_id: session, page_size: 50 }, { token: coordinator.token }),
      activity: await callJson(activityPost, "/system/activity", { department_ids: [department], ...window }, { token: coordinator.token }),
      dashboard: await callJson(dashboardPost, "/system/dashboard", { department_ids: [department], ...window }, { token: coordinator.token }),
      // The price table lists every model (other tests add theirs meanwhile): only the usage is compared.
      pricing: omitModels(
        pricingResponse.parse(
          await callJson(pricingPost, "/system/pricing", { department_ids: [department], ...window }, { token: coordinator.token }),
        ),
      ),
    });
    // When each answer was computed is the one thing that may differ.
    const settled = async () => JSON.stringify(await reads()).replace(/"data_as_of":"[^"]*"/g, '"data_as_of":null');
    const before = await settled();
    expect(before).toContain('"session_exists":true');
    expect(before).toContain('"total_cost"');
    await callJson(refreshPost, "/system/refresh", {}, { token: admin.token });
    expect(JSON.parse(await settled())).toEqual(JSON.parse(before));
  });

  it("records why each run stopped: as sent, implied by a failure, refused while running", async () => {
    const session = randomUUID();
    const group = randomUUID();
    const [capped, failed, stillRunning, finishing] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const answer = await send([
      event({ type: "session", session_id: session, profile_id: ta.profile_id, started_at: t(0) }),
      event({ type: "group", group_id: group, session_id: session, name: "Steps", created_at: t(1) }),
      run(capped, group, { finish_reason: "length" }),
      run(failed, group, { status: "failed", error: "Timed out" }),
      run(stillRunning, group, { status: "running", finished_at: undefined, finish_reason: "stop" }),
      run(finishing, group, { status: "running", finished_at: undefined }),
      // The same run finishing: an update, through the one-by-one path.
      run(finishing, group, { finish_reason: "tool_calls" }),
    ]);
    expect(statuses(answer)).toEqual([
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["rejected", "finish_reason"],
      ["accepted", null],
      ["accepted", null],
    ]);
    const rows = await db().run.findMany({ where: { group_id: group }, select: { id: true, finish_reason: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.finish_reason]))).toEqual({
      [capped]: "length",
      [failed]: "error",
      [finishing]: "tool_calls",
    });
  });

  it("applies nothing of a batch whose texts cannot be stored, and leaves no statement behind", async () => {
    const failing: MediaStore = {
      ...mediaStore(),
      put: () => Promise.reject(new Error("disk full")),
      putMany: (objects) => ({
        stored: objects.map((_, i) => ({
          storage_key: `00/00/00000000-0000-4000-8000-${String(i).padStart(12, "0")}.txt`,
          byte_size: 1,
          sha256: "x",
        })),
        written: Promise.reject(new Error("disk full")),
      }),
    };
    const actor: Actor = {
      profile_id: admin.profile_id,
      name: "Admin",
      email: "admin@test",
      access_level: "admin",
      department_ids: [],
      token_id: null,
    };
    const [session, group, runId] = [randomUUID(), randomUUID(), randomUUID()];
    const events = [
      event({ type: "session", session_id: session, profile_id: ta.profile_id, started_at: t(0) }),
      event({ type: "group", group_id: group, session_id: session, name: "One", created_at: t(1) }),
      run(runId, group),
      message(runId, 0, { text: `Unstorable ${randomUUID()}` }),
    ];
    const request = { headers: new Headers(), requestId: randomUUID() };
    await expect(db().$transaction((tx) => applyBatch(tx, actor, events as IngestBatchRequest["events"], request, failing))).rejects.toThrow(
      "disk full",
    );
    expect(await db().session.count({ where: { id: session } })).toBe(0);
    expect(await db().run.count({ where: { id: runId } })).toBe(0);
    expect(await db().ingestEvent.count({ where: { entity_id: { in: [session, group, runId] } } })).toBe(0);
  });
});
