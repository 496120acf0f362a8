// Who sees what, end to end in the browser: password sign-in through the form, department scope,
// a TA's own view, an admin's "View as" (read-only, audited), signing out, and a session cut off on
// the next click once the account is disabled or its access level changes.
import type { Page } from "@playwright/test";
import type { AccessLevel } from "@/lib/generated/prisma/enums";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createDepartment, createTa } from "@/prisma/factories/people.ts";
import { createSession } from "@/prisma/factories/sessions.ts";
import { expect as baseExpect, test } from "./fixtures";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { createUser, signInThroughApi, type E2eUser } from "./support/users";
import { settle } from "./support/settle";

// Generous: the first hit of a page compiles in development servers, and CI machines are small.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Two departments of this test's own, each with a TA and a finished session, one with an open problem. */
async function twoDepartments() {
  const db = await e2eDb();
  const [home, other] = [await createDepartment(db), await createDepartment(db)];
  const ta = await createTa(db, { department_id: home.id });
  const outsider = await createTa(db, { department_id: other.id });
  const hour = 3_600_000;
  const { session } = await createSession(db, ta.id, { created_at: new Date(Date.now() - 2 * hour), ended_at: new Date(Date.now() - hour) });
  const { session: outsiderSession } = await createSession(db, outsider.id, {
    created_at: new Date(Date.now() - 2 * hour),
    ended_at: new Date(Date.now() - hour),
  });
  const problem = await createProblem(db, session.id);
  return { home, other, ta, outsider, session, outsiderSession, problem };
}

async function signInWithForm(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // Hydrated, so the header's buttons (sign out, theme) react to clicks.
  await settle(page);
}

/**
 * The ids of the rows a person sees. Only visible ones: a streamed Suspense boundary can hold a
 * hidden copy of the table for a moment before React swaps it in (once seen under the full suite's
 * load: the TA's one row counted twice).
 */
function idsOnScreen(page: Page, selector: string, attribute: string): Promise<string[]> {
  return page.locator(`${selector}:visible`).evaluateAll((nodes, name) => nodes.map((node) => node.getAttribute(name) ?? ""), attribute);
}

async function activityRowIds(page: Page): Promise<string[]> {
  await page.goto("/activity");
  await expect(page.locator("table tbody tr[data-profile-id]").first()).toBeVisible();
  return idsOnScreen(page, "table tbody tr[data-profile-id]", "data-profile-id");
}

async function sessionRowIds(page: Page): Promise<string[]> {
  await page.goto("/sessions");
  await expect(page.locator("table tbody [data-session-id]").first()).toBeVisible();
  return idsOnScreen(page, "table tbody [data-session-id]", "data-session-id");
}

test("the sign-in page is accessible and looks right", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Glow Admin" })).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "login");
  await page.getByLabel("Email").fill("nobody@test.glow.example");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an active account." })).toBeVisible();
});

test("a coordinator signed in through the form sees only their department", async ({ page }) => {
  const world = await twoDepartments();
  const coordinator = await createUser("coordinator", { department_id: world.home.id });
  await signInWithForm(page, coordinator);
  await expect(page.getByRole("banner").getByText(coordinator.name)).toBeVisible();

  const db = await e2eDb();
  const homeProfiles = await db.profile.findMany({ where: { department_id: world.home.id }, select: { id: true, access_level: true } });
  const rows = await activityRowIds(page);
  // Every TA of the department is listed, and nobody from outside it.
  expect(rows).toEqual(expect.arrayContaining(homeProfiles.filter((p) => p.access_level === "ta").map((p) => p.id)));
  expect(homeProfiles.map((p) => p.id)).toEqual(expect.arrayContaining(rows));
  expect(rows).not.toContain(world.outsider.id);

  const homeSessions = await db.session.findMany({ where: { profile: { department_id: world.home.id } }, select: { id: true } });
  expect((await sessionRowIds(page)).sort()).toEqual(homeSessions.map((s) => s.id).sort());

  await page.goto(`/sessions/${world.outsiderSession.id}`);
  await expect(page.getByRole("heading", { name: "Session not found" })).toBeVisible();
  await page.goto(`/sessions/${world.session.id}`);
  await expect(page.getByRole("heading", { name: world.session.title ?? "Untitled session" })).toBeVisible();
  // Only admins may emulate.
  await expect(page.getByRole("button", { name: /View as/ })).toHaveCount(0);
});

test("a TA sees only their own sessions", async ({ page }) => {
  const world = await twoDepartments();
  const ta = await createUser("ta", { department_id: world.home.id });
  const db = await e2eDb();
  await createSession(db, ta.profile_id, { created_at: new Date(Date.now() - 600_000) });
  await signInWithForm(page, ta);

  const own = await db.session.findMany({ where: { profile_id: ta.profile_id }, select: { id: true } });
  expect(await sessionRowIds(page)).toEqual(own.map((s) => s.id));
  expect(await activityRowIds(page)).toEqual([ta.profile_id]);
  await page.goto(`/sessions/${world.session.id}`);
  await expect(page.getByRole("heading", { name: "Session not found" })).toBeVisible();
});

test("an admin views the dashboard as a TA, read-only and audited, then is admin again", async ({ adminPage: page, admin }, testInfo) => {
  const world = await twoDepartments();
  const db = await e2eDb();
  const taName = (await db.profile.findUniqueOrThrow({ where: { id: world.ta.id } })).name;

  // The session page offers it beside the TA's name too.
  await page.goto(`/sessions/${world.session.id}`);
  await expect(page.getByRole("button", { name: `View as ${taName}` })).toBeVisible();

  await page.goto(`/activity?department_ids=${world.home.id}`);
  const row = page.locator(`table tbody tr[data-profile-id="${world.ta.id}"]`);
  await row.getByRole("button", { name: `View as ${taName}` }).click();
  const dialog = page.getByRole("dialog", { name: `View the dashboard as ${taName}` });
  const reason = `e2e check ${Date.now()}`;
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: "Start viewing" }).click();

  const banner = page.getByRole("status").filter({ hasText: `Viewing as ${taName}` });
  await expect(banner).toBeVisible();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await lookAtEveryTheme(page, testInfo, "emulation-banner", { axe: false });

  // Exactly the TA's data.
  expect(await sessionRowIds(page)).toEqual([world.session.id]);
  await page.goto(`/sessions/${world.outsiderSession.id}`);
  await expect(page.getByRole("heading", { name: "Session not found" })).toBeVisible();
  await page.goto(`/sessions/${world.session.id}`);
  await expect(banner).toBeVisible();
  // The TA's view has no resolve button, and the API refuses the change all the same.
  await expect(page.getByRole("button", { name: /^Resolve problem/ })).toHaveCount(0);
  const refused = await page.evaluate(async (problem_id) => {
    const response = await fetch("/activity/resolve", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ problem_id, resolved: true }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
  }, world.problem.id);
  expect(refused.status).toBe(403);
  expect(refused.body.error?.code).toBe("forbidden");
  expect((await db.problem.findUniqueOrThrow({ where: { id: world.problem.id } })).resolved).toBe(false);

  await banner.getByRole("button", { name: "End emulation" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("banner").getByText(admin.name)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Resolve problem/ })).toBeVisible();

  const audit = await db.auditLog.findMany({ where: { actor_id: admin.profile_id }, orderBy: { created_at: "asc" } });
  expect(audit.find((entry) => entry.action === "emulation.start")).toMatchObject({ target_id: world.ta.id, details: { reason } });
  expect(audit).toContainEqual(expect.objectContaining({ action: "session.read", target_id: world.session.id, on_behalf_of_id: world.ta.id }));
  expect(audit.find((entry) => entry.action === "emulation.end")).toMatchObject({ on_behalf_of_id: world.ta.id });
});

test("signing out from the header ends the session", async ({ page }) => {
  const ta = await createUser("ta");
  await signInWithForm(page, ta);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsessions/);
});

test("signing out ends an emulation left running, so the next sign-in is the admin's own view", async ({ page }) => {
  const admin = await createUser("admin");
  const world = await twoDepartments();
  const db = await e2eDb();
  await signInWithForm(page, admin);
  const started = await page.evaluate(async (profile_id) => {
    const response = await fetch("/system/emulation/start", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ profile_id }),
    });
    return response.status;
  }, world.ta.id);
  expect(started).toBe(200);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Viewing as" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed_out/);
  await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
  await expect.poll(async () => db.emulation.count({ where: { admin_id: admin.profile_id, ended_at: null } })).toBe(0);
  const ended = await db.auditLog.findFirst({ where: { actor_id: admin.profile_id, action: "emulation.end" } });
  expect(ended).toMatchObject({ on_behalf_of_id: world.ta.id, details: { ended_by: "sign_out" } });

  // The emulation cookie is still in the browser; signing in again must not bring the TA's view back.
  await signInWithForm(page, admin);
  await expect(page.getByRole("banner").getByText(admin.name)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Viewing as" })).toHaveCount(0);
});

const cutOffs: { label: string; level: AccessLevel; change: Record<string, unknown> }[] = [
  { label: "disabled", level: "ta", change: { disabled_at: new Date() } },
  { label: "given another access level", level: "coordinator", change: { access_level: "ta" } },
];

for (const { label, level, change } of cutOffs) {
  test(`a signed-in user who is ${label} is out on their next click`, async ({ page }) => {
    const user: E2eUser = await createUser(level);
    await signInThroughApi(page.request, user);
    await page.goto("/sessions");
    await expect(page.getByRole("banner").getByText(user.name)).toBeVisible();

    // What the admin UI does: change the profile and bump auth_version in one write.
    const db = await e2eDb();
    await db.profile.update({ where: { id: user.profile_id }, data: { ...change, auth_version: { increment: 1 } } });
    await mainNav(page).getByRole("link", { name: "Problems" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in to Glow Admin" })).toBeVisible();
  });
}
