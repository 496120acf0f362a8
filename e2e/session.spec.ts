// One session (/sessions/[id]): header, groups and timeline equal POST /system/session, the timeline
// is chronological, long timelines are cut, problems resolve in place, and unknown ids show a not-found page.
import type { Page } from "@playwright/test";
import { sessionStatusLabels } from "@/lib/format/labels";
import { formatMoney } from "@/lib/format/money";
import { formatDuration } from "@/lib/format/numbers";
import type { GetSessionResponse, ListSessionsResponse } from "@/lib/sessions/schemas";
import { createProblem } from "@/prisma/factories/problems.ts";
import { createTa } from "@/prisma/factories/people.ts";
import { createSession } from "@/prisma/factories/sessions.ts";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { createUser, signInThroughApi } from "./support/users";
import { settle, trackRequests } from "./support/settle";

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

async function open(page: Page, path: string): Promise<void> {
  trackRequests(page);
  await page.goto(path);
  await settle(page);
}

const created: { sessionIds: string[]; profileIds: string[] } = { sessionIds: [], profileIds: [] };

// Own rows are removed again, so the shared database's problem lists and TA lists do not fill up.
test.afterEach(async () => {
  const db = await e2eDb();
  await db.session.deleteMany({ where: { id: { in: created.sessionIds.splice(0) } } });
  await db.profile.deleteMany({ where: { id: { in: created.profileIds.splice(0) } } }).catch(() => undefined);
});

/** A session of its own (with a TA of its own), so nothing another spec reads is changed. */
async function ownSession({ problems: problemCount = 0, chats = 1 }: { problems?: number; chats?: number } = {}) {
  const db = await e2eDb();
  const ta = await createTa(db, { department_id: "dept-chem" });
  created.profileIds.push(ta.id);
  const started = new Date(Date.now() - 3_600_000);
  const { session } = await createSession(
    db,
    ta.id,
    { created_at: started, ended_at: new Date(started.getTime() + 1_200_000) },
    { chats: Array.from({ length: chats }, (_, i) => ({ name: `E2E chat ${i}` })) },
  );
  created.sessionIds.push(session.id);
  const problems = [];
  for (let i = 0; i < problemCount; i++) {
    problems.push(
      await createProblem(db, session.id, {
        kind: "hallucination",
        severity: "critical",
        description: `E2E session problem ${i} ${session.id.slice(0, 8)}`,
        created_at: new Date(started.getTime() + 60_000 + i * 1000),
      }),
    );
  }
  return { ta, session, problems };
}

test("the header, groups and timeline equal the API, in chronological order", async ({ adminPage: page, admin }) => {
  const busiest = await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", { sort_by: "run_count", page_size: 1 });
  const id = busiest.items[0]!.session_id;
  const detail = await api<GetSessionResponse>(page.request, admin.token, "/system/session", { session_id: id });
  await open(page, `/sessions/${id}`);

  await expect(page.getByRole("heading", { level: 1 })).toContainText(detail.title ?? "Untitled session");
  const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(header.getByRole("link", { name: detail.profile_name! })).toHaveAttribute("href", `/sessions?profile_id=${detail.profile_id}`);
  await expect(header).toContainText(detail.department_name ?? "No department");
  await expect(header.getByRole("heading", { level: 1 })).toContainText(sessionStatusLabels[detail.status!].label);
  const failed = detail.failed_run_count ? ` (${detail.failed_run_count} failed)` : "";
  await expect(header.locator("dd").nth(2)).toHaveText(`${detail.run_count}${failed}`);
  await expect(header.locator("dd").nth(3)).toHaveText(detail.avg_response_ms === null ? "—" : formatDuration(detail.avg_response_ms));
  await expect(header.locator("dd").nth(5)).toHaveText(formatMoney(detail.total_cost));
  // Demo sessions carry their course (and topics) as tags: shown as sent.
  expect(detail.tags.length).toBeGreaterThan(0);
  await expect(header.getByRole("list", { name: "Tags" }).getByRole("listitem")).toHaveText(detail.tags);

  const groupRows = page.getByRole("table", { name: "Generation groups of this session" }).locator("tbody tr");
  await expect(groupRows).toHaveCount(detail.groups.length);
  for (const [index, group] of detail.groups.entries()) {
    const row = groupRows.nth(index);
    await expect(row.getByRole("link", { name: group.group_name })).toHaveAttribute("href", `/groups/${group.group_id}`);
    await expect(row.locator("td").nth(3)).toHaveText(String(group.run_count));
    await expect(row.locator("td").nth(5)).toHaveText(formatMoney(group.total_cost));
  }

  const timeline = page.getByRole("list", { name: "Session timeline" });
  const items = timeline.locator(":scope > li");
  await expect(items).toHaveCount(Math.min(detail.timeline.length, 200));
  const types = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-event-type")));
  expect(types).toEqual(detail.timeline.slice(0, 200).map((event) => event.event_type));
  const times = await timeline.locator("time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
  expect(times).toEqual(detail.timeline.slice(0, 200).map((event) => event.created_at));
  expect([...times].sort()).toEqual(times);
  await expect(items.first()).toContainText("Session started");
  const finished = detail.timeline.find((event) => event.event_type === "run_finished" && event.extra_1);
  if (finished) await expect(timeline).toContainText(`Run finished on ${finished.extra_1}`);

  // A tag opens the session history filtered by it.
  const tag = detail.tags[0]!;
  await header.getByRole("link", { name: tag, exact: true }).click();
  await expect(page).toHaveURL(`/sessions?tags=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("group", { name: "Tags" }).getByRole("button", { name: `Remove tag ${tag}` })).toBeVisible();
  const tagged = await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", { tags: [tag] });
  expect(tagged.items.every((item) => item.tags.includes(tag))).toBe(true);
  await expect(page.locator("table tbody tr").first().getByRole("link").first()).toHaveAttribute("href", `/sessions/${tagged.items[0]!.session_id}`);
});

test("a long timeline shows 200 events until asked for all", async ({ adminPage: page, admin }) => {
  const { session } = await ownSession({ chats: 230 });
  const detail = await api<GetSessionResponse>(page.request, admin.token, "/system/session", { session_id: session.id });
  expect(detail.timeline.length).toBeGreaterThan(200);
  await open(page, `/sessions/${session.id}`);
  const items = page.getByRole("list", { name: "Session timeline" }).locator(":scope > li");
  await expect(items).toHaveCount(200);
  await page.getByRole("button", { name: `Show all ${detail.timeline.length} events` }).click();
  await expect(items).toHaveCount(detail.timeline.length);
  const times = await page
    .getByRole("list", { name: "Session timeline" })
    .locator("time")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
  expect(times).toEqual(detail.timeline.map((event) => event.created_at));
  expect([...times].sort()).toEqual(times);
});

test("resolving and re-opening a problem on the session page", async ({ adminPage: page, admin }) => {
  const { session, problems } = await ownSession({ problems: 1 });
  const problem = problems[0]!;
  await open(page, `/sessions/${session.id}`);
  await expect(page.getByRole("heading", { name: "Problems (1 open of 1)" })).toBeVisible();

  await page.getByRole("button", { name: `Resolve problem: ${problem.description}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Resolved “${problem.description}” — by ${admin.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Problems (0 open of 1)" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Session timeline" });
  await expect(timeline).toContainText(`Problem resolved by ${admin.name}`);
  const after = await api<GetSessionResponse>(page.request, admin.token, "/system/session", { session_id: session.id });
  expect(after.problems[0]).toMatchObject({ resolved: true, resolved_by_name: admin.name });

  await page.reload();
  await expect(page.locator(`[data-problem-id="${problem.id}"]`)).toContainText(`Resolved`);
  await expect(page.locator(`[data-problem-id="${problem.id}"]`)).toContainText(`by ${admin.name}`);

  await page.getByRole("button", { name: `Re-open problem: ${problem.description}` }).click();
  await expect(page.getByRole("heading", { name: "Problems (1 open of 1)" })).toBeVisible();
  await expect(timeline).not.toContainText("Problem resolved by");
});

test("export this session downloads its ZIP", async ({ adminPage: page }) => {
  const { session } = await ownSession();
  await open(page, `/sessions/${session.id}`);
  const exportRequest = page.waitForRequest("**/system/export");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export this session" }).click();
  expect((await exportRequest).postDataJSON()).toEqual({ target_session_id: session.id });
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
});

// A real 404, not a 200 with a not-found screen: nothing streams before the page knows the session.
test("an unknown, malformed or out-of-scope id is a not-found page", async ({ adminPage: page, browser }) => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    expect((await page.goto(`/sessions/${id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Session not found" })).toBeVisible();
  }

  // A coordinator of Computer Science cannot open a Chemistry TA's session.
  const { session } = await ownSession();
  const coordinator = await createUser("coordinator", { department_id: "dept-cs" });
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await signInThroughApi(other.request, coordinator);
    expect((await other.goto(`/sessions/${session.id}`))?.status()).toBe(404);
    await expect(other.getByRole("heading", { name: "Session not found" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the session page looks right and passes axe", async ({ adminPage: page, admin }, testInfo) => {
  test.setTimeout(120_000);
  // A demo session with groups, runs and problems: the richest page to look at (read only).
  const withProblems = await api<ListSessionsResponse>(page.request, admin.token, "/system/sessions", { sort_by: "problem_count", page_size: 1 });
  await open(page, `/sessions/${withProblems.items[0]!.session_id}`);
  await expect(page.getByRole("list", { name: "Session timeline" })).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "session");
});
