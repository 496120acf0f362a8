import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { POST as resolvePost } from "@/app/activity/resolve/route";
import { ingestBatchResponseSchema } from "@/lib/ingest/schemas";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { openStream, type OpenStream } from "@/tests/watch-stream";
import { listenerName, liveHub } from "./hub";
import { openStreamCount } from "./watch";

let admin: TestActor;
let coordinator: TestActor;
let taInScope: TestActor;
let taElsewhere: TestActor;
let ingestToken: string;
let modelId: string;
let agentId: string;
const streams: OpenStream[] = [];
const envBefore = { ...process.env };

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  const [home, other] = [`dept-live-a-${suffix}`, `dept-live-b-${suffix}`];
  await db().department.createMany({
    data: [
      { id: home, name: `Live A ${suffix}` },
      { id: other, name: `Live B ${suffix}` },
    ],
  });
  admin = await createActor("admin");
  coordinator = await createActor("coordinator", { department_id: home });
  taInScope = await createActor("ta", { department_id: home });
  taElsewhere = await createActor("ta", { department_id: other });
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "live test", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
  modelId = (
    await createModelWithPrices(db(), {}, [
      { effective_from: new Date("2020-01-01T00:00:00Z"), input_per_million: "1", cached_input_per_million: "0.5", output_per_million: "2" },
    ])
  ).model.id;
  agentId = (await createAgent(db())).id;
});

afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  process.env = { ...envBefore };
});

async function watch(actor: TestActor, body: unknown = {}, lastEventId?: string): Promise<OpenStream> {
  const stream = await openStream(actor.token, body, lastEventId);
  streams.push(stream);
  if (stream.response.ok) await stream.ready();
  return stream;
}

async function ingest(events: unknown[]) {
  const answer = ingestBatchResponseSchema.parse(await callJson(batchPost, "/ingest/batch", { events }, { token: ingestToken }));
  expect(answer.rejected, JSON.stringify(answer.results)).toBe(0);
}

function startSession(ta: TestActor, sessionId = randomUUID()) {
  return {
    type: "session",
    event_id: randomUUID(),
    session_id: sessionId,
    profile_id: ta.profile_id,
    title: "Live",
    started_at: new Date().toISOString(),
  };
}

const sessionIdsOf = (stream: OpenStream) => stream.events.map(({ event }) => ("session_id" in event ? event.session_id : null));

describe("POST /system/watch", () => {
  it("streams ingested events to each caller within their scope, and only there", async () => {
    const [adminStream, coordinatorStream, ownStream, otherStream] = await Promise.all([
      watch(admin),
      watch(coordinator),
      watch(taInScope),
      watch(taElsewhere),
    ]);
    expect(adminStream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const outside = randomUUID();
    const inside = randomUUID();
    // The outside event commits first: a stream that sees the inside one would have seen it before.
    await ingest([startSession(taElsewhere, outside)]);
    await ingest([startSession(taInScope, inside)]);

    await adminStream.until(() => sessionIdsOf(adminStream).includes(inside), "the admin to see the in-scope session");
    expect(sessionIdsOf(adminStream)).toEqual(expect.arrayContaining([outside, inside]));
    await coordinatorStream.until(() => sessionIdsOf(coordinatorStream).includes(inside), "the coordinator to see their TA's session");
    expect(sessionIdsOf(coordinatorStream)).not.toContain(outside);
    await ownStream.until(() => sessionIdsOf(ownStream).includes(inside), "the TA to see their own session");
    expect(sessionIdsOf(ownStream)).not.toContain(outside);
    await otherStream.until(() => sessionIdsOf(otherStream).includes(outside), "the other TA to see their own session");
    expect(sessionIdsOf(otherStream)).not.toContain(inside);

    const started = adminStream.events.find(({ event }) => event.type === "SessionStartedEvent" && event.session_id === inside);
    expect(started?.id).toMatch(/^\d+$/);
    expect(started?.event).toMatchObject({ profile_id: taInScope.profile_id, title: "Live", group_id: null, run_id: null });
  });

  it("hears events ingested by another process", async () => {
    const stream = await watch(admin);
    const sessionId = randomUUID();
    const child = spawnSync(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "tests/ingest-in-another-process.ts",
        admin.profile_id,
        JSON.stringify([startSession(taElsewhere, sessionId)]),
      ],
      { env: process.env, encoding: "utf8", timeout: 60_000 },
    );
    expect(child.status, child.stderr || child.stdout).toBe(0);
    expect(child.pid).not.toBe(process.pid);
    await stream.until(() => sessionIdsOf(stream).includes(sessionId), "the other process's event");
  });

  it("sends a run's record, its completion and the sender's generation progress, filtered by the body", async () => {
    const ids = { session: randomUUID(), group: randomUUID(), run: randomUUID() };
    await ingest([
      startSession(taInScope, ids.session),
      { type: "group", event_id: randomUUID(), group_id: ids.group, session_id: ids.session, name: "Reply", created_at: new Date().toISOString() },
    ]);
    const bySession = await watch(coordinator, { session_id: ids.session });
    const onlyProgress = await watch(admin, { group_id: ids.group, types: ["GenerationProgressEvent"] });
    const unrelated = await watch(admin, { session_id: randomUUID() });
    const run = (status: string, finished: boolean) => ({
      type: "run",
      event_id: randomUUID(),
      run_id: ids.run,
      group_id: ids.group,
      model_id: modelId,
      agent_id: agentId,
      status,
      ...(status === "failed" ? { error: "The model timed out" } : {}),
      input_tokens: 1000,
      output_tokens: 500,
      created_at: "2026-11-30T10:00:00.000Z",
      ...(finished ? { finished_at: "2026-11-30T10:00:02.000Z" } : {}),
    });
    const progress = {
      type: "generation",
      event_id: randomUUID(),
      run_id: ids.run,
      kind: "progress",
      completed_resources: 1,
      total_resources: 3,
      occurred_at: new Date().toISOString(),
    };
    await ingest([run("running", false), progress, run("failed", true)]);

    await bySession.until(() => bySession.events.some(({ event }) => event.type === "GenerationCompleteEvent"), "the run's completion");
    // The session's start was committed just before the watch opened; its NOTIFY may still be on its
    // way to the listening connection then and reach the new stream too (delivery is at least once;
    // seen once in CI on a slow machine). Everything after it is exact and in order.
    const afterStart = bySession.events.filter(({ event }, index) => !(index === 0 && event.type === "SessionStartedEvent"));
    expect(afterStart.map(({ event }) => event.type)).toEqual([
      "RunRecordedEvent",
      "GenerationProgressEvent",
      "RunRecordedEvent",
      "GenerationErrorEvent",
      "GenerationCompleteEvent",
    ]);
    const [recorded, progressed, finished, error, complete] = afterStart.map(({ event }) => event);
    expect(recorded).toMatchObject({ status: "running", cost: "0.002", finished_at: null, group_id: ids.group, run_id: ids.run });
    expect(progressed).toMatchObject({ completed_resources: 1, total_resources: 3, percentage: 33.3 });
    expect(finished).toMatchObject({ status: "failed", finished_at: "2026-11-30T10:00:02.000Z" });
    expect(error).toMatchObject({ message: "The model timed out", run_id: ids.run });
    expect(complete).toMatchObject({ artifact_type: "run", success: false });

    await onlyProgress.until(() => onlyProgress.events.length > 0, "the progress event");
    expect(onlyProgress.events.map(({ event }) => event.type)).toEqual(["GenerationProgressEvent"]);
    expect(unrelated.events).toEqual([]);
  });

  it("sends a resolved problem to the coordinator watching its session", async () => {
    const sessionId = randomUUID();
    await ingest([startSession(taInScope, sessionId)]);
    const problem = await db().problem.create({
      data: { session_id: sessionId, kind: "ferpa_concern", severity: "high", description: "A student's grade was named" },
    });
    const stream = await watch(coordinator, { session_id: sessionId, types: ["ProblemResolvedEvent"] });
    await callJson(resolvePost, "/activity/resolve", { problem_id: problem.id, resolved: true }, { token: coordinator.token });
    await stream.until(() => stream.events.length > 0, "the resolution");
    expect(stream.events[0]?.event).toMatchObject({ type: "ProblemResolvedEvent", problem_id: problem.id, resolved: true, session_id: sessionId });
  });

  it("replays what a client missed after Last-Event-ID, once, and asks for a reload past the buffer", async () => {
    const first = await watch(taInScope);
    await ingest([startSession(taInScope)]);
    await first.until(() => first.events.length === 1, "the first event");
    const lastSeen = first.events[0]?.id ?? "";
    first.close();

    const missed = [randomUUID(), randomUUID()];
    await ingest(missed.map((id) => startSession(taInScope, id)));
    // Events about others in between are not replayed to this TA.
    await ingest([startSession(taElsewhere)]);
    const resumed = await watch(taInScope, {}, lastSeen);
    expect(sessionIdsOf(resumed)).toEqual(missed);
    const live = randomUUID();
    await ingest([startSession(taInScope, live)]);
    await resumed.until(() => sessionIdsOf(resumed).includes(live), "a live event after the replay");
    expect(sessionIdsOf(resumed)).toEqual([...missed, live]);

    // Once the event a client saw last is pruned from the buffer, it is told to reload instead.
    await db().liveEvent.delete({ where: { id: BigInt(lastSeen) } });
    const gone = await watch(taInScope, {}, lastSeen);
    expect(gone.events.map(({ event }) => event.type)).toEqual(["ResyncEvent"]);
    const bad = await openStream(taInScope.token, {}, "yesterday");
    expect(bad.response.status).toBe(400);
    expect(await bad.response.json()).toMatchObject({ error: { issues: [{ field: "Last-Event-ID" }] } });
  });

  it("audits each opened stream with its filter", async () => {
    const sessionId = randomUUID();
    await watch(coordinator, { session_id: sessionId });
    const row = await db().auditLog.findFirst({ where: { action: "watch.open", actor_id: coordinator.profile_id, target_id: sessionId } });
    expect(row).toMatchObject({ target_type: "session", details: { session_id: sessionId, resumed_after: null } });
  });

  it("caps the streams one user holds open (429), and frees a slot when one closes", async () => {
    process.env.GLOW_WATCH_MAX_STREAMS_PER_USER = "2";
    const [one] = [await watch(admin), await watch(admin)];
    const refused = await openStream(admin.token);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toBe("5");
    expect(await refused.response.json()).toMatchObject({
      error: { code: "rate_limited", message: expect.stringContaining("At most 2 live streams") },
    });
    one?.close();
    await expect.poll(async () => await openStream(admin.token).then((s) => (streams.push(s), s.response.status)), { timeout: 5_000 }).toBe(200);
  });

  it("sends heartbeats and ends a stream at its maximum lifetime", async () => {
    process.env.GLOW_WATCH_HEARTBEAT_SECONDS = "0.05";
    process.env.GLOW_WATCH_MAX_SECONDS = "0.4";
    const stream = await watch(taInScope);
    await stream.ended;
    expect(stream.comments.filter((text) => text === "heartbeat").length).toBeGreaterThanOrEqual(2);
    expect(stream.comments.at(-1)).toMatch(/^closing: the stream reached its maximum lifetime/);

    // A client may ask for a shorter stream than the server's limit, never a longer one.
    process.env.GLOW_WATCH_MAX_SECONDS = "600";
    const short = await watch(taInScope, { max_seconds: 0.2 });
    const startedAt = Date.now();
    await short.ended;
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it("leaves no subscriber, slot, connection or memory behind after 500 streams are opened and dropped", async () => {
    process.env.GLOW_WATCH_MAX_STREAMS_PER_USER = "1000";
    process.env.GLOW_WATCH_IDLE_CLOSE_SECONDS = "0.2";
    // This process's listening connection (other test files hold their own).
    const listeners = () => db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${listenerName}`;
    // A full collection before each reading, so what is measured is what is still reachable.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const warmup = await watch(admin);
    warmup.close();
    const baseline = heap();
    for (let round = 0; round < 10; round++) {
      const opened = await Promise.all(Array.from({ length: 50 }, () => watch(admin)));
      opened.forEach((stream) => stream.close());
      streams.splice(0);
    }
    await expect.poll(() => liveHub.subscriberCount, { timeout: 5_000 }).toBe(0);
    expect(openStreamCount()).toBe(0);
    await expect.poll(() => liveHub.listening, { timeout: 5_000 }).toBe(false);
    await expect.poll(async () => Number((await listeners())[0]?.n), { timeout: 5_000 }).toBe(0);
    expect(heap() - baseline).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a body it does not understand, naming the field", async () => {
    const response = await call((await import("@/app/system/watch/route")).POST, "/system/watch", { types: ["Nope"] }, { token: admin.token });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { issues: [{ field: "types.0" }] } });
  });
});
