// A small, fully known slice of training activity in a fresh department, for the dashboard and
// Activity specs: filtering by its department isolates it from the demo data and from other tests.
import { randomUUID } from "node:crypto";
import { mediaStore } from "@/lib/storage/media-store";
import { createAgent } from "@/prisma/factories/models.ts";
import { createDepartment, createGrant, createLogin, createTa } from "@/prisma/factories/people.ts";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions.ts";
import { e2eDb } from "./database";
import { sharedModel } from "./shared-model";

const day = 86_400_000;
const hour = 3_600_000;

/** `days` days and an hour ago: the extra hour keeps "today" sessions in the past. */
export const daysAgo = (days: number) => new Date(Date.now() - days * day - hour);

const modelName = "e2e-dashboard-model";

export type DashboardWorld = Awaited<ReturnType<typeof createDashboardWorld>>;

/**
 * Ada (head TA): sessions 1, 2 and 10 days ago (runs on the first, an open problem on the second),
 * two sign-ins and a grant. Ben (undergraduate TA): one session 60 days ago. Cyd (graduate TA):
 * joined 40 days ago and never trained.
 *
 * So: last 7 days = 2 sessions / 1 active TA / 2 logins (and Ada's failed one); 30 days = 3 / 1; 90 days = 4 / 2.
 */
export async function createDashboardWorld() {
  const db = await e2eDb();
  const tag = randomUUID().slice(0, 6);
  const department = await createDepartment(db, { name: `E2E Dashboard ${tag}` });
  const ada = await createTa(db, { department_id: department.id, ta_role: "head_ta", name: `Ada ${tag}`, created_at: daysAgo(100) });
  const ben = await createTa(db, { department_id: department.id, ta_role: "undergraduate_ta", name: `Ben ${tag}`, created_at: daysAgo(100) });
  const cyd = await createTa(db, { department_id: department.id, ta_role: "graduate_ta", name: `Cyd ${tag}`, created_at: daysAgo(40) });
  const model = await sharedModel(modelName);
  const agent = await createAgent(db);

  const recent = await createSession(db, ada.id, { created_at: daysAgo(1), ended_at: null });
  const flagged = await createSession(db, ada.id, { created_at: daysAgo(2), ended_at: daysAgo(2) });
  const older = await createSession(db, ada.id, { created_at: daysAgo(10), ended_at: daysAgo(10) });
  const oldest = await createSession(db, ben.id, { created_at: daysAgo(60), ended_at: daysAgo(60) });
  // Runs without messages write nothing to the media store.
  await createGroupWithRuns(db, mediaStore(), {
    session: recent.session,
    model_id: model.id,
    agent_id: agent.id,
    runs: [{ input_tokens: 12_000, cached_input_tokens: 2_000, output_tokens: 3_456, messages: [] }],
  });
  const problem = await createProblem(db, flagged.session.id, { kind: "hallucination", severity: "high", created_at: daysAgo(2) });
  await createLogin(db, ada, { created_at: daysAgo(1) });
  await createLogin(db, ada, { created_at: daysAgo(3), succeeded: false });
  await createLogin(db, ben, { created_at: daysAgo(1) });
  await createGrant(db, ada.id, { created_at: daysAgo(1) });

  return { department, ada, ben, cyd, model, sessions: { recent, flagged, older, oldest }, problem };
}
