// The audit log page (/settings/audit): filters in the URL narrow the table to the API's rows, and
// a TA's access history downloads as a CSV holding who read their session and their sign-ins.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { ListAuditResponse } from "@/lib/audit/schemas";
import { createLogin, createTa } from "@/prisma/factories/people.ts";
import { createSession } from "@/prisma/factories/sessions.ts";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { createUser } from "./support/users";

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const sessionIds: string[] = [];
test.afterAll(async () => {
  const db = await e2eDb();
  await db.session.deleteMany({ where: { id: { in: sessionIds } } });
});

/** A TA with a session that a coordinator of their department has opened through the API. */
async function readSession() {
  const db = await e2eDb();
  const ta = await createTa(db, { department_id: "dept-cs" });
  const { session } = await createSession(db, ta.id);
  sessionIds.push(session.id);
  const coordinator = await createUser("coordinator", { department_id: "dept-cs" });
  await createLogin(db, ta, { user_agent: "=cmd|' /C calc'!A0" });
  return { db, ta, session, coordinator };
}

test("filters narrow the log to the API's rows, with links to the targets", async ({ adminPage: page, admin, request }, testInfo) => {
  const { session, coordinator } = await readSession();
  const read = await request.post("/system/session", { data: { session_id: session.id }, headers: { Authorization: `Bearer ${coordinator.token}` } });
  expect(read.status()).toBe(200);

  await page.goto("/settings/audit");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  // Only visible fields: the streamed page can keep a hidden copy of its filter bar (seen in CI: two
  // "Action" inputs, one hidden), and typing then fails strict mode.
  const field = (label: string, exact = false) => page.getByLabel(label, { exact }).filter({ visible: true });
  const action = field("Action");
  await action.fill("session.");
  await action.press("Enter");
  await expect(page).toHaveURL(/action=session\./);
  await field("Actor").selectOption(coordinator.profile_id);
  await expect(page).toHaveURL(new RegExp(`actor_id=${coordinator.profile_id}`));

  const expected = await api<ListAuditResponse>(request, admin.token, "/system/audit", { action: "session.", actor_id: coordinator.profile_id });
  expect(expected.items.map((item) => item.target_id)).toEqual([session.id]);
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("session.read");
  await expect(rows.first()).toContainText(coordinator.name);
  await expect(rows.first().getByRole("link", { name: `Open session ${session.id}` })).toHaveAttribute("href", `/sessions/${session.id}`);

  // Another filter and a date window that excludes today empty the table; the URL keeps them all.
  await field("To", true).fill("2020-01-01");
  await expect(page).toHaveURL(/date_to=2020-01-01/);
  await expect(page.getByText("No audit entries match these filters.")).toBeVisible();
  await page.goBack();
  await expect(rows).toHaveCount(1);

  await lookAtEveryTheme(page, testInfo, "settings-audit");
});

test("a TA's access history downloads as a CSV and is itself audited", async ({ adminPage: page, admin, request }) => {
  const { db, ta, session, coordinator } = await readSession();
  await request.post("/system/session", { data: { session_id: session.id }, headers: { Authorization: `Bearer ${coordinator.token}` } });
  const purpose = `E2E FERPA request ${randomUUID().slice(0, 8)}`;

  await page.goto("/settings/audit");
  const form = page.getByRole("region", { name: "Export a TA's access history" });
  await form.getByLabel("TA").selectOption(ta.id);
  await form.getByLabel("Purpose").fill(purpose);
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^glow-access-history-${ta.id}-.*\\.csv$`));
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe(
    "created_at,relation,action,actor_id,actor_name,on_behalf_of_id,on_behalf_of_name,target_type,target_id,ip,request_id,user_agent,details,audit_id,login_id",
  );
  expect(
    lines.some((line) => line.includes(",accessed_their_record,session.read,") && line.includes(coordinator.profile_id) && line.includes(session.id)),
  ).toBe(true);
  // The login's user agent would be a formula in a spreadsheet: it is neutralised.
  expect(lines.some((line) => line.includes(",login,login.succeeded,") && line.includes("'=cmd|"))).toBe(true);
  expect(csv).not.toContain(",=cmd");

  const audit = await db.auditLog.findFirstOrThrow({ where: { action: "audit.access_history_export", target_id: ta.id } });
  expect(audit).toMatchObject({ actor_id: admin.profile_id, target_type: "profile", details: { purpose } });
});
