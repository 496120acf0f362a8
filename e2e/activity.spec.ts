// The Activity page: summary counts and the per-profile table match POST /system/activity for the
// same filters; sort and filters live in the URL and back/forward restore them; the follow-up view
// lists TAs with the reason in words and matches POST /system/follow_up. Each test filters to its
// own fresh department (e2e/support/dashboard-world.ts), so parallel tests never interfere.
import type { Locator, Page } from "@playwright/test";
import type { ActivityResponse } from "@/lib/activity/schemas";
import type { FollowUpResponse } from "@/lib/dashboard/schemas";
import { formatInteger } from "@/lib/format/numbers";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { createDashboardWorld, type DashboardWorld } from "./support/dashboard-world";
import { lookAtEveryTheme } from "./support/looks";

// Filters stream new rows from the server; a dev server under load can take a while.
const expect = baseExpect.configure({ timeout: 15_000 });

const table = (page: Page) => page.getByRole("table", { name: /Activity per profile/ });
const names = (page: Page) => table(page).locator("tbody tr td:first-child").allTextContents();
const summary = (page: Page, label: string): Locator => page.locator(`[data-summary="${label}"] [data-summary-value]`);

/** The text of each cell of a profile's row, as the screen shows it. */
async function rowCells(page: Page, profileId: string): Promise<string[]> {
  return table(page).locator(`tr[data-profile-id="${profileId}"] td`).allInnerTexts();
}

test("summary and table match /system/activity for the same filters", async ({ adminPage: page, admin, request }) => {
  test.setTimeout(60_000); // several server round trips; a loaded dev server is slow
  const world = await createDashboardWorld();
  const body = { date_from: "2020-01-01", date_to: "2030-12-31", department_ids: [world.department.id] };
  await page.goto(`/activity?date_from=${body.date_from}&date_to=${body.date_to}&department_ids=${world.department.id}`);
  const res = await api<ActivityResponse>(request, admin.token, "/system/activity", body);
  expect(res.sessions_count).toBe(4);

  await expect(summary(page, "Sessions")).toHaveText(formatInteger(res.sessions_count));
  await expect(summary(page, "Active profiles")).toHaveText(formatInteger(res.active_profiles_count));
  // Ada's failed sign-in is counted apart from the logins.
  expect([res.logins_count, res.failed_logins_count]).toEqual([2, 1]);
  await expect(summary(page, "Logins")).toHaveText(formatInteger(res.logins_count));
  await expect(summary(page, "Failed logins")).toHaveText(formatInteger(res.failed_logins_count));
  await expect(summary(page, "Emulations")).toHaveText(formatInteger(res.emulations_count));

  // The default order is the API's (activity, then name), and every count agrees.
  await expect(table(page).locator("tbody tr")).toHaveCount(res.profile_summary.length);
  expect(await names(page)).toEqual(res.profile_summary.map((p) => p.profile_name));
  for (const p of res.profile_summary) {
    const resource = res.resources[p.profile_id];
    // The admin's last column holds the TA's "View as" button, not a figure.
    const cells = await rowCells(page, p.profile_id);
    expect(cells.at(-1)).toContain("View as");
    expect(cells.slice(0, -1)).toEqual([
      p.profile_name,
      resource?.department_name ?? "—",
      { head_ta: "Head TA", graduate_ta: "Graduate TA", undergraduate_ta: "Undergraduate TA" }[resource?.ta_role ?? "graduate_ta"],
      ...[p.sessions_count, p.logins_count, p.failed_logins_count, p.grants_count, p.problems_count, p.activity_count].map(formatInteger),
    ]);
  }
  // A name leads to that person's sessions over the same days.
  await expect(table(page).getByRole("link", { name: world.ada.name })).toHaveAttribute(
    "href",
    `/sessions?profile_id=${world.ada.id}&date_from=${body.date_from}&date_to=${body.date_to}`,
  );
});

test("sort and filters change the URL and the rows; back and forward restore them", async ({ adminPage: page }) => {
  test.setTimeout(60_000); // several server round trips; a loaded dev server is slow
  const world = await createDashboardWorld();
  await page.goto(`/activity?department_ids=${world.department.id}`);
  await expect(table(page).locator("tbody tr")).toHaveCount(3);
  // Ada has the most activity, Cyd none.
  expect(await names(page)).toEqual([world.ada.name, world.ben.name, world.cyd.name]);

  // The first click may land before hydration; the sort is pushed at once, so retry until the URL shows it.
  await expect(async () => {
    await table(page).getByRole("button", { name: "Name" }).click();
    await expect(page).toHaveURL(/sort_by=profile_name&sort_order=desc/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => names(page)).toEqual([world.cyd.name, world.ben.name, world.ada.name]);
  await expect(table(page).getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await table(page).getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort_order=asc/);
  await expect.poll(() => names(page)).toEqual([world.ada.name, world.ben.name, world.cyd.name]);

  await page.goBack();
  await expect(page).toHaveURL(/sort_order=desc/);
  await expect.poll(() => names(page)).toEqual([world.cyd.name, world.ben.name, world.ada.name]);
  await page.goForward();
  await expect.poll(() => names(page)).toEqual([world.ada.name, world.ben.name, world.cyd.name]);

  // A role filter, ticked in its menu, narrows the rows and keeps the sort.
  await page.locator("summary", { hasText: "Roles" }).click();
  await page.getByLabel("Undergraduate TA").check();
  await expect(page).toHaveURL(/roles=undergraduate_ta/);
  await expect(page).toHaveURL(/sort_by=profile_name/);
  await expect.poll(() => names(page)).toEqual([world.ben.name]);
  await page.goBack();
  await expect.poll(() => names(page)).toEqual([world.ada.name, world.ben.name, world.cyd.name]);

  // A reload of a shared URL gives the same view.
  await page.goto(`/activity?department_ids=${world.department.id}&sort_by=sessions_count&sort_order=asc`);
  await expect.poll(() => names(page)).toEqual([world.cyd.name, world.ben.name, world.ada.name]);
});

async function followUpRow(page: Page, world: DashboardWorld, name: "ada" | "ben" | "cyd"): Promise<Locator> {
  return page.locator(`tr[data-profile-id="${world[name].id}"]`);
}

test("the follow-up view lists TAs with the reason, as /system/follow_up does", async ({ adminPage: page, admin, request }) => {
  test.setTimeout(60_000); // several server round trips; a loaded dev server is slow
  const world = await createDashboardWorld();
  await page.goto(`/activity?department_ids=${world.department.id}`);
  await page.getByRole("link", { name: "Who needs follow-up" }).click();
  await expect(page).toHaveURL(/view=follow_up/);
  await expect(page.getByRole("link", { name: "Who needs follow-up" })).toHaveAttribute("aria-current", "page");

  // 14 days (the default): Ada has an open problem; Ben last trained 60 days ago; Cyd joined 40 days ago and never trained.
  await expect(await followUpRow(page, world, "ada")).toContainText("1 open problem");
  await expect(await followUpRow(page, world, "ben")).toContainText("No session for 60 days");
  await expect(await followUpRow(page, world, "cyd")).toContainText("No session yet (joined 40 days ago)");
  const api14 = await api<FollowUpResponse>(request, admin.token, "/system/follow_up", { department_ids: [world.department.id], idle_days: 14 });
  await expect(page.locator("tbody tr")).toHaveCount(api14.items.length);
  await expect((await followUpRow(page, world, "ada")).getByRole("link")).toHaveAttribute("href", `/sessions?profile_id=${world.ada.id}`);

  // 30 days still catches Ben and Cyd; choosing it changes the URL.
  await page.getByLabel("No session in").selectOption("30");
  await expect(page).toHaveURL(/idle_days=30/);
  await expect(await followUpRow(page, world, "cyd")).toContainText("joined 40 days ago");
  const api30 = await api<FollowUpResponse>(request, admin.token, "/system/follow_up", { department_ids: [world.department.id], idle_days: 30 });
  expect(api30.items.map((i) => i.profile_id)).toEqual([world.ada.id, world.ben.id, world.cyd.id]);
  await expect(page.locator("tbody tr")).toHaveCount(3);

  // Resolving Ada's problem takes her off the list (she trained yesterday).
  const resolved = await request.post("/activity/resolve", {
    data: { problem_id: world.problem.id, resolved: true },
    headers: { Authorization: `Bearer ${admin.token}` },
  });
  expect(resolved.ok()).toBe(true);
  await page.reload();
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(await followUpRow(page, world, "ada")).toHaveCount(0);
});

for (const [view, url, heading] of [
  // TAs only: every e2e run adds admins with sign-ins to the shared database, and they would drown the view.
  ["profiles", "/activity?roles=head_ta&roles=graduate_ta&roles=undergraduate_ta", /Activity per profile/],
  ["follow-up", "/activity?view=follow_up", /need follow-up/],
] as const) {
  test(`the ${view} view looks right and passes axe in both themes`, async ({ adminPage: page }, testInfo) => {
    test.setTimeout(120_000);
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: heading }).locator("tbody tr").first()).toBeVisible();
    await lookAtEveryTheme(page, testInfo, `activity-${view}`);
  });
}
