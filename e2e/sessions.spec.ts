// The session history (/sessions): what it shows equals POST /system/sessions for the same filters,
// sort and page, and every control lives in the URL.
import type { Page } from "@playwright/test";
import { sessionStatusLabels } from "@/lib/format/labels";
import { formatMoney } from "@/lib/format/money";
import type { ListSessionsRequest, ListSessionsResponse } from "@/lib/sessions/schemas";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { lookAtEveryTheme } from "./support/looks";
import { settle, trackRequests } from "./support/settle";

// A navigation commits (and the URL changes) once the server has rendered the new view: give it time
// on a busy development server.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

/** Goes to a page and waits until React has hydrated it, so the first click is not lost. */
async function open(page: Page, path: string): Promise<void> {
  trackRequests(page);
  await page.goto(path);
  await settle(page);
}

interface ScreenRow {
  session_id: string;
  cost: string;
}

async function screenRows(page: Page): Promise<ScreenRow[]> {
  const headers = await page.locator("table thead th").allInnerTexts();
  const costColumn = headers.findIndex((text) => text.trim().startsWith("Cost"));
  return page.locator("table tbody tr").evaluateAll(
    (rows, column) =>
      rows.map((row) => ({
        session_id: row.querySelector("a[data-session-id]")?.getAttribute("data-session-id") ?? "",
        cost: column >= 0 ? (row.querySelectorAll("td")[column]?.textContent ?? "").trim() : "",
      })),
    costColumn,
  );
}

/**
 * The rows on screen equal the API's rows for the same request, retried while the page navigates.
 * Other specs add sessions to the same database at any moment, so a retry reloads the page to read
 * both sides at (nearly) the same instant; the URL, which is what is under test, stays as it is.
 */
async function expectRowsMatchApi(page: Page, token: string, body: Partial<ListSessionsRequest>): Promise<ListSessionsResponse> {
  let answer: ListSessionsResponse | undefined;
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 2) await page.reload();
    answer = await api<ListSessionsResponse>(page.request, token, "/system/sessions", body);
    const expected = answer.items.map((item) => ({ session_id: item.session_id, cost: formatMoney(item.total_cost) }));
    expect(await screenRows(page)).toEqual(expected);
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
  return answer as ListSessionsResponse;
}

test("the first page shows the API's sessions, newest first, with every column", async ({ adminPage: page, admin }) => {
  await open(page, "/sessions");
  await expect(page.getByRole("heading", { name: "Session history" })).toBeVisible();
  const answer = await expectRowsMatchApi(page, admin.token, {});
  await expect(page.getByRole("columnheader", { name: /Started/ })).toHaveAttribute("aria-sort", "descending");
  for (const header of [
    "TA",
    "Title",
    "Department",
    "Started",
    "Updated",
    "Status",
    "Groups",
    "Runs",
    "Chats",
    "Attempts",
    "Messages",
    "Failed runs",
    "Mean response",
    "Tokens",
    "Cost",
    "Problems",
  ]) {
    await expect(page.getByRole("columnheader", { name: new RegExp(`^${header}`) })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${answer.total_count.toLocaleString("en-US")}`);

  const first = answer.items[0]!;
  const firstRow = page.locator("table tbody tr").first();
  await expect(firstRow).toContainText(first.profile_name);
  await expect(firstRow.getByRole("link", { name: first.profile_name })).toHaveAttribute("href", `/sessions/${first.session_id}`);
  await expect(firstRow).toContainText(sessionStatusLabels[first.status].label);
  await expect(
    firstRow.locator(`span[title="${first.open_problem_count} open of ${first.problem_count} problem${first.problem_count === 1 ? "" : "s"}"]`),
  ).toBeVisible();
});

test("sorting by a column header changes the URL and the order", async ({ adminPage: page, admin }) => {
  // Mathematics only: $0 sessions other specs create meanwhile would lead the ascending order.
  await open(page, "/sessions?department_ids=dept-math");
  await page.locator("thead").getByRole("button", { name: /^Cost/ }).click();
  await expect(page).toHaveURL(/sort_by=total_cost&sort_order=desc/);
  await expect(page.getByRole("columnheader", { name: /^Cost/ })).toHaveAttribute("aria-sort", "descending");
  await expectRowsMatchApi(page, admin.token, { sort_by: "total_cost", sort_order: "desc", department_ids: ["dept-math"] });

  await page.locator("thead").getByRole("button", { name: /^Cost/ }).click();
  await expect(page).toHaveURL(/sort_by=total_cost&sort_order=asc/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "total_cost", sort_order: "asc", department_ids: ["dept-math"] });

  await page.locator("thead").getByRole("button", { name: /^TA/ }).click();
  await expect(page).toHaveURL(/sort_by=profile_name&sort_order=desc/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "profile_name", sort_order: "desc", department_ids: ["dept-math"] });
});

test("status, department, role and date filters change the URL and the rows", async ({ adminPage: page, admin }) => {
  await open(page, "/sessions");
  await page.locator("summary", { hasText: "Status" }).click();
  await page.getByRole("checkbox", { name: /^Completed/ }).check();
  await page.getByRole("checkbox", { name: /^Aborted/ }).check();
  await expect(page).toHaveURL(/status=completed&status=aborted/);
  await expectRowsMatchApi(page, admin.token, { status: ["completed", "aborted"] });
  for (const other of ["Active", "Idle", "Expired"]) await expect(page.locator("table tbody").getByText(other, { exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await page.getByRole("combobox", { name: "Failed runs", exact: true }).selectOption("with");
  await expect(page).toHaveURL(/failed_runs=with/);
  await expectRowsMatchApi(page, admin.token, { status: ["completed", "aborted"], has_failed_runs: true });
  await page.getByRole("combobox", { name: "Failed runs", exact: true }).selectOption("");
  await expect(page).not.toHaveURL(/failed_runs=/);

  await page.locator("summary", { hasText: "Department" }).click();
  await page.getByRole("checkbox", { name: /^Mathematics/ }).check();
  await expect(page).toHaveURL(/department_ids=dept-math/);
  await expectRowsMatchApi(page, admin.token, { status: ["completed", "aborted"], department_ids: ["dept-math"] });
  await page.keyboard.press("Escape");

  await page.locator("summary", { hasText: "Role" }).click();
  await page.getByRole("checkbox", { name: /^Head TA/ }).check();
  await expect(page).toHaveURL(/roles=head_ta/);
  await expectRowsMatchApi(page, admin.token, { status: ["completed", "aborted"], department_ids: ["dept-math"], roles: ["head_ta"] });
  await page.keyboard.press("Escape");

  const { analytics } = await api<{ analytics: { max_date: string } }>(page.request, admin.token, "/system/activity", {});
  const lastDay = analytics.max_date.slice(0, 10);
  const weekBefore = new Date(Date.parse(lastDay) - 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(weekBefore);
  await expect(page).toHaveURL(new RegExp(`date_from=${weekBefore}`));
  await page.getByLabel("To", { exact: true }).fill(lastDay);
  await expect(page).toHaveURL(new RegExp(`date_to=${lastDay}`));
  const filters = {
    status: ["completed" as const, "aborted" as const],
    department_ids: ["dept-math"],
    roles: ["head_ta" as const],
    date_from: weekBefore,
    date_to: lastDay,
  };
  await expectRowsMatchApi(page, admin.token, filters);
});

test("the TA filter sets profile_id, and back/forward restores the view", async ({ adminPage: page, admin }) => {
  const all = await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", { department_ids: ["dept-math"], page_size: 1 });
  const ta = all.items[0]!;
  await open(page, "/sessions?department_ids=dept-math");
  await page.getByRole("combobox", { name: "TA", exact: true }).selectOption(ta.profile_id);
  await expect(page).toHaveURL(new RegExp(`profile_id=${ta.profile_id}`));
  await expectRowsMatchApi(page, admin.token, { department_ids: ["dept-math"], profile_id: ta.profile_id });

  await page.goBack();
  await expect(page).not.toHaveURL(/profile_id=/);
  await expectRowsMatchApi(page, admin.token, { department_ids: ["dept-math"] });
  await expect(page.getByRole("combobox", { name: "TA", exact: true })).toHaveValue("");
  await page.goForward();
  await expect(page).toHaveURL(/profile_id=/);
  await expect(page.getByRole("combobox", { name: "TA", exact: true })).toHaveValue(ta.profile_id);
  await expectRowsMatchApi(page, admin.token, { department_ids: ["dept-math"], profile_id: ta.profile_id });
});

test("pagination reaches the last page with the page size chosen, and back returns to page 1", async ({ adminPage: page, admin }) => {
  // Mathematics only: sessions other specs create meanwhile (with TAs of their own) stay out of it.
  await open(page, "/sessions?sort_by=run_count&sort_order=asc&department_ids=dept-math");
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/page_size=50/);
  const first = await expectRowsMatchApi(page, admin.token, {
    sort_by: "run_count",
    sort_order: "asc",
    page_size: 50,
    department_ids: ["dept-math"],
  });
  expect(first.items).toHaveLength(50);

  await page.getByRole("button", { name: "Last page" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${first.total_pages}`));
  const last = await expectRowsMatchApi(page, admin.token, {
    sort_by: "run_count",
    sort_order: "asc",
    page_size: 50,
    department_ids: ["dept-math"],
    page: first.total_pages,
  });
  expect(last.items.length).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();

  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${first.total_pages - 1}`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`page=${first.total_pages}`));
  await expectRowsMatchApi(page, admin.token, {
    sort_by: "run_count",
    sort_order: "asc",
    page_size: 50,
    department_ids: ["dept-math"],
    page: first.total_pages,
  });
  await page.goBack();
  await expect(page).not.toHaveURL(/page=/);
  await expectRowsMatchApi(page, admin.token, { sort_by: "run_count", sort_order: "asc", page_size: 50, department_ids: ["dept-math"] });
});

test("hidden columns are kept in the URL", async ({ adminPage: page }) => {
  await open(page, "/sessions");
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Title" }).uncheck();
  await expect(page).toHaveURL(/hide=title/);
  await expect(page.getByRole("columnheader", { name: "Title" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Department" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Title" })).toHaveCount(0);
});

test("the export button downloads a ZIP of the filtered activity", async ({ adminPage: page, admin }) => {
  const { analytics } = await api<{ analytics: { max_date: string } }>(page.request, admin.token, "/system/activity", {});
  const day = analytics.max_date.slice(0, 10);
  await open(page, `/sessions?date_from=${day}&date_to=${day}&department_ids=dept-math`);
  const exportRequest = page.waitForRequest("**/system/export");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export (ZIP of CSV/JSONL)" }).click();
  expect((await exportRequest).postDataJSON()).toEqual({ date_from: day, date_to: day, department_ids: ["dept-math"] });
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^glow-export-.*\.zip$/);
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
});

test("an empty result says what to do", async ({ adminPage: page }) => {
  await page.goto("/sessions?date_from=2001-01-01&date_to=2001-01-02");
  await expect(page.getByText("No sessions match these filters.")).toBeVisible();
  await expect(page.getByRole("link", { name: "reset all filters" })).toHaveAttribute("href", "/sessions");
});

test("the session history looks right and passes axe", async ({ adminPage: page }, testInfo) => {
  test.setTimeout(120_000);
  await open(page, "/sessions");
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "sessions");
  // Tables scroll inside their container; the page itself never scrolls sideways.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
