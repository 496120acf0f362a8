// Test-only: a small, fully known slice of activity in two fresh departments, shared by the
// activity, sessions and problems DB tests. Everything lives in unique departments, so coordinator
// scope (or department_ids for an admin) isolates it from other tests' rows in the shared database.
import { createActor, db, type TestActor } from "@/tests/api-helpers";
import type { TaRole } from "@/lib/generated/prisma/enums";
import { mediaStore } from "@/lib/storage/media-store";
import { addMs } from "@/prisma/factories/ids.ts";
import { createAgent, createModelWithPrices } from "@/prisma/factories/models.ts";
import { createDepartment, createEmulation, createGrant, createLogin } from "@/prisma/factories/people.ts";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions.ts";

export const T0 = new Date("2024-03-10T09:00:00.000Z");
export const marchWindow = { date_from: "2024-03-01", date_to: "2024-03-31" };
const hour = 3_600_000;
const day = 24 * hour;

export type World = Awaited<ReturnType<typeof buildWorld>>;

async function ta(department_id: string, ta_role: TaRole, name: string): Promise<TestActor> {
  const actor = await createActor("ta", { department_id, name });
  await db().profile.update({ where: { id: actor.profile_id }, data: { ta_role } });
  return actor;
}

export async function buildWorld() {
  const d = db();
  const store = mediaStore();
  const deptA = await createDepartment(d);
  const deptB = await createDepartment(d);
  const admin = await createActor("admin");
  const coordA = await createActor("coordinator", { department_id: deptA.id });
  const coordB = await createActor("coordinator", { department_id: deptB.id });
  const ta1 = await ta(deptA.id, "head_ta", "Ada Head");
  const ta2 = await ta(deptA.id, "undergraduate_ta", "Ben Under");
  const idle = await ta(deptA.id, "graduate_ta", "Cyd Idle");
  const ta3 = await ta(deptB.id, "graduate_ta", "Dee Other");

  // Prices with many decimals, so sums of costs really exercise exact decimal arithmetic.
  const { model } = await createModelWithPrices(d, {}, [
    {
      effective_from: new Date("2000-01-01T00:00:00Z"),
      input_per_million: "3.123457",
      cached_input_per_million: "0.777777",
      output_per_million: "11.000003",
    },
  ]);
  const agent = await createAgent(d);
  const groupFor = (
    session: { id: string; profile_id: string; created_at: Date },
    offsetMs: number,
    runs?: Parameters<typeof createGroupWithRuns>[2]["runs"],
  ) => createGroupWithRuns(d, store, { session, created_at: addMs(session.created_at, offsetMs), model_id: model.id, agent_id: agent.id, runs });

  // s1: ta1, ended, two chats, two attempts (one scored), two groups (one failed run), two problems.
  const s1 = await createSession(
    d,
    ta1.profile_id,
    { created_at: T0, ended_at: addMs(T0, 2 * hour) },
    {
      chats: [{ agent_id: agent.id, name: "Office hours" }, { name: "Review" }],
      attempts: [
        { chat: 0, name: "Base case", score: "87.50" },
        { chat: 1, name: "Recursion" },
      ],
    },
  );
  const g1 = await groupFor(s1.session, 5 * 60_000);
  const g2 = await groupFor(s1.session, 20 * 60_000, [
    { input_tokens: 1234, cached_input_tokens: 1000, output_tokens: 77 },
    { status: "failed", error: "upstream timeout", input_tokens: 999, cached_input_tokens: 3, output_tokens: 0 },
  ]);
  const p1 = await createProblem(d, s1.session.id, {
    group_id: g1.group.id,
    kind: "hallucination",
    severity: "high",
    created_at: addMs(T0, 30 * 60_000),
  });
  const p2 = await createProblem(d, s1.session.id, {
    kind: "persona_break",
    severity: "low",
    created_at: addMs(T0, 40 * 60_000),
    resolved_by_id: coordA.profile_id,
  });

  // s2 (ta1) and s3 (ta2) start at the same instant, to exercise the session_id tiebreak.
  const s2 = await createSession(d, ta1.profile_id, { created_at: addMs(T0, day) });
  const s3 = await createSession(d, ta2.profile_id, { created_at: addMs(T0, day) }, { chats: [] });
  const g3 = await groupFor(s3.session, 60_000, [{ input_tokens: 500, output_tokens: 5 }]);
  // Five more identical-looking sessions (same start, no children) for pagination and ties.
  const ties = [];
  for (let i = 0; i < 5; i += 1) ties.push(await createSession(d, ta2.profile_id, { created_at: addMs(T0, 3 * day) }, { chats: [] }));
  // Outside the March window.
  const late = await createSession(d, ta2.profile_id, { created_at: new Date("2024-04-20T10:00:00Z") });
  const lateProblem = await createProblem(d, late.session.id, {
    kind: "technical_error",
    severity: "critical",
    created_at: new Date("2024-04-20T11:00:00Z"),
  });

  // Department B: visible to coordB and admins only.
  const s4 = await createSession(d, ta3.profile_id, { created_at: addMs(T0, 2 * day) });
  const g4 = await groupFor(s4.session, 60_000);
  const p4 = await createProblem(d, s4.session.id, { kind: "ferpa_concern", severity: "critical", created_at: addMs(T0, 2 * day + hour) });

  const profile = async (id: string) => d.profile.findUniqueOrThrow({ where: { id } });
  const ta1Row = await profile(ta1.profile_id);
  await createLogin(d, ta1Row, { created_at: addMs(T0, -hour) });
  await createLogin(d, ta1Row, { created_at: addMs(T0, day - hour) });
  await createLogin(d, ta1Row, { created_at: addMs(T0, 2 * day), succeeded: false });
  await createLogin(d, ta1Row, { created_at: new Date("2024-02-01T00:00:00Z") });
  await createLogin(d, await profile(coordA.profile_id), { created_at: addMs(T0, hour) });
  await createLogin(d, await profile(ta3.profile_id), { created_at: addMs(T0, 2 * day) });
  await createEmulation(d, admin.profile_id, ta1.profile_id, { started_at: addMs(T0, 4 * hour) });
  await createEmulation(d, admin.profile_id, ta3.profile_id, { started_at: addMs(T0, 4 * hour) });
  await createEmulation(d, admin.profile_id, ta1.profile_id, { started_at: new Date("2024-05-01T00:00:00Z") });
  await createGrant(d, ta2.profile_id, { created_at: addMs(T0, hour) });
  await createGrant(d, ta2.profile_id, { created_at: new Date("2024-02-02T00:00:00Z") });

  return {
    deptA,
    deptB,
    admin,
    coordA,
    coordB,
    ta1,
    ta2,
    idle,
    ta3,
    model,
    agent,
    s1,
    s2,
    s3,
    s4,
    ties,
    late,
    g1,
    g2,
    g3,
    g4,
    p1,
    p2,
    p4,
    lateProblem,
    /** Both departments, for admin calls that must not see other tests' rows. */
    both: [deptA.id, deptB.id],
  };
}
