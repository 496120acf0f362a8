// Property-based scope tests: for generated callers (admins, coordinators of any subset of
// departments, TAs) and generated requests (pages, sorts, windows, department and profile filters,
// ids of rows in and out of scope mixed with random ones), the query functions behind the routes
// never return a row the caller may not see, and an out-of-scope id answers exactly like a missing one.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getActivity } from "@/lib/activity/queries";
import { activityRequestSchema } from "@/lib/activity/schemas";
import { buildWorld, type World } from "@/tests/activity-world";
import { ApiError } from "@/lib/api/errors";
import { getDashboard, getFollowUp } from "@/lib/dashboard/queries";
import { dashboardRequestSchema, followUpRequestSchema } from "@/lib/dashboard/schemas";
import { getGroup, listGroups } from "@/lib/groups/queries";
import { groupSortBy, listGroupsRequest } from "@/lib/groups/schemas";
import { downloadUpload } from "@/lib/media/download";
import { listProblems } from "@/lib/problems/queries";
import { listProblemsRequestSchema, problemSortKey } from "@/lib/problems/schemas";
import { getSessionDetail, listSessions } from "@/lib/sessions/queries";
import { listSessionsRequestSchema, sessionSortKey } from "@/lib/sessions/schemas";
import { db } from "@/tests/api-helpers";
import type { Actor } from "./actor";

// A fixed seed keeps CI reproducible; a failure prints its counterexample and the path to replay it.
const runs = { numRuns: 40, seed: 20_261_122 };

type Kind = "session" | "group" | "problem" | "upload";

let w: World;
/** The owning TA of every session, group, problem and upload of the world. */
const owners: Record<Kind, Map<string, string>> = { session: new Map(), group: new Map(), problem: new Map(), upload: new Map() };
/** Home department of every profile of the world. */
const departmentOf = new Map<string, string | null>();
let tas: string[] = [];

beforeAll(async () => {
  w = await buildWorld();
  tas = [w.ta1, w.ta2, w.idle, w.ta3].map((ta) => ta.profile_id);
  const profiles = await db().profile.findMany({ where: { department_id: { in: w.both } }, select: { id: true, department_id: true } });
  for (const profile of profiles) departmentOf.set(profile.id, profile.department_id);
  const sessions = await db().session.findMany({ where: { profile_id: { in: [...departmentOf.keys()] } }, select: { id: true, profile_id: true } });
  for (const session of sessions) owners.session.set(session.id, session.profile_id);
  const inWorld = { in: [...owners.session.keys()] };
  for (const group of await db().group.findMany({ where: { session_id: inWorld }, select: { id: true, session_id: true } })) {
    owners.group.set(group.id, owners.session.get(group.session_id) ?? "");
  }
  for (const problem of await db().problem.findMany({ where: { session_id: inWorld }, select: { id: true, session_id: true } })) {
    owners.problem.set(problem.id, owners.session.get(problem.session_id) ?? "");
  }
  const links = await db().messageUpload.findMany({
    where: { message: { run: { group: { session_id: inWorld } } } },
    select: { upload_id: true, message: { select: { run: { select: { group_id: true } } } } },
  });
  for (const link of links) owners.upload.set(link.upload_id, owners.group.get(link.message.run.group_id) ?? "");
}, 120_000);

// ---- Generated callers ---------------------------------------------------------------------

type ActorSpec = { level: "admin" } | { level: "coordinator"; departments: string[] } | { level: "ta"; who: number };

const actorSpec: fc.Arbitrary<ActorSpec> = fc.oneof(
  fc.constant<ActorSpec>({ level: "admin" }),
  fc.subarray(["A", "B", "dept-elsewhere"]).map((departments): ActorSpec => ({ level: "coordinator", departments })),
  fc.integer({ min: 0, max: 3 }).map((who): ActorSpec => ({ level: "ta", who })),
);

const department = (name: string) => (name === "A" ? w.deptA.id : name === "B" ? w.deptB.id : name);

function actorOf(spec: ActorSpec): Actor {
  const base = { name: "Property caller", email: "property@test.glow.example", token_id: null };
  if (spec.level === "admin") return { ...base, profile_id: w.admin.profile_id, access_level: "admin", department_ids: [] };
  if (spec.level === "coordinator") {
    return { ...base, profile_id: w.coordA.profile_id, access_level: "coordinator", department_ids: spec.departments.map(department) };
  }
  return { ...base, profile_id: tas[spec.who] ?? "", access_level: "ta", department_ids: [] };
}

/** The access rule, written here independently of lib/auth/scope.ts. */
function maySee(actor: Actor, owner: string | undefined): boolean {
  if (!owner) return false;
  if (actor.access_level === "admin") return true;
  if (actor.access_level === "ta") return owner === actor.profile_id;
  const home = departmentOf.get(owner);
  return home != null && actor.department_ids.includes(home);
}

/** Every row returned is one the caller may see (rows of other test files only reach admins). */
function expectInScope(actor: Actor, kind: Kind, ids: readonly string[]): void {
  for (const id of ids) {
    const allowed = owners[kind].has(id) ? maySee(actor, owners[kind].get(id)) : actor.access_level === "admin";
    expect(allowed, `${actor.access_level} [${actor.department_ids.join(", ")}] ${actor.profile_id} was given ${kind} ${id}`).toBe(true);
  }
}

// ---- Generated requests --------------------------------------------------------------------

const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2024, 1, 1) + n * 86_400_000).toISOString().slice(0, 10));
const dateWindow = fc.option(
  fc.tuple(day, day).map(([a, b]) => (a <= b ? { date_from: a, date_to: b } : { date_from: b, date_to: a })),
  { nil: undefined },
);
const departmentFilter = fc.option(fc.subarray(["A", "B", "dept-cs", "no-such-department"], { minLength: 1 }), { nil: undefined });
/** A TA of the world (in or out of the caller's scope) or a random id. */
const profileFilter = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 3 }).map((i) => `ta:${i}`),
    fc.uuid(),
  ),
  { nil: undefined },
);

interface Filters {
  window?: { date_from: string; date_to: string };
  departments?: string[];
  profile?: string;
  page: number;
  page_size: number;
  sort_order: "asc" | "desc";
}

const filters: fc.Arbitrary<Filters> = fc.record({
  window: dateWindow,
  departments: departmentFilter,
  profile: profileFilter,
  page: fc.integer({ min: 1, max: 3 }),
  page_size: fc.integer({ min: 1, max: 30 }),
  sort_order: fc.constantFrom("asc" as const, "desc" as const),
});

/** The activity filters of a generated request (no paging, no profile). */
function activityBody(f: Filters): Record<string, unknown> {
  return { ...f.window, ...(f.departments ? { department_ids: f.departments.map(department) } : {}) };
}

/** A list request: the activity filters plus paging and a profile filter. */
function listBody(f: Filters, sort_by: string): Record<string, unknown> {
  const profile = f.profile?.startsWith("ta:") ? tas[Number(f.profile.slice(3))] : f.profile;
  return { ...activityBody(f), page: f.page, page_size: f.page_size, sort_order: f.sort_order, sort_by, ...(profile ? { profile_id: profile } : {}) };
}

/** A world row of the kind (in or out of the caller's scope) or a random uuid. */
const idOf = (kind: Kind) => fc.oneof(fc.constantFrom(...owners[kind].keys()), fc.uuid());

// ---- Properties ----------------------------------------------------------------------------

describe("generated callers and requests never reach rows outside their scope", () => {
  it("lists: sessions, groups and problems", async () => {
    await fc.assert(
      fc.asyncProperty(
        actorSpec,
        filters,
        fc.constantFrom(...sessionSortKey.options),
        fc.constantFrom(...groupSortBy.options),
        fc.constantFrom(...problemSortKey.options),
        async (spec, f, sessionSort, groupSort, problemSort) => {
          const actor = actorOf(spec);
          const sessions = await listSessions(actor, listSessionsRequestSchema.parse(listBody(f, sessionSort)));
          expectInScope(
            actor,
            "session",
            sessions.items.map((item) => item.session_id),
          );
          const groups = await listGroups(actor, listGroupsRequest.parse(listBody(f, groupSort)));
          expectInScope(
            actor,
            "group",
            groups.items.map((item) => item.group_id),
          );
          const problems = await listProblems(actor, listProblemsRequestSchema.parse(listBody(f, problemSort)));
          expectInScope(
            actor,
            "problem",
            problems.items.map((item) => item.problem_id),
          );
          // Counts are scoped too: never more rows than the caller may see of the world, plus other files' for admins.
          if (actor.access_level !== "admin") {
            const visible = (kind: Kind) => [...owners[kind].values()].filter((owner) => maySee(actor, owner)).length;
            expect(sessions.total_count).toBeLessThanOrEqual(visible("session"));
            expect(groups.total_count).toBeLessThanOrEqual(visible("group"));
            expect(problems.total_count).toBeLessThanOrEqual(visible("problem"));
          }
        },
      ),
      runs,
    );
  });

  it("summaries: activity, dashboard and follow-up name only profiles in scope", async () => {
    await fc.assert(
      fc.asyncProperty(actorSpec, filters, fc.constantFrom(7, 14, 30), async (spec, f, idle_days) => {
        const actor = actorOf(spec);
        const inScope = (profileId: string) =>
          actor.access_level === "admin" ||
          (departmentOf.has(profileId) ? maySee(actor, profileId) : profileId === actor.profile_id && actor.access_level === "ta");
        const activity = await getActivity(actor, activityRequestSchema.parse(activityBody(f)));
        for (const row of activity.profile_summary) expect(inScope(row.profile_id), `activity row ${row.profile_id}`).toBe(true);
        for (const id of Object.keys(activity.resources)) expect(inScope(id), `activity resource ${id}`).toBe(true);
        // The dashboard's window may span at most 731 days and defaults to "up to today": keep ours whole.
        const dashboardRequest = dashboardRequestSchema.safeParse(activityBody(f));
        const dashboard = await getDashboard(actor, dashboardRequest.success ? dashboardRequest.data : dashboardRequestSchema.parse({}));
        expectInScope(
          actor,
          "problem",
          dashboard.open_problems.map((problem) => problem.problem_id),
        );
        const followUp = await getFollowUp(actor, followUpRequestSchema.parse({ department_ids: activityBody(f).department_ids, idle_days }));
        for (const item of followUp.items) expect(inScope(item.profile_id), `follow-up ${item.profile_id}`).toBe(true);
      }),
      runs,
    );
  });

  it("a session or group out of scope answers exactly like a random id", async () => {
    await fc.assert(
      fc.asyncProperty(actorSpec, idOf("session"), idOf("group"), fc.boolean(), async (spec, sessionId, groupId, include_detail) => {
        const actor = actorOf(spec);
        const session = await getSessionDetail(actor, { session_id: sessionId });
        expect(session.session_exists).toBe(maySee(actor, owners.session.get(sessionId)));
        const group = await getGroup(actor, { group_id: groupId, include_detail, message_limit: 50, message_offset: 0 });
        expect(group.group_exists).toBe(maySee(actor, owners.group.get(groupId)));
        if (!session.session_exists) {
          const missing = randomUUID();
          expect({ ...session, session_id: missing }).toEqual(await getSessionDetail(actor, { session_id: missing }));
        }
        if (!group.group_exists) {
          const missing = randomUUID();
          expect({ ...group, group_id: missing }).toEqual(
            await getGroup(actor, { group_id: missing, include_detail, message_limit: 50, message_offset: 0 }),
          );
        }
      }),
      runs,
    );
  });

  it("an upload out of scope answers exactly like a random id (404 with the same message)", async () => {
    await fc.assert(
      fc.asyncProperty(actorSpec, idOf("upload"), async (spec, uploadId) => {
        const actor = actorOf(spec);
        const answer = await download(actor, uploadId);
        const visible = maySee(actor, owners.upload.get(uploadId));
        expect(answer.status).toBe(visible ? 200 : 404);
        if (!visible) {
          const missing = randomUUID();
          const other = await download(actor, missing);
          expect({ status: other.status, message: other.message.replace(missing, "<id>") }).toEqual({
            status: answer.status,
            message: answer.message.replace(uploadId, "<id>"),
          });
        }
      }),
      runs,
    );
  });
});

/** The world's uploads are message texts, so the text download is the one that can find them. */
async function download(actor: Actor, uploadId: string): Promise<{ status: number; message: string }> {
  try {
    const response = await downloadUpload(actor, "text", uploadId, new Request("http://glow.test/system/text_download", { method: "POST" }));
    await response.body?.cancel();
    return { status: response.status, message: "" };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
}
