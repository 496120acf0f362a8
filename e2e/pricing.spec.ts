// The Pricing page: the groups table shows what POST /system/groups answers for the URL's filters and
// sort, sorting/paging/filtering live in the URL, the charts and price table follow /system/pricing.
import type { Page } from "@playwright/test";
import { formatMoney } from "@/lib/format/money";
import type { ListGroupsRequest, ListGroupsResponse, PricingResponse } from "@/lib/groups/schemas";
import { expect, test } from "./fixtures";
import { api } from "./support/api";
import { lookAtEveryTheme } from "./support/looks";

/** The group ids the table shows, top to bottom. */
function shownGroupIds(page: Page): Promise<Array<string | null>> {
  return page.locator("a[data-group-id]").evaluateAll((links) => links.map((link) => link.getAttribute("data-group-id")));
}

/** Waits until the table shows exactly the API's rows for `body`. */
async function expectRowsLike(page: Page, token: string, body: Partial<ListGroupsRequest>): Promise<ListGroupsResponse> {
  const expected = await api<ListGroupsResponse>(page.request, token, "/system/groups", body);
  await expect.poll(() => shownGroupIds(page), { timeout: 20_000 }).toEqual(expected.items.map((item) => item.group_id));
  return expected;
}

/**
 * Controls work once React has hydrated them, which trails the first paint (a lot, in development),
 * and each Suspense boundary hydrates on its own: wait for the ones the test is about to use.
 */
async function hydrated(page: Page, ...selectors: string[]): Promise<void> {
  await page.waitForFunction(
    (list) =>
      list.every((selector) => {
        const element = document.querySelector(selector);
        return !!element && Object.keys(element).some((key) => key.startsWith("__reactProps"));
      }),
    selectors,
    { timeout: 20_000 },
  );
}

const tableControls = 'nav[aria-label="Pagination"] select';
const filterControls = '[role="search"] select';

async function gotoReady(page: Page, url: string, ...selectors: string[]): Promise<void> {
  await page.goto(url);
  await hydrated(page, tableControls, ...selectors);
}

// Other specs create groups while these run (e2e users are in dept-cs, their rows are dated now):
// comparisons that must be exact look at the demo's dept-math groups up to two days ago.
const settledTo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const settled = { department_ids: ["dept-math"], date_to: settledTo };
const settledQuery = `department_ids=dept-math&date_to=${settledTo}`;
const fourMonthsAgo = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);

// The table pages of the demo data are compared with the API several times per test.
test.describe.configure({ timeout: 90_000 });
// The URL changes when the navigation commits, i.e. once the server has rendered the new page.
const navigation = { timeout: 20_000 };

test("the table matches /system/groups for the same filters and sort", async ({ adminPage: page, admin }) => {
  await gotoReady(page, `/pricing?${settledQuery}&sort_by=total_cost&sort_order=desc&page_size=10&date_from=${fourMonthsAgo}`);
  const expected = await expectRowsLike(page, admin.token, {
    ...settled,
    sort_by: "total_cost",
    sort_order: "desc",
    page_size: 10,
    date_from: fourMonthsAgo,
  });
  expect(expected.items.length).toBeGreaterThan(0);
  const rows = page.locator("tbody tr").filter({ has: page.locator("a[data-group-id]") });
  for (const [i, item] of expected.items.entries()) {
    const row = rows.nth(i);
    await expect(row).toContainText(item.group_name);
    await expect(row).toContainText(item.profile_name);
    await expect(row).toContainText(formatMoney(item.total_cost));
    for (const model of item.models) await expect(row).toContainText(model.name);
  }
  const table = page.getByRole("table", { name: /Generation groups/ });
  await expect(table.getByRole("columnheader", { name: /Cost/ })).toHaveAttribute("aria-sort", "descending");
});

test("sorting and paging change the URL and the rows, up to the last page", async ({ adminPage: page, admin }) => {
  await gotoReady(page, `/pricing?${settledQuery}&page_size=50`);
  await expectRowsLike(page, admin.token, { ...settled, page_size: 50 });

  await page.getByRole("button", { name: /^Runs/ }).click();
  await expect(page).toHaveURL(/sort_by=run_count/, navigation);
  await expect(page).toHaveURL(/sort_order=desc/, navigation);
  await expectRowsLike(page, admin.token, { ...settled, page_size: 50, sort_by: "run_count", sort_order: "desc" });

  await page.getByRole("button", { name: /^Runs/ }).click();
  await expect(page).toHaveURL(/sort_order=asc/, navigation);
  await expectRowsLike(page, admin.token, { ...settled, page_size: 50, sort_by: "run_count", sort_order: "asc" });

  await page.getByRole("button", { name: "Last page" }).click();
  const last = await api<ListGroupsResponse>(page.request, admin.token, "/system/groups", { ...settled, page_size: 50 });
  await expect(page).toHaveURL(new RegExp(`page=${last.total_pages}`), navigation);
  await expectRowsLike(page, admin.token, { ...settled, page: last.total_pages, page_size: 50, sort_by: "run_count", sort_order: "asc" });
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${last.total_count.toLocaleString("en-US")}`);

  // A new sort starts again at page 1.
  await page.getByRole("button", { name: /^Group/ }).click();
  await expect(page).toHaveURL(/sort_by=group_name/, navigation);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expectRowsLike(page, admin.token, { ...settled, page_size: 50, sort_by: "group_name", sort_order: "desc" });
});

test("the model and TA filters narrow the table through the URL", async ({ adminPage: page, admin }) => {
  const pricing = await api<PricingResponse>(page.request, admin.token, "/system/pricing", {});
  const model = pricing.models.find((item) => item.name === "gemini-flash") ?? pricing.models[0]!;
  await gotoReady(page, "/pricing", filterControls);

  await page.locator("summary", { hasText: "Model" }).click();
  await page.getByRole("checkbox", { name: model.name }).check();
  await expect(page).toHaveURL(new RegExp(`model_ids=${model.model_id}`), navigation);
  const byModel = await expectRowsLike(page, admin.token, { model_ids: [model.model_id] });
  await page.keyboard.press("Escape");

  const ta = byModel.items[0]!;
  await page.getByRole("search").locator("select").selectOption(ta.profile_id);
  await expect(page).toHaveURL(new RegExp(`profile_id=${ta.profile_id}`), navigation);
  await expectRowsLike(page, admin.token, { model_ids: [model.model_id], profile_id: ta.profile_id });
  const table = page.getByRole("table", { name: /Generation groups/ });
  for (const name of await table.locator("tbody tr td:nth-child(3)").allInnerTexts()) expect(name).toBe(ta.profile_name);

  await page.getByRole("link", { name: "Reset filters" }).click();
  await expect(page).toHaveURL(/\/pricing$/, navigation);
  // Unfiltered, the newest groups of other specs may come and go: check the filters are gone.
  await expect(page.getByRole("search").locator("select")).toHaveValue("");
  await expect(page.locator("a[data-group-id]")).toHaveCount(25);
});

test("the charts and the price table follow /system/pricing", async ({ adminPage: page, admin }) => {
  const pricing = await api<PricingResponse>(page.request, admin.token, "/system/pricing", settled);
  await gotoReady(page, `/pricing?${settledQuery}`);

  const byModel = page.getByRole("figure", { name: "Cost by model" });
  const byMonth = page.getByRole("figure", { name: "Cost by month" });
  await expect(byModel.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(byMonth.locator("svg.recharts-surface").first()).toBeVisible();
  // The figures' data tables (for screen readers) hold the API's exact amounts.
  for (const row of pricing.cost_by_model) {
    await expect(byModel.locator("table")).toContainText(`${row.name}${formatMoney(row.total_cost, { exact: true })}`);
  }
  const months = new Set(pricing.cost_by_month.map((row) => row.month));
  expect(await byMonth.locator("table tbody tr").count()).toBeGreaterThanOrEqual(months.size);

  // One current price per model with prices, equal to the latest that took effect.
  const prices = page.locator("section", { has: page.getByRole("heading", { name: "Model prices" }) });
  for (const model of pricing.models) {
    const current = [...model.prices].filter((price) => new Date(price.effective_from) <= new Date()).pop();
    if (!current) continue;
    const row = prices.locator(`tbody[data-model-id="${model.model_id}"] tr[data-status="current"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(formatMoney(current.input_per_million, { exact: true }));
    await expect(row).toContainText(formatMoney(current.output_per_million, { exact: true }));
  }
  // Every price of the history is listed (other specs may add models meanwhile: at least these).
  for (const model of pricing.models) {
    await expect(prices.locator(`tbody[data-model-id="${model.model_id}"] tr`)).toHaveCount(Math.max(1, model.prices.length));
  }
});

test("the pricing page looks right and passes axe", async ({ adminPage: page }, testInfo) => {
  // Four screenshots and two axe runs, each a full page load.
  test.setTimeout(180_000);
  await gotoReady(page, "/pricing");
  await expect(page.getByRole("figure", { name: "Cost by month" })).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "pricing");
});
