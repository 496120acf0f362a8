import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import * as textRoute from "@/app/system/text_download/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { compareDecimals } from "@/lib/format/decimal";
import { getSessionResponseSchema, listSessionsResponseSchema } from "@/lib/sessions/schemas";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { runCost } from "@/prisma/factories/cost";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { ingestBatchResponseSchema, type IngestBatchResponse } from "./schemas";

let admin: TestActor;
let ta: TestActor;
let ingestToken: string;
let modelId: string;
let agentId: string;
const price = { input_per_million: "2.50", cached_input_per_million: "1.25", output_per_million: "10.00" };

beforeAll(async () => {
  admin = await createActor("admin");
  ta = await createActor("ta");
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "ingest test", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  modelId = (await createModelWithPrices(db(), {}, [{ effective_from: new Date("2020-01-01T00:00:00Z"), ...price }])).model.id;
  agentId = (await createAgent(db())).id;
});

async function send(events: unknown[], token = ingestToken): Promise<IngestBatchResponse> {
  return ingestBatchResponseSchema.parse(await callJson(batchPost, "/ingest/batch", { events }, { token }));
}

/** A session with a chat, an attempt, a group and a finished run, as a deployment would send them. */
function sessionEvents() {
  const ids = { session: randomUUID(), chat: randomUUID(), attempt: randomUUID(), group: randomUUID(), run: randomUUID() };
  const events = [
    {
      type: "session",
      event_id: randomUUID(),
      session_id: ids.session,
      profile_id: ta.profile_id,
      title: "Office hours",
      started_at: "2026-03-02T10:00:00.000Z",
    },
    { type: "chat", event_id: randomUUID(), chat_id: ids.chat, session_id: ids.session, name: "Student A", created_at: "2026-03-02T10:01:00.000Z" },
    {
      type: "attempt",
      event_id: randomUUID(),
      attempt_id: ids.attempt,
      session_id: ids.session,
      chat_id: ids.chat,
      name: "Explain recursion",
      score: "87.50",
      created_at: "2026-03-02T10:02:00.000Z",
    },
    { type: "group", event_id: randomUUID(), group_id: ids.group, session_id: ids.session, name: "Reply", created_at: "2026-03-02T10:03:00.000Z" },
    {
      type: "run",
      event_id: randomUUID(),
      run_id: ids.run,
      group_id: ids.group,
      model_id: modelId,
      agent_id: agentId,
      status: "succeeded",
      input_tokens: 1200,
      cached_input_tokens: 200,
      output_tokens: 300,
      created_at: "2026-03-02T10:03:01.000Z",
      finished_at: "2026-03-02T10:03:04.500Z",
    },
  ];
  return { ids, events };
}

describe("POST /ingest/batch", () => {
  it("keeps every cost in USD: refuses a cost in another currency, or a price in one, naming the field", async () => {
    const euro = (
      await createModelWithPrices(db(), {}, [
        {
          effective_from: new Date("2000-01-01T00:00:00Z"),
          input_per_million: "2",
          cached_input_per_million: "1",
          output_per_million: "8",
          currency: "EUR",
        },
      ])
    ).model.id;
    const { ids, events } = sessionEvents();
    const run = (extra: Record<string, unknown>) => ({ ...events[4], event_id: randomUUID(), run_id: randomUUID(), ...extra });
    const answer = await send([
      ...events.slice(0, 4),
      run({ cost: "0.5", currency: "USD" }),
      run({ cost: "0.5", currency: "EUR" }),
      run({ cost: "0.5", currency: "usd" }),
      run({ model_id: euro }),
      run({ model_id: euro, cost: "0.4" }),
    ]);
    expect(answer.results.slice(4).map((result) => [result.status, result.issues?.[0]?.field])).toEqual([
      ["accepted", undefined],
      ["rejected", "currency"],
      ["rejected", "currency"],
      ["rejected", "model_id"],
      ["accepted", undefined],
    ]);
    expect(answer.results[5]?.issues?.[0]?.message).toContain("costs are kept in USD");
    const stored = await db().run.findMany({ where: { group_id: ids.group }, select: { currency: true, cost: true } });
    expect(stored.map((r) => [r.currency, r.cost.toFixed()]).sort()).toEqual([
      ["USD", "0.4"],
      ["USD", "0.5"],
    ]);
    // The database holds the same rule for any other writer.
    const one = await db().run.findFirstOrThrow({ where: { group_id: ids.group }, select: { id: true } });
    await expect(db().run.update({ where: { id: one.id }, data: { currency: "EUR" } })).rejects.toThrow(/must be USD/);
    await expect(
      db().modelPrice.create({
        data: {
          model_id: euro,
          effective_from: new Date(),
          input_per_million: "1",
          cached_input_per_million: "1",
          output_per_million: "1",
          currency: "euro",
        },
      }),
    ).rejects.toThrow(/ISO 4217/);
  });

  it("creates an agent with its versions, which never change once recorded, and refuses what it cannot take", async () => {
    const agent_id = randomUUID();
    const agentName = `Persona ${agent_id.slice(0, 8)}`;
    const base = { type: "agent", agent_id, name: agentName, kind: "student_persona", description: "A test persona" };
    const v1 = {
      ...base,
      event_id: randomUUID(),
      version: 1,
      prompt: "Be Jordan.",
      model_id: modelId,
      temperature: "0.9",
      effective_at: "2026-01-01T00:00:00.000Z",
    };
    const v2 = {
      ...base,
      event_id: randomUUID(),
      version: 2,
      prompt: "Be Jordan, patiently.",
      temperature: "0.70",
      change_note: "Calmer",
      effective_at: "2026-02-01T00:00:00.000Z",
    };
    expect((await send([v1, v2])).results.map((result) => result.status)).toEqual(["accepted", "accepted"]);
    const versions = await db().agentVersion.findMany({ where: { agent_id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.prompt, v.model_id, v.temperature?.toFixed() ?? null, v.created_at.toISOString()])).toEqual([
      [1, "Be Jordan.", modelId, "0.9", "2026-01-01T00:00:00.000Z"],
      [2, "Be Jordan, patiently.", null, "0.7", "2026-02-01T00:00:00.000Z"],
    ]);

    const answer = await send([
      { ...v2, event_id: randomUUID() },
      { ...v2, event_id: randomUUID(), prompt: "Something else" },
      { ...base, event_id: randomUUID(), version: 3, model_id: randomUUID() },
      { ...base, event_id: randomUUID(), agent_id: randomUUID() },
      { ...base, event_id: randomUUID(), change_note: "no version" },
    ]);
    expect(answer.results.map((result) => [result.status, result.issues?.[0]?.field])).toEqual([
      ["accepted", undefined],
      ["rejected", "version"],
      ["rejected", "model_id"],
      ["rejected", "name"],
      ["rejected", "change_note"],
    ]);
    expect(await db().agentVersion.count({ where: { agent_id } })).toBe(2);
  });

  it("records the agent version sent, else the one in force at the run's start, and refuses one the agent lacks", async () => {
    const agent = (await createAgent(db(), { created_at: new Date("2026-01-01T00:00:00Z") })).id;
    await db().agentVersion.create({ data: { agent_id: agent, version: 2, created_at: new Date("2026-03-02T12:00:00Z"), change_note: "test" } });
    const { ids, events } = sessionEvents();
    const run = (created_at: string, extra: Record<string, unknown> = {}) => ({
      ...events[4],
      event_id: randomUUID(),
      run_id: randomUUID(),
      agent_id: agent,
      created_at,
      finished_at: undefined,
      status: "running",
      ...extra,
    });
    const sent = [run("2026-03-02T10:05:00.000Z"), run("2026-03-02T13:00:00.000Z"), run("2026-03-02T14:00:00.000Z", { agent_version: 1 })];
    const refused = run("2026-03-02T14:01:00.000Z", { agent_version: 3 });
    const answer = await send([...events.slice(0, 4), ...sent, refused]);
    expect(answer.results.at(-1)).toMatchObject({
      status: "rejected",
      issues: [{ field: "agent_version", message: expect.stringContaining("no version 3") }],
    });
    const stored = await db().run.findMany({ where: { group_id: ids.group }, orderBy: { created_at: "asc" }, select: { agent_version: true } });
    expect(stored.map((r) => r.agent_version)).toEqual([1, 2, 1]);
  });

  it("applies each event, prices the run with the price in force, and every summary shows it exactly", async () => {
    const { ids, events } = sessionEvents();
    const answer = await send(events);
    expect(answer).toMatchObject({ accepted: 5, duplicate: 0, rejected: 0 });
    expect(answer.results.map((result) => result.entity_id)).toEqual([ids.session, ids.chat, ids.attempt, ids.group, ids.run]);

    const run = await db().run.findUniqueOrThrow({ where: { id: ids.run } });
    const expected = runCost({ input_tokens: 1200, cached_input_tokens: 200, output_tokens: 300 }, price);
    expect(run.cost.toFixed(10)).toBe(expected);
    expect(run).toMatchObject({ profile_id: ta.profile_id, duration_ms: 3500 });

    const detail = getSessionResponseSchema.parse(
      await callJson(sessionPost, "/system/session", { session_id: ids.session }, { token: admin.token }),
    );
    expect(detail).toMatchObject({ session_exists: true, active: true, total_tokens: 1500 });
    expect(compareDecimals(detail.total_cost, expected)).toBe(0);
    const list = listSessionsResponseSchema.parse(
      await callJson(sessionsPost, "/system/sessions", { profile_id: ta.profile_id, page_size: 200 }, { token: admin.token }),
    );
    const row = list.items.find((item) => item.session_id === ids.session);
    expect(row).toMatchObject({ run_count: 1, group_count: 1, chat_count: 1, attempt_count: 1, total_tokens: 1500, total_cost: detail.total_cost });
    expect(row?.session_updated_at).toBe("2026-03-02T10:03:04.500Z");
  });

  it("counts nothing twice when a batch is sent again", async () => {
    const { ids, events } = sessionEvents();
    await send(events);
    // This session's runs only: other test files ingest beside this one.
    const runs = () => db().run.count({ where: { group: { session_id: ids.session } } });
    const before = await runs();
    const again = await send(events);
    expect(again).toMatchObject({ accepted: 0, duplicate: 5, rejected: 0 });
    expect(await runs()).toBe(before);
  });

  it("rejects an event whose parent is not in yet, and takes it once the parent came", async () => {
    const { ids, events } = sessionEvents();
    const [session, , , group, run] = events;
    const early = await send([session, run]);
    expect(early.results[1]).toMatchObject({
      status: "rejected",
      entity_id: null,
      issues: [{ field: "group_id", message: expect.stringMatching(/send its group event first/) }],
    });
    expect(await db().run.count({ where: { id: ids.run } })).toBe(0);
    const later = await send([group, run]);
    expect(later.results.map((result) => result.status)).toEqual(["accepted", "accepted"]);
  });

  it("leaves nothing of a rejected event, so the corrected event can be sent under the same id", async () => {
    const { ids, events } = sessionEvents();
    const [session, , , group, run] = events as Array<Record<string, unknown>>;
    const wrong = { ...run, cached_input_tokens: 5000 };
    const answer = await send([session, group, wrong, { type: "run", event_id: randomUUID() }, { type: "lecture", event_id: "x" }]);
    expect(answer).toMatchObject({ accepted: 2, rejected: 3 });
    expect(answer.results[2]?.issues).toEqual([{ field: "cached_input_tokens", message: expect.stringMatching(/cannot exceed input_tokens/) }]);
    expect(answer.results[3]?.issues?.map((issue) => issue.field)).toEqual(expect.arrayContaining(["run_id", "group_id"]));
    expect(answer.results[4]).toMatchObject({ event_id: "x", status: "rejected", issues: [{ field: "type" }] });
    expect(await db().ingestEvent.count({ where: { event_id: run?.event_id as string } })).toBe(0);
    expect(await db().run.count({ where: { id: ids.run } })).toBe(0);
    expect((await send([run])).results[0]?.status).toBe("accepted");
  });

  it("updates a running run when it finishes and a session when it ends, under new event ids", async () => {
    const { ids, events } = sessionEvents();
    const [session, , , group, run] = events as Array<Record<string, unknown>>;
    await send([session, group, { ...run, status: "running", finished_at: null }]);
    expect(await db().run.findUniqueOrThrow({ where: { id: ids.run } })).toMatchObject({ status: "running", finished_at: null });
    const ended = { ...session, event_id: randomUUID(), ended_at: "2026-03-02T11:00:00.000Z" };
    expect((await send([{ ...run, event_id: randomUUID() }, ended])).accepted).toBe(2);
    expect(await db().run.findUniqueOrThrow({ where: { id: ids.run } })).toMatchObject({ status: "succeeded", duration_ms: 3500 });
    expect(await db().session.findUniqueOrThrow({ where: { id: ids.session } })).toMatchObject({ active: false });
    expect(await db().run.count({ where: { id: ids.run } })).toBe(1);
    const moved = await send([{ ...run, event_id: randomUUID(), group_id: randomUUID() }]);
    expect(moved.results[0]?.issues?.[0]?.field).toBe("group_id");
  });

  it("stores each message's text as a text/plain upload (the bytes once), counts it in the session, and keeps positions unique", async () => {
    const { ids, events } = sessionEvents();
    const [session, , , group, run] = events;
    const message = (position: number, role: string, extra: Record<string, unknown>) => ({
      type: "message",
      event_id: randomUUID(),
      message_id: randomUUID(),
      run_id: ids.run,
      role,
      position,
      created_at: "2026-03-02T10:03:02.000Z",
      ...extra,
    });
    const text = `What is a base case? ${randomUUID()}`;
    const answer = await send([
      session,
      group,
      run,
      message(0, "user", { text }),
      message(1, "assistant", { text }),
      message(1, "user", { text: "again" }),
      message(2, "user", {}),
    ]);
    expect(answer.results.map((result) => result.status)).toEqual([
      "accepted",
      "accepted",
      "accepted",
      "accepted",
      "accepted",
      "rejected",
      "accepted",
    ]);
    expect(answer.results[5]?.issues?.[0]?.field).toBe("position");
    // A message with neither text nor uploads (a turn that only calls a tool) is stored empty.
    expect(await db().messageUpload.count({ where: { message: { run_id: ids.run, position: 2 } } })).toBe(0);

    const links = await db().messageUpload.findMany({
      where: { message: { run_id: ids.run } },
      select: { upload: { select: { id: true, storage_key: true, mime_type: true } } },
    });
    expect(links).toHaveLength(2);
    expect(new Set(links.map((link) => link.upload.storage_key)).size).toBe(1);
    expect(links[0]?.upload.mime_type).toBe("text/plain");
    const download = await textRoute.GET(
      new Request(`http://glow.test/system/text_download?text_upload_id=${links[0]?.upload.id}`, {
        headers: { Authorization: `Bearer ${admin.token}` },
      }),
    );
    expect(await download.text()).toBe(text);
    const list = listSessionsResponseSchema.parse(
      await callJson(sessionsPost, "/system/sessions", { profile_id: ta.profile_id, page_size: 200 }, { token: admin.token }),
    );
    expect(list.items.find((item) => item.session_id === ids.session)?.message_count).toBe(3);
  });

  it("records one audit row per batch, and takes only tokens with the ingest scope", async () => {
    const { events } = sessionEvents();
    await send(events.slice(0, 1));
    const rows = await db().auditLog.findMany({
      where: { action: "ingest.batch", actor_id: admin.profile_id },
      orderBy: { created_at: "desc" },
      take: 1,
    });
    expect(rows[0]?.details).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0 });
    const readOnly = await call(batchPost, "/ingest/batch", { events }, { token: admin.token });
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toMatchObject({ error: { message: expect.stringMatching(/ingest scope/) } });
    const empty = await call(batchPost, "/ingest/batch", { events: [] }, { token: ingestToken });
    expect(empty.status).toBe(400);
  });

  it("checks generation events against their run, and stores nothing but their replay for watchers", async () => {
    const { ids, events } = sessionEvents();
    await send(events);
    const progress = (fields: Record<string, unknown>) => ({
      type: "generation",
      event_id: randomUUID(),
      run_id: ids.run,
      kind: "progress",
      completed_resources: 1,
      total_resources: 4,
      occurred_at: "2026-03-02T10:03:02.000Z",
      ...fields,
    });
    const answer = await send([
      progress({ run_id: randomUUID() }),
      progress({ completed_resources: 5 }),
      progress({
        kind: "media_complete",
        media_type: "image",
        success: true,
        upload_id: randomUUID(),
        completed_resources: undefined,
        total_resources: undefined,
      }),
      progress({ kind: "sideways" }),
      progress({}),
    ]);
    expect(answer.results.map((result) => [result.status, result.issues?.[0]?.field])).toEqual([
      ["rejected", "run_id"],
      ["rejected", "completed_resources"],
      ["rejected", "upload_id"],
      ["rejected", "kind"],
      ["accepted", undefined],
    ]);
    const buffered = await db().liveEvent.findMany({ where: { run_id: ids.run, type: "GenerationProgressEvent" } });
    expect(buffered.map((row) => row.data)).toEqual([
      expect.objectContaining({ completed_resources: 1, total_resources: 4, percentage: 25, group_id: ids.group }),
    ]);
  });
});
