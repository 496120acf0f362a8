// The problems page (/problems): tabs, filters, sort and pages equal POST /system/problems, and
// resolving (optimistic, rolled back on error) reaches the list, the session page and the counts.
import type { Page } from "@playwright/test";
import type { ListProblemsRequest, ListProblemsResponse } from "@/lib/problems/schemas";
import type { ListSessionsResponse } from "@/lib/sessions/schemas";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createTa } from "@/prisma/factories/people.ts";
import { createSession } from "@/prisma/factories/sessions.ts";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { settle, trackRequests } from "./support/settle";

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

const tab = (page: Page, name: RegExp) => page.getByRole("navigation", { name: "Problem status" }).getByRole("link", { name });
const sortButton = (page: Page, name: RegExp) => page.locator("thead").getByRole("button", { name });

async function open(page: Page, path: string): Promise<void> {
  trackRequests(page);
  await page.goto(path);
  await settle(page);
}

/** Problem ids on screen, read from the status cell of each row. */
function screenIds(page: Page): Promise<string[]> {
  return page.locator("table tbody [data-problem-id]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-problem-id") ?? ""));
}

/** The rows equal the API's for the same request; a retry reloads, since other specs add problems. */
async function expectRowsMatchApi(page: Page, token: string, body: Partial<ListProblemsRequest>): Promise<ListProblemsResponse> {
  let answer: ListProblemsResponse | undefined;
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 2) await page.reload();
    answer = await api<ListProblemsResponse>(page.request, token, "/system/problems", body);
    expect(await screenIds(page)).toEqual(answer.items.map((item) => item.problem_id));
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
  return answer as ListProblemsResponse;
}

const created: { sessionIds: string[]; profileIds: string[] } = { sessionIds: [], profileIds: [] };

// Own rows are removed again, so the shared database's problem lists and TA lists do not fill up.
test.afterEach(async () => {
  const db = await e2eDb();
  await db.session.deleteMany({ where: { id: { in: created.sessionIds.splice(0) } } });
  await db.profile.deleteMany({ where: { id: { in: created.profileIds.splice(0) } } }).catch(() => undefined);
});

/** A TA, a session and one open problem of this test's own. */
async function ownProblem() {
  const db = await e2eDb();
  const ta = await createTa(db, { department_id: "dept-eng" });
  created.profileIds.push(ta.id);
  const { session } = await createSession(db, ta.id, { created_at: new Date(Date.now() - 7_200_000), ended_at: new Date(Date.now() - 3_600_000) });
  created.sessionIds.push(session.id);
  const problem = await createProblem(db, session.id, {
    kind: "ferpa_concern",
    severity: "high",
    description: `E2E problem ${session.id.slice(0, 8)}: a real student's name in the chat.`,
    created_at: new Date(Date.now() - 5_400_000),
  });
  return { ta, session, problem };
}

test("the tabs show the open, resolved and all problems of the API, with their counts", async ({ adminPage: page, admin }) => {
  await open(page, "/problems");
  await expect(tab(page, /^Open/)).toHaveAttribute("aria-current", "page");
  const open_ = await expectRowsMatchApi(page, admin.token, { resolved: false });
  await expect(page.getByTestId("count-open")).toHaveText(open_.total_count.toLocaleString("en-US"));
  const first = open_.items[0]!;
  const row = page.locator("table tbody tr").first();
  await expect(row.getByRole("link", { name: "Open session" })).toHaveAttribute("href", `/sessions/${first.session_id}`);
  await expect(row).toContainText(first.profile_name);
  await expect(row).toContainText(first.description);

  await tab(page, /^Resolved/).click();
  await expect(page).toHaveURL(/status=resolved/);
  const resolved = await expectRowsMatchApi(page, admin.token, { resolved: true });
  await expect(page.getByTestId("count-resolved")).toHaveText(resolved.total_count.toLocaleString("en-US"));
  const resolvedRow = page.locator("table tbody tr").first();
  await expect(resolvedRow).toContainText(`by ${resolved.items[0]!.resolved_by_name}`);

  await tab(page, /^All/).click();
  await expect(page).toHaveURL(/status=all/);
  await expectRowsMatchApi(page, admin.token, {});

  await page.goBack();
  await expect(page).toHaveURL(/status=resolved/);
  await expectRowsMatchApi(page, admin.token, { resolved: true });
  await page.goForward();
  await expect(page).toHaveURL(/status=all/);
});

test("filters and sorting change the URL and the rows", async ({ adminPage: page, admin }) => {
  await open(page, "/problems?status=all");
  await page.locator("summary", { hasText: "Severity" }).click();
  await page.getByRole("checkbox", { name: "Medium" }).check();
  await expect(page).toHaveURL(/severities=medium/);
  await expectRowsMatchApi(page, admin.token, { severities: ["medium"] });
  await page.keyboard.press("Escape");

  await page.locator("summary", { hasText: "Kind" }).click();
  await page.getByRole("checkbox", { name: "Technical error" }).check();
  await page.getByRole("checkbox", { name: "Hallucination" }).check();
  await expect(page).toHaveURL(/kinds=technical_error&kinds=hallucination/);
  await expectRowsMatchApi(page, admin.token, { severities: ["medium"], kinds: ["technical_error", "hallucination"] });
  await page.keyboard.press("Escape");

  await sortButton(page, /^TA/).click();
  await expect(page).toHaveURL(/sort_by=profile_name&sort_order=desc/);
  await expect(page.getByRole("columnheader", { name: /^TA/ })).toHaveAttribute("aria-sort", "descending");
  await expectRowsMatchApi(page, admin.token, {
    severities: ["medium"],
    kinds: ["technical_error", "hallucination"],
    sort_by: "profile_name",
    sort_order: "desc",
  });

  await open(page, "/problems?status=all");
  await sortButton(page, /^Severity/).click();
  await expect(page).toHaveURL(/sort_by=severity&sort_order=desc/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "severity", sort_order: "desc" });

  await page.locator("summary", { hasText: "Department" }).click();
  await page.getByRole("checkbox", { name: /^Biology/ }).check();
  await expect(page).toHaveURL(/department_ids=dept-bio/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "severity", sort_order: "desc", department_ids: ["dept-bio"] });
});

test("pagination reaches the last page, and back returns to the first", async ({ adminPage: page, admin }) => {
  await open(page, "/problems?status=all&sort_by=kind&sort_order=asc");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/page_size=10/);
  const first = await expectRowsMatchApi(page, admin.token, { sort_by: "kind", sort_order: "asc", page_size: 10 });
  expect(first.total_pages).toBeGreaterThan(1);
  await page.getByRole("button", { name: "Last page" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${first.total_pages}`));
  await expectRowsMatchApi(page, admin.token, { sort_by: "kind", sort_order: "asc", page_size: 10, page: first.total_pages });
  await page.goBack();
  await expect(page).not.toHaveURL(/page=\d/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "kind", sort_order: "asc", page_size: 10 });
});

test("resolving updates the list, the session page and the open-problem counts; re-opening undoes it", async ({ adminPage: page, admin }) => {
  const { ta, session, problem } = await ownProblem();
  const openCount = async () =>
    (await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", { profile_id: ta.id })).items[0]!.open_problem_count;
  expect(await openCount()).toBe(1);
  await open(page, `/sessions?profile_id=${ta.id}`);
  await expect(page.locator("table tbody tr").first()).toContainText("1 / 1");

  await open(page, `/problems?profile_id=${ta.id}`);
  await expect(page.getByTestId("count-open")).toHaveText("1");
  await page
    .locator(`[data-problem-id="${problem.id}"]`)
    .getByRole("button", { name: /^Resolve problem: E2E problem/ })
    .click();
  // The answer names who resolved it and when, even after the row has left the Open tab.
  await expect(page.getByRole("status").filter({ hasText: `— by ${admin.name} at ` })).toBeVisible();
  await expect(page.locator(`[data-problem-id="${problem.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId("count-open")).toHaveText("0");
  await expect(page.getByTestId("count-resolved")).toHaveText("1");
  await expect(page.getByText("No open problems match these filters.")).toBeVisible();

  await tab(page, /^All/).click();
  const cell = page.locator(`[data-problem-id="${problem.id}"]`);
  await expect(cell).toContainText("Resolved");
  await expect(cell).toContainText(`by ${admin.name}`);
  expect(await openCount()).toBe(0);

  await open(page, `/sessions?profile_id=${ta.id}`);
  await expect(page.locator("table tbody tr").first()).toContainText("0 / 1");
  await open(page, `/sessions/${session.id}`);
  await expect(page.locator(`[data-problem-id="${problem.id}"]`)).toContainText(`by ${admin.name}`);

  await open(page, `/problems?status=all&profile_id=${ta.id}`);
  await page.getByRole("button", { name: /^Re-open problem/ }).click();
  await expect(cell).toContainText("Open");
  await expect(page.getByTestId("count-open")).toHaveText("1");
  expect(await openCount()).toBe(1);
  const [item] = (await api<ListProblemsResponse>(page.request, admin.token, "/system/problems", { profile_id: ta.id })).items;
  expect(item).toMatchObject({ resolved: false, resolved_by_name: null, resolved_at: null });
});

test("a failed resolve shows the optimistic state, then rolls back with an error", async ({ adminPage: page }) => {
  const { ta, problem } = await ownProblem();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/activity/resolve", async (route) => {
    await held;
    await route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "Database unavailable." } }),
    });
  });
  await open(page, `/problems?profile_id=${ta.id}`);
  const cell = page.locator(`[data-problem-id="${problem.id}"]`);
  await expect(cell).toContainText("Open");
  await cell.getByRole("button", { name: /^Resolve problem/ }).click();
  await expect(cell).toContainText("Resolved");
  await expect(cell).toContainText("Saving…");
  release();
  await expect(cell.getByRole("alert")).toContainText("Could not resolve this problem: Database unavailable.");
  await expect(cell.locator("span").filter({ hasText: /^Open$/ })).toBeVisible();
  await expect(cell.getByRole("button", { name: /^Resolve problem/ })).toBeEnabled();
});

test("the problems page looks right and passes axe", async ({ adminPage: page }, testInfo) => {
  test.setTimeout(120_000);
  await open(page, "/problems?status=all");
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "problems");
});
