import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchPost } from "@/app/ingest/batch/route";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { POST as createTokenPost } from "@/app/system/tokens/create/route";
import { activityResponseSchema } from "@/lib/activity/schemas";
import { getSessionResponseSchema } from "@/lib/sessions/schemas";
import { createTokenResponseSchema } from "@/lib/tokens/schemas";
import { callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { ingestBatchResponseSchema, type IngestBatchResponse } from "./schemas";

let admin: TestActor;
let ingestToken: string;

beforeAll(async () => {
  admin = await createActor("admin");
  const made = await callJson(createTokenPost, "/system/tokens/create", { name: "records test", scopes: ["ingest"] }, { token: admin.token });
  ingestToken = createTokenResponseSchema.parse(made).token;
});

async function send(events: unknown[]): Promise<IngestBatchResponse> {
  return ingestBatchResponseSchema.parse(await callJson(batchPost, "/ingest/batch", { events }, { token: ingestToken }));
}

const statuses = (answer: IngestBatchResponse) => answer.results.map((result) => [result.status, result.issues?.[0]?.field ?? null]);
const event = (fields: Record<string, unknown>) => ({ event_id: randomUUID(), ...fields });

describe("POST /ingest/batch: departments, profiles, logins and emulations", () => {
  it("creates a department and its TA, records their sign-ins and an emulation, and the activity counts them exactly", async () => {
    const department = `dept-ingest-${randomUUID().slice(0, 8)}`;
    const taId = randomUUID();
    const day = "2026-04-07";
    const answer = await send([
      event({ type: "department", department_id: department, name: `Ingested ${department}` }),
      event({
        type: "profile",
        profile_id: taId,
        name: "Ada Ingested",
        email: `ada-${department}@uni.example`,
        department_id: department,
        ta_role: "graduate_ta",
      }),
      event({
        type: "login",
        login_id: randomUUID(),
        profile_id: taId,
        email: `ada-${department}@uni.example`,
        succeeded: true,
        created_at: `${day}T09:00:00Z`,
      }),
      event({
        type: "login",
        login_id: randomUUID(),
        profile_id: taId,
        email: `ada-${department}@uni.example`,
        succeeded: false,
        created_at: `${day}T08:59:00Z`,
      }),
      event({
        type: "emulation",
        emulation_id: randomUUID(),
        admin_id: admin.profile_id,
        target_profile_id: taId,
        reason: "Support",
        started_at: `${day}T10:00:00Z`,
      }),
      event({ type: "session", session_id: randomUUID(), profile_id: taId, started_at: `${day}T11:00:00Z` }),
    ]);
    expect(statuses(answer)).toEqual(Array.from({ length: 6 }, () => ["accepted", null]));

    const activity = activityResponseSchema.parse(
      await callJson(activityPost, "/system/activity", { department_ids: [department], date_from: day, date_to: day }, { token: admin.token }),
    );
    expect(activity).toMatchObject({ sessions_count: 1, active_profiles_count: 1, logins_count: 1, failed_logins_count: 1, emulations_count: 1 });
    const profile = await db().profile.findUniqueOrThrow({ where: { id: taId } });
    expect(profile).toMatchObject({ access_level: "ta", department_id: department, ta_role: "graduate_ta", password_hash: null });
  });

  it("never creates or changes an admin or coordinator account, and refuses what does not fit", async () => {
    const coordinator = await createActor("coordinator");
    const ta = await createActor("ta");
    const answer = await send([
      event({ type: "profile", profile_id: coordinator.profile_id, name: "Renamed", email: `x-${randomUUID()}@uni.example` }),
      event({ type: "profile", profile_id: randomUUID(), name: "Stranger", email: `s-${randomUUID()}@uni.example`, department_id: "dept-none-such" }),
      event({ type: "department", department_id: "Not A Slug", name: "x" }),
      event({
        type: "emulation",
        emulation_id: randomUUID(),
        admin_id: ta.profile_id,
        target_profile_id: ta.profile_id,
        started_at: "2026-04-07T10:00:00Z",
      }),
      event({
        type: "emulation",
        emulation_id: randomUUID(),
        admin_id: admin.profile_id,
        target_profile_id: coordinator.profile_id,
        started_at: "2026-04-07T10:00:00Z",
      }),
      event({
        type: "login",
        login_id: randomUUID(),
        profile_id: randomUUID(),
        email: "ghost@uni.example",
        succeeded: false,
        created_at: "2026-04-07T10:00:00Z",
      }),
    ]);
    expect(statuses(answer)).toEqual([
      ["rejected", "profile_id"],
      ["rejected", "department_id"],
      ["rejected", "department_id"],
      ["rejected", "admin_id"],
      ["rejected", "target_profile_id"],
      ["rejected", "profile_id"],
    ]);
    expect((await db().profile.findUniqueOrThrow({ where: { id: coordinator.profile_id } })).name).toBe(coordinator.name);
  });
});

describe("POST /ingest/batch: tool calls and problems", () => {
  it("attaches tool calls to messages and flags, resolves and re-opens problems, as the session shows them", async () => {
    const ta = await createActor("ta");
    const model = await db().model.create({ data: { name: `m-${randomUUID()}`, provider: "test" } });
    const agent = await db().agent.create({ data: { name: `a-${randomUUID()}`, kind: "student_persona" } });
    const ids = { session: randomUUID(), group: randomUUID(), run: randomUUID(), message: randomUUID(), problem: randomUUID(), call: randomUUID() };
    const t = (minute: number) => `2026-04-08T10:${String(minute).padStart(2, "0")}:00.000Z`;
    const problem = (fields: Record<string, unknown>) =>
      event({
        type: "problem",
        problem_id: ids.problem,
        session_id: ids.session,
        run_id: ids.run,
        kind: "ferpa_concern",
        severity: "critical",
        description: "A grade was named",
        flagged_at: t(5),
        ...fields,
      });
    const answer = await send([
      event({ type: "session", session_id: ids.session, profile_id: ta.profile_id, started_at: t(0) }),
      event({ type: "group", group_id: ids.group, session_id: ids.session, name: "Reply", created_at: t(1) }),
      event({
        type: "run",
        run_id: ids.run,
        group_id: ids.group,
        model_id: model.id,
        agent_id: agent.id,
        status: "succeeded",
        input_tokens: 10,
        output_tokens: 5,
        cost: "0.0001",
        created_at: t(2),
        finished_at: t(3),
      }),
      event({
        type: "message",
        message_id: ids.message,
        run_id: ids.run,
        role: "assistant",
        position: 0,
        text: "Let me look that up.",
        created_at: t(3),
      }),
      event({
        type: "tool_call",
        tool_call_id: ids.call,
        message_id: ids.message,
        template_name: "search_syllabus",
        file_path: "syllabus.pdf",
        created_at: t(3),
      }),
      problem({}),
      problem({ resolved_at: t(9) }),
      problem({ group_id: randomUUID() }),
      event({ type: "tool_call", tool_call_id: ids.call, message_id: ids.message, template_name: "again", created_at: t(4) }),
    ]);
    expect(statuses(answer)).toEqual([
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["accepted", null],
      ["rejected", "group_id"],
      ["rejected", "tool_call_id"],
    ]);
    const session = getSessionResponseSchema.parse(
      await callJson(sessionPost, "/system/session", { session_id: ids.session }, { token: admin.token }),
    );
    expect(session.problems).toEqual([expect.objectContaining({ problem_id: ids.problem, severity: "critical", resolved: true })]);
    expect(session.timeline.map((e) => e.event_type)).toEqual(expect.arrayContaining(["problem_flagged", "problem_resolved"]));
    expect(await db().toolCall.findUnique({ where: { id: ids.call } })).toMatchObject({
      template_name: "search_syllabus",
      file_path: "syllabus.pdf",
    });

    const reopened = await send([problem({ resolved_at: null })]);
    expect(statuses(reopened)).toEqual([["accepted", null]]);
    expect(await db().problem.findUniqueOrThrow({ where: { id: ids.problem } })).toMatchObject({ resolved: false, resolved_at: null });
    const live = await db().liveEvent.findMany({ where: { session_id: ids.session, type: { startsWith: "Problem" } }, orderBy: { id: "asc" } });
    expect(live.map((row) => [row.type, (row.data as { resolved?: boolean }).resolved ?? null])).toEqual([
      ["ProblemFlaggedEvent", null],
      ["ProblemResolvedEvent", true],
      ["ProblemResolvedEvent", false],
    ]);
  });
});
