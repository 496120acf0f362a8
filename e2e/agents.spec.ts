// The Agents pages: the list shows what POST /system/agents answers for the URL's filters and sort,
// an agent's page shows its versions, usage and sessions as POST /system/agent answers them, and
// the links between agents, sessions and runs lead where they say.
import type { Page } from "@playwright/test";
import type { GetAgentResponse, ListAgentsRequest, ListAgentsResponse } from "@/lib/agents/schemas";
import { formatMoney } from "@/lib/format/money";
import type { ListSessionsResponse } from "@/lib/sessions/schemas";
import { expect, test } from "./fixtures";
import { api } from "./support/api";
import { lookAtEveryTheme } from "./support/looks";

// Other specs create runs while these run (their users are in dept-cs, their rows dated now): exact
// comparisons look at the demo's dept-math runs up to two days ago.
const settledTo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const settled = { department_ids: ["dept-math"], date_to: settledTo };
const settledQuery = `department_ids=dept-math&date_to=${settledTo}`;
const navigation = { timeout: 20_000 };
test.describe.configure({ timeout: 90_000 });

function shownAgentIds(page: Page): Promise<Array<string | null>> {
  return page.locator("a[data-agent-id]").evaluateAll((links) => links.map((link) => link.getAttribute("data-agent-id")));
}

async function expectRowsLike(page: Page, token: string, body: Partial<ListAgentsRequest>): Promise<ListAgentsResponse> {
  const expected = await api<ListAgentsResponse>(page.request, token, "/system/agents", body);
  await expect.poll(() => shownAgentIds(page), { timeout: 20_000 }).toEqual(expected.items.map((item) => item.agent_id));
  return expected;
}

async function hydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (css) => {
      const element = document.querySelector(css);
      return !!element && Object.keys(element).some((key) => key.startsWith("__reactProps"));
    },
    selector,
    { timeout: 20_000 },
  );
}

test("the agents table and chart match /system/agents, and sorting lives in the URL", async ({ adminPage: page, admin }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(`/agents?${settledQuery}`);
  await hydrated(page, 'nav[aria-label="Pagination"] select');
  const expected = await expectRowsLike(page, admin.token, settled);
  const rows = page.locator("tbody tr").filter({ has: page.locator("a[data-agent-id]") });
  for (const [i, item] of expected.items.entries()) {
    await expect(rows.nth(i)).toContainText(item.name);
    await expect(rows.nth(i)).toContainText(formatMoney(item.total_cost));
    await expect(rows.nth(i)).toContainText(item.run_count.toLocaleString("en-US"));
  }
  const top = expected.items[0]!;
  await expect(page.getByRole("figure", { name: "Cost by agent" })).toContainText(top.name);

  await page.getByRole("button", { name: /^Errors/ }).click();
  await expect(page).toHaveURL(/sort_by=error_rate/, navigation);
  await expectRowsLike(page, admin.token, { ...settled, sort_by: "error_rate", sort_order: "desc" });
  await lookAtEveryTheme(page, testInfo, "agents");
});

test("an agent's page shows its versions, usage and sessions, and links to its sessions", async ({ adminPage: page, admin }, testInfo) => {
  test.setTimeout(180_000);
  // Jordan trains dept-cs and dept-eng TAs; e2e users are in dept-cs but their rows are dated now.
  const jordanFilters = { department_ids: ["dept-cs"], date_to: settledTo };
  const jordanQuery = `department_ids=dept-cs&date_to=${settledTo}`;
  const list = await api<ListAgentsResponse>(page.request, admin.token, "/system/agents", jordanFilters);
  const jordan = list.items.find((item) => item.name.startsWith("Jordan"));
  expect(jordan, "the demo set has Jordan").toBeDefined();
  const detail = await api<GetAgentResponse>(page.request, admin.token, "/system/agent", {
    agent_id: jordan!.agent_id,
    ...jordanFilters,
    sessions: { page_size: 10, ...jordanFilters },
  });
  expect(jordan!.run_count).toBeGreaterThan(0);
  expect(detail.versions.map((version) => version.version)).toEqual([3, 2, 1]);

  await page.goto(`/agents?${jordanQuery}`);
  await hydrated(page, 'nav[aria-label="Pagination"] select');
  await page.locator(`a[data-agent-id="${jordan!.agent_id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${jordan!.agent_id}`), navigation);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(jordan!.name);
  // The same filters as the API call above, for exact numbers.
  await page.goto(`/agents/${jordan!.agent_id}?${jordanQuery}`);
  const versions = page.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem");
  await expect(versions).toHaveCount(3);
  await expect(versions.first()).toContainText("Version 3");
  await expect(versions.first()).toContainText(detail.versions[0]!.change_note!);
  await expect(page.locator("dt", { hasText: /^Runs$/ }).locator("..")).toContainText(jordan!.run_count.toLocaleString("en-US"));
  await expect(page.getByRole("figure", { name: /Runs per (day|month)/ })).toBeVisible();
  const shown = await page.locator("a[data-session-id]").evaluateAll((links) => links.map((link) => link.getAttribute("data-session-id")));
  expect(shown).toEqual(detail.sessions!.items.map((session) => session.session_id));
  await lookAtEveryTheme(page, testInfo, "agent");

  // The whole list of its sessions is the session history, filtered by the agent.
  await page.getByRole("link", { name: /sessions with this agent/ }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions\\?agent_id=${jordan!.agent_id}.*department_ids=dept-cs`), navigation);
  await expect(page.getByRole("group", { name: "Agent" })).toContainText(jordan!.name);
  // Other specs may add sessions meanwhile: the page and the API are read again until they agree.
  await expect
    .poll(
      async () => {
        const shownIds = await page.locator("a[data-session-id]").evaluateAll((links) => links.map((link) => link.getAttribute("data-session-id")));
        const sessions = await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", {
          agent_id: jordan!.agent_id,
          ...jordanFilters,
        });
        return JSON.stringify(shownIds) === JSON.stringify(sessions.items.map((session) => session.session_id)) && shownIds.length > 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  // A session names its agents, each a link back to the agent's page.
  await page.locator("a[data-session-id]").first().click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}/, navigation);
  await page.getByRole("link", { name: jordan!.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/agents/${jordan!.agent_id}`), navigation);
});
