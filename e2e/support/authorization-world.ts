// The world the authorization matrix probes: two departments (the demo's dept-cs and another demo
// department), each with one TA who owns a session, a group with a run, messages and one upload of
// every kind, and an open problem; coordinators of both departments; two admins (one calls with a
// token and through the browser, the other is emulating TA A); a revoked token and a stale cookie.
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { mediaStore } from "@/lib/storage/media-store";
import type { MediaKind } from "@/lib/media/schemas";
import { uniqueToken } from "@/prisma/factories/ids.ts";
import { createAgent } from "@/prisma/factories/models.ts";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createGroupWithRuns, createSession } from "@/prisma/factories/sessions.ts";
import { createUpload } from "@/prisma/factories/uploads.ts";
import { e2eDb } from "./database";
import { sharedModel } from "./shared-model";
import { createUser, signInThroughApi, type E2eUser } from "./users";

/** Everything one department contributes: the objects the matrix asks about. */
export interface Side {
  department_id: string;
  ta: E2eUser;
  coordinator: E2eUser;
  /** A TA of the department that only the admin endpoints touch (updated, invited, its token revoked). */
  spare: E2eUser;
  spare_token_id: string;
  session_id: string;
  session_title: string;
  group_id: string;
  group_name: string;
  /** The agent of the side's runs (both sides share it: agents are not scoped, their usage is). */
  agent_id: string;
  problem_id: string;
  problem_description: string;
  uploads: Record<MediaKind, string>;
}

export interface AuthorizationWorld {
  A: Side;
  B: Side;
  admin: E2eUser;
  emulatingAdmin: E2eUser;
  revokedToken: string;
  /** Signed in as the admin through the browser's cookie, for endpoints that refuse tokens. */
  adminWeb: APIRequestContext;
  /** Emulating TA A: the admin's cookie plus the emulation cookie. */
  emulating: APIRequestContext;
  /** A browser whose sign-in was revoked (the profile's auth_version moved on). */
  staleWeb: APIRequestContext;
  /** Signed-in browsers for the pages. */
  web: { ta: APIRequestContext; coord_a: APIRequestContext; coord_b: APIRequestContext; admin: APIRequestContext };
  dispose(): Promise<void>;
}

type Playwright = PlaywrightWorkerArgs["playwright"];

const modelName = "e2e-authorization-model";

const uploadFiles: Record<Exclude<MediaKind, "text">, string> = {
  audio: "clip.wav",
  image: "picture.png",
  video: "clip.webm",
  file: "notes.pdf",
};

async function createSide(department_id: string, model_id: string, agent_id: string): Promise<Side> {
  const db = await e2eDb();
  const ta = await createUser("ta", { department_id });
  await db.profile.update({ where: { id: ta.profile_id }, data: { ta_role: "graduate_ta" } });
  const coordinator = await createUser("coordinator", { department_id });
  const spare = await createUser("ta", { department_id });
  const spareToken = await db.apiToken.findFirstOrThrow({ where: { profile_id: spare.profile_id } });
  const tag = uniqueToken();
  const session_title = `Authz session ${tag}`;
  const { session } = await createSession(db, ta.profile_id, { title: session_title });
  const store = mediaStore();
  const extra: Partial<Record<MediaKind, string>> = {};
  for (const [kind, name] of Object.entries(uploadFiles) as [Exclude<MediaKind, "text">, string][]) {
    const bytes = new TextEncoder().encode(`${kind} bytes for ${tag}`);
    extra[kind] = (await createUpload(db, store, bytes, { original_name: name, kind, profile_id: ta.profile_id })).id;
  }
  const group_name = `Authz group ${tag}`;
  const created = await createGroupWithRuns(db, store, {
    session,
    name: group_name,
    model_id,
    agent_id,
    runs: [{ messages: [{ role: "user", text: `Question ${tag}`, upload_ids: Object.values(extra) }] }],
  });
  const text = created.uploads.find((upload) => upload.kind === "text");
  if (!text) throw new Error("the message's text upload is missing");
  const problem_description = `Authz problem ${tag}`;
  const problem = await createProblem(db, session.id, { description: problem_description, severity: "high" });
  return {
    department_id,
    ta,
    coordinator,
    spare,
    spare_token_id: spareToken.id,
    session_id: session.id,
    session_title,
    group_id: created.group.id,
    group_name,
    agent_id,
    problem_id: problem.id,
    problem_description,
    uploads: { ...(extra as Record<Exclude<MediaKind, "text">, string>), text: text.id },
  };
}

async function signedIn(playwright: Playwright, baseURL: string, user: E2eUser): Promise<APIRequestContext> {
  // The Origin header is what a browser sends with a same-origin POST (the cookie check wants it).
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  await signInThroughApi(context, user);
  return context;
}

export async function createAuthorizationWorld(playwright: Playwright, baseURL: string): Promise<AuthorizationWorld> {
  const db = await e2eDb();
  // B is another department of the demo data, so both sides sit among real rows.
  const other = await db.department.findFirstOrThrow({
    where: { NOT: [{ id: "dept-cs" }, { id: { startsWith: "dept-test-" } }] },
    orderBy: { id: "asc" },
  });
  const model = await sharedModel(modelName);
  const agent = await createAgent(db);
  const A = await createSide("dept-cs", model.id, agent.id);
  const B = await createSide(other.id, model.id, agent.id);
  const admin = await createUser("admin");
  const emulatingAdmin = await createUser("admin");

  const revoked = await createUser("coordinator", { department_id: "dept-cs" });
  await db.apiToken.updateMany({ where: { profile_id: revoked.profile_id }, data: { revoked_at: new Date() } });

  const staleWeb = await signedIn(playwright, baseURL, revoked);
  await db.profile.update({ where: { id: revoked.profile_id }, data: { auth_version: { increment: 1 } } });

  const adminWeb = await signedIn(playwright, baseURL, admin);
  const emulating = await signedIn(playwright, baseURL, emulatingAdmin);
  await startEmulating(emulating, A.ta.profile_id);

  const web = {
    ta: await signedIn(playwright, baseURL, A.ta),
    coord_a: await signedIn(playwright, baseURL, A.coordinator),
    coord_b: await signedIn(playwright, baseURL, B.coordinator),
    admin: adminWeb,
  };
  const contexts = [staleWeb, adminWeb, emulating, web.ta, web.coord_a, web.coord_b];
  return {
    A,
    B,
    admin,
    emulatingAdmin,
    revokedToken: revoked.token,
    adminWeb,
    emulating,
    staleWeb,
    web,
    dispose: async () => {
      await Promise.all(contexts.map((context) => context.dispose()));
    },
  };
}

/** Starts (or restarts) the emulation of a TA from a signed-in admin's browser context. */
export async function startEmulating(context: APIRequestContext, profile_id: string): Promise<void> {
  const response = await context.post("/system/emulation/start", { data: { profile_id, reason: "Authorization matrix" } });
  if (response.status() !== 200) throw new Error(`emulation start answered ${response.status()}: ${await response.text()}`);
}
