import { beforeAll, describe, expect, it } from "vitest";
import { POST as agentPost } from "@/app/system/agent/route";
import { POST as agentsPost } from "@/app/system/agents/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSessionResponseSchema, listSessionsResponseSchema } from "@/lib/sessions/schemas";
import { mediaStore } from "@/lib/storage/media-store";
import { createAgent, createDepartment, createGroupWithRuns, createModelWithPrices, createSession, createTa } from "@/prisma/factories";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { getAgentResponse, listAgentsResponse, type AgentListItem } from "./schemas";

/** The fields a 400 answer names (lib/api/errors.ts). */
async function refusedFields(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: { issues: { field: string }[] } }).error.issues.map((issue) => issue.field);
}

// A department of its own (and a second one), two agents and two models of their own: with
// department_ids, no other test's runs are counted; without, only these agents are looked at.
let admin: TestActor;
let coordinator: TestActor;
let ta1: TestActor;
let department = "";
let persona = "";
let grader = "";
let models: [string, string] = ["", ""];
const sessions: Record<"s1" | "s2" | "s3", string> = { s1: "", s2: "", s3: "" };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  const d = db();
  department = (await createDepartment(d)).id;
  const other = (await createDepartment(d)).id;
  admin = await createActor("admin");
  coordinator = await createActor("coordinator", { scoped_department_ids: [department] });
  ta1 = await createActor("ta", { department_id: department });
  await d.profile.update({ where: { id: ta1.profile_id }, data: { ta_role: "graduate_ta" } });
  const ta2 = await createTa(d, { department_id: department, ta_role: "head_ta" });
  const ta3 = await createTa(d, { department_id: other });
  models = [(await createModelWithPrices(d)).model.id, (await createModelWithPrices(d)).model.id];
  persona = (await createAgent(d, { kind: "student_persona" })).id;
  grader = (await createAgent(d, { kind: "grader" })).id;
  await d.agentVersion.create({
    data: {
      agent_id: persona,
      version: 2,
      model_id: models[1],
      prompt: "You are Jordan, now a little more patient.",
      temperature: "0.7",
      change_note: "Warmer tone",
      created_at: at("2021-03-11T00:00:00Z"),
    },
  });
  const store = mediaStore();
  const s1 = await createSession(d, ta1.profile_id, { created_at: at("2021-03-10T10:00:00Z") });
  await createGroupWithRuns(d, store, {
    session: s1.session,
    agent_id: persona,
    model_id: models[0],
    runs: [
      { created_at: at("2021-03-10T10:01:00Z"), duration_ms: 1000 },
      { created_at: at("2021-03-10T10:05:00Z"), duration_ms: 3000, status: "failed", error: "upstream timeout" },
      { created_at: at("2021-03-10T10:10:00Z"), duration_ms: 500, agent_id: grader, model_id: models[1] },
    ],
  });
  const s2 = await createSession(d, ta2.id, { created_at: at("2021-03-11T23:00:00Z") });
  await createGroupWithRuns(d, store, {
    session: s2.session,
    agent_id: persona,
    model_id: models[1],
    runs: [
      { created_at: at("2021-03-11T23:30:00Z"), duration_ms: 2000, agent_version: 2 },
      { created_at: at("2021-03-12T00:30:00Z"), duration_ms: 4000, agent_version: 2 },
    ],
  });
  const s3 = await createSession(d, ta3.id, { created_at: at("2021-03-12T09:00:00Z") });
  await createGroupWithRuns(d, store, {
    session: s3.session,
    agent_id: persona,
    runs: [{ created_at: at("2021-03-12T09:05:00Z"), duration_ms: 1000, agent_version: 2, model_id: models[0] }],
  });
  Object.assign(sessions, { s1: s1.session.id, s2: s2.session.id, s3: s3.session.id });
});

const list = async (body: Record<string, unknown>, actor: TestActor = admin) =>
  listAgentsResponse.parse(await callJson(agentsPost, "/system/agents", { page_size: 200, ...body }, { token: actor.token }));
const item = (items: AgentListItem[], id: string) => {
  const found = items.find((agent) => agent.agent_id === id);
  if (!found) throw new Error(`agent ${id} is not listed`);
  return found;
};

/** The exact cost and tokens of some sessions' runs of an agent, summed by the database. */
async function runTotals(agentId: string, sessionIds: string[], where: Prisma.RunWhereInput = {}) {
  const sum = await db().run.aggregate({
    where: { agent_id: agentId, group: { session_id: { in: sessionIds } }, ...where },
    _sum: { cost: true, input_tokens: true, output_tokens: true },
  });
  return {
    total_cost: (sum._sum.cost ?? new Prisma.Decimal(0)).toFixed(),
    total_tokens: (sum._sum.input_tokens ?? 0) + (sum._sum.output_tokens ?? 0),
  };
}

describe("POST /system/agents", () => {
  it("answers every agent's sessions, runs, failures, response time, tokens, exact cost and last use", async () => {
    const { items } = await list({ department_ids: [department] });
    expect(item(items, persona)).toEqual({
      agent_id: persona,
      name: expect.any(String),
      kind: "student_persona",
      description: expect.any(String),
      current_version: 2,
      session_count: 2,
      run_count: 4,
      failed_run_count: 1,
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
      ...(await runTotals(persona, [sessions.s1, sessions.s2])),
      avg_response_ms: 2500,
      error_rate: 0.25,
      last_used_at: "2021-03-12T00:30:00.000Z",
    });
    expect(item(items, grader)).toMatchObject({
      kind: "grader",
      current_version: 1,
      session_count: 1,
      run_count: 1,
      failed_run_count: 0,
      avg_response_ms: 500,
      error_rate: 0,
      last_used_at: "2021-03-10T10:10:00.000Z",
      ...(await runTotals(grader, [sessions.s1])),
    });
    // Without the department, the other department's session counts too.
    expect(item((await list({})).items, persona)).toMatchObject({ session_count: 3, run_count: 5, last_used_at: "2021-03-12T09:05:00.000Z" });
  });

  it("windows the runs by their start, and counts a session on the day of the agent's first run in it", async () => {
    const edges = await list({ department_ids: [department], date_from: "2021-03-11T23:15:00Z", date_to: "2021-03-12T00:45:00Z" });
    expect(item(edges.items, persona)).toMatchObject({
      session_count: 1,
      run_count: 2,
      avg_response_ms: 3000,
      last_used_at: "2021-03-12T00:30:00.000Z",
    });
    // The 12th holds S2's second run, but S2 began with this agent on the 11th.
    const day = await list({ department_ids: [department], date_from: "2021-03-12", date_to: "2021-03-12" });
    expect(item(day.items, persona)).toMatchObject({ session_count: 0, run_count: 1, last_used_at: "2021-03-12T00:30:00.000Z" });
    expect(item(day.items, grader)).toMatchObject({ session_count: 0, run_count: 0, avg_response_ms: null, error_rate: null, last_used_at: null });
  });

  it("filters by model and role, and scopes coordinators and TAs", async () => {
    const onSecondModel = await list({ department_ids: [department], model_ids: [models[1]] });
    expect(item(onSecondModel.items, persona)).toMatchObject({ session_count: 1, run_count: 2, failed_run_count: 0 });
    expect(item(onSecondModel.items, grader)).toMatchObject({ session_count: 1, run_count: 1 });
    const heads = await list({ department_ids: [department], roles: ["head_ta"] });
    expect(item(heads.items, persona)).toMatchObject({ session_count: 1, run_count: 2 });
    expect(item((await list({}, coordinator)).items, persona)).toMatchObject({ session_count: 2, run_count: 4 });
    expect(item((await list({}, ta1)).items, persona)).toMatchObject({
      session_count: 1,
      run_count: 2,
      failed_run_count: 1,
      last_used_at: "2021-03-10T10:05:00.000Z",
    });
  });

  it("sorts, pages and filters by kind", async () => {
    const ours = (items: AgentListItem[]) => items.filter((agent) => agent.agent_id === persona || agent.agent_id === grader).map((a) => a.agent_id);
    expect(ours((await list({ department_ids: [department], sort_by: "run_count", sort_order: "desc" })).items)).toEqual([persona, grader]);
    expect(ours((await list({ department_ids: [department], sort_by: "avg_response_ms", sort_order: "asc" })).items)).toEqual([grader, persona]);
    const all = await list({});
    const second = await list({ page: 2, page_size: 1 });
    expect(second).toMatchObject({ page: 2, page_size: 1, total_count: all.total_count });
    expect(second.items).toEqual([all.items[1]]);
    const graders = await list({ kind: "grader" });
    expect(graders.items.every((agent) => agent.kind === "grader")).toBe(true);
    expect(graders.items.map((agent) => agent.agent_id)).toContain(grader);
  });

  it("names the field of a bad filter", async () => {
    const response = await call(agentsPost, "/system/agents", { sort_by: "price", model_ids: ["x"] }, { token: admin.token });
    expect(await refusedFields(response)).toEqual(expect.arrayContaining(["sort_by", "model_ids.0"]));
  });
});

describe("POST /system/agent", () => {
  const detail = async (body: Record<string, unknown>, actor: TestActor = admin) =>
    getAgentResponse.parse(await callJson(agentPost, "/system/agent", body, { token: actor.token }));

  it("answers the versions newest first, the usage per day, and the agent's sessions", async () => {
    const answer = await detail({ agent_id: persona, department_ids: [department], sessions: { department_ids: [department] } });
    expect(answer.agent).toMatchObject({ agent_id: persona, session_count: 2, run_count: 4 });
    expect(answer.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(answer.versions[0]).toMatchObject({
      model_id: models[1],
      model_name: expect.any(String),
      prompt: "You are Jordan, now a little more patient.",
      temperature: "0.7",
      change_note: "Warmer tone",
      created_at: "2021-03-11T00:00:00.000Z",
    });
    expect(answer.usage_per_day.map((day) => [day.day, day.session_count, day.run_count, day.failed_run_count])).toEqual([
      ["2021-03-10", 1, 2, 1],
      ["2021-03-11", 1, 1, 0],
      ["2021-03-12", 0, 1, 0],
    ]);
    expect(answer.sessions?.items.map((session) => session.session_id).sort()).toEqual([sessions.s1, sessions.s2].sort());
    expect(answer.sessions?.total_count).toBe(2);
  });

  it("hides the prompts from TAs, and answers agent_exists false for an unknown agent", async () => {
    const asTa = await detail({ agent_id: persona }, ta1);
    expect(asTa.versions.map((version) => version.prompt)).toEqual([null, null]);
    expect(asTa.sessions?.items.map((session) => session.session_id)).toEqual([sessions.s1]);
    expect(await detail({ agent_id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ agent_exists: false, agent: null, sessions: null });
  });

  it("refuses a sessions page for another agent, naming the field", async () => {
    const response = await call(agentPost, "/system/agent", { agent_id: persona, sessions: { agent_id: grader } }, { token: admin.token });
    expect(await refusedFields(response)).toEqual(["sessions.agent_id"]);
  });
});

describe("sessions and agents", () => {
  const listSessions = async (body: Record<string, unknown>) =>
    listSessionsResponseSchema.parse(await callJson(sessionsPost, "/system/sessions", { page_size: 50, ...body }, { token: admin.token }));

  it("filters the session list by agent and by agent version, and names the agents of each session", async () => {
    const ids = async (body: Record<string, unknown>) => (await listSessions(body)).items.map((session) => session.session_id).sort();
    expect(await ids({ agent_id: persona })).toEqual([sessions.s1, sessions.s2, sessions.s3].sort());
    expect(await ids({ agent_id: persona, agent_version: 2 })).toEqual([sessions.s2, sessions.s3].sort());
    expect(await ids({ agent_id: persona, agent_version: 1 })).toEqual([sessions.s1]);
    expect(await ids({ agent_id: grader, department_ids: [department] })).toEqual([sessions.s1]);
    const counted = await listSessions({ agent_id: persona, status: ["completed", "active", "idle", "aborted", "expired"] });
    expect(counted).toMatchObject({ total_count: 3, total_count_is_estimate: false });

    const s1 = (await listSessions({ agent_id: grader })).items.find((session) => session.session_id === sessions.s1);
    expect(s1?.agents.map((agent) => [agent.agent_id, agent.versions, agent.run_count]).sort()).toEqual(
      [
        [persona, [1], 2],
        [grader, [1], 1],
      ].sort(),
    );
    const one = getSessionResponseSchema.parse(await callJson(sessionPost, "/system/session", { session_id: sessions.s2 }, { token: admin.token }));
    expect(one.agents).toEqual([{ agent_id: persona, name: expect.any(String), kind: "student_persona", versions: [2], run_count: 2 }]);
  });

  it("refuses agent_version without agent_id", async () => {
    const response = await call(sessionsPost, "/system/sessions", { agent_version: 2 }, { token: admin.token });
    expect(await refusedFields(response)).toEqual(["agent_version"]);
  });
});
