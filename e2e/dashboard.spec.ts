// The dashboard (/): KPI cards match POST /system/dashboard (and the counts it shares with
// /system/activity) for the same filters; the period and filters live in the URL and back/forward
// restore them; the charts render as named recharts surfaces; the newest open problems link to
// their sessions. Each test filters to its own fresh department, so parallel tests never interfere.
import type { Locator, Page } from "@playwright/test";
import type { ActivityResponse } from "@/lib/activity/schemas";
import { addDays, presetWindow, utcDay } from "@/lib/dashboard/period";
import type { DashboardResponse } from "@/lib/dashboard/schemas";
import { formatShortDay } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { formatCompact, formatInteger } from "@/lib/format/numbers";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { createDashboardWorld } from "./support/dashboard-world";
import { lookAtEveryTheme } from "./support/looks";

// A period change streams new numbers from the server; a dev server under load can take a while.
const expect = baseExpect.configure({ timeout: 15_000 });
/** Clicks until the URL matches: a click that lands before the page hydrates does nothing. */
async function clickUntilUrl(page: Page, target: Locator, url: RegExp): Promise<void> {
  await expect(async () => {
    await target.click();
    await expect(page).toHaveURL(url, { timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
}

const kpiValue = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] [data-kpi-value]`);
const chartNames = ["Sessions per day", "Active TAs per week", "Tokens per day by model", "Cost per day by model", "Cost by department"];

test("KPI cards, charts and open problems match the API for the same filters", async ({ adminPage: page, admin, request }) => {
  test.setTimeout(60_000); // several server round trips; a loaded dev server is slow
  const world = await createDashboardWorld();
  const body = { ...presetWindow("7d"), department_ids: [world.department.id] };
  await page.goto(`/?period=7d&department_ids=${world.department.id}`);

  const [dashboard, activity] = await Promise.all([
    api<DashboardResponse>(request, admin.token, "/system/dashboard", body),
    api<ActivityResponse>(request, admin.token, "/system/activity", body),
  ]);
  // The world is known, so the API itself is checked too, not only the screen against it.
  expect(dashboard.kpis.sessions).toEqual({ current: 2, previous: 1 });
  expect(dashboard.kpis.open_problems.current).toBe(1);
  expect([activity.sessions_count, activity.active_profiles_count, activity.logins_count, activity.failed_logins_count]).toEqual([2, 1, 2, 1]);

  const { kpis } = dashboard;
  await expect(kpiValue(page, "sessions")).toHaveText(formatInteger(activity.sessions_count));
  await expect(kpiValue(page, "active_tas")).toHaveText(formatInteger(activity.active_profiles_count));
  await expect(kpiValue(page, "logins")).toHaveText(formatInteger(activity.logins_count));
  await expect(kpiValue(page, "emulations")).toHaveText(formatInteger(activity.emulations_count));
  await expect(kpiValue(page, "tokens")).toHaveText(formatCompact(kpis.tokens.current));
  await expect(kpiValue(page, "tokens")).toHaveAttribute("title", formatInteger(kpis.tokens.current));
  await expect(kpiValue(page, "cost")).toHaveText(formatMoney(kpis.cost.current));
  await expect(kpiValue(page, "cost")).toHaveAttribute("title", formatMoney(kpis.cost.current, { exact: true }));
  await expect(kpiValue(page, "open_problems")).toHaveText(formatInteger(kpis.open_problems.current));
  // The change is told in arrow, sign and words, not by colour alone.
  const sessionsCard = page.locator('[data-kpi="sessions"]');
  await expect(sessionsCard.locator("[data-kpi-change]")).toHaveText("+100%");
  await expect(sessionsCard).toContainText("Up 100% from 1 in the previous period");

  for (const name of chartNames) await expect(page.getByRole("application", { name })).toBeVisible();
  // The screen-reader table of the sessions chart holds the API's day series.
  const sessionsTable = page.getByRole("table", { name: "Sessions per day" });
  await expect(sessionsTable.getByRole("row")).toHaveCount(dashboard.sessions_per_day.length + 1);
  await expect(page.getByRole("table", { name: "Cost by department" })).toContainText(formatMoney(kpis.cost.current, { exact: true }));
  await expect(page.getByRole("table", { name: "Tokens per day by model" })).toContainText(world.model.name);

  const problems = page.getByRole("list", { name: "Newest open problems" });
  await expect(problems.getByRole("listitem")).toHaveCount(dashboard.open_problems.length);
  const link = problems.locator(`[data-problem-id="${world.problem.id}"]`).getByRole("link");
  await expect(link).toHaveAttribute("href", `/sessions/${world.sessions.flagged.session.id}`);
});

test("the period lives in the URL; back and forward restore it", async ({ adminPage: page }) => {
  test.setTimeout(60_000); // several server round trips; a loaded dev server is slow
  const world = await createDashboardWorld();
  const sessions = kpiValue(page, "sessions");
  await page.goto(`/?department_ids=${world.department.id}`);
  await expect(page.getByRole("button", { name: "Last 30 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(sessions).toHaveText("3");

  await clickUntilUrl(page, page.getByRole("button", { name: "Last 7 days" }), /period=7d/);
  await expect(sessions).toHaveText("2");
  await clickUntilUrl(page, page.getByRole("button", { name: "Last 90 days" }), /period=90d/);
  await expect(sessions).toHaveText("4");
  await expect(kpiValue(page, "active_tas")).toHaveText("2");

  await page.goBack();
  await expect(page).toHaveURL(/period=7d/);
  await expect(sessions).toHaveText("2");
  await page.goBack();
  await expect(page).not.toHaveURL(/period=/);
  await expect(sessions).toHaveText("3");
  await page.goForward();
  await expect(page).toHaveURL(/period=7d/);
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(sessions).toHaveText("2");

  // A custom range starts from the window on screen and narrows with the date inputs.
  await clickUntilUrl(page, page.getByRole("button", { name: "Custom" }), /period=custom/);
  const fiveDaysAgo = addDays(utcDay(new Date()), -5);
  await page.getByLabel("From").fill(fiveDaysAgo);
  await expect(page).toHaveURL(new RegExp(`date_from=${fiveDaysAgo}`));
  await expect(sessions).toHaveText("2");
  await expect(page.locator("[data-window]")).toContainText(formatShortDay(fiveDaysAgo));
});

test("the department filter, ticked in its menu, narrows the numbers", async ({ adminPage: page }) => {
  test.setTimeout(60_000);
  const world = await createDashboardWorld();
  await page.goto("/?period=7d");
  const checkbox = page.getByLabel(world.department.name);
  // Until the page has hydrated, the menu's summary does not open it; try until it does.
  await expect(async () => {
    await page.locator("summary", { hasText: "Departments" }).click();
    await expect(checkbox).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await checkbox.check();
  await expect(page).toHaveURL(new RegExp(`department_ids=${world.department.id}`));
  await expect(kpiValue(page, "sessions")).toHaveText("2");
  await expect(kpiValue(page, "logins")).toHaveText("2");
});

test("looks right and passes axe in both themes", async ({ adminPage: page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/?period=30d");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  for (const name of chartNames) await expect(page.getByRole("application", { name })).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "dashboard");
});
