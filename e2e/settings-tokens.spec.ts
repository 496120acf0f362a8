// The API tokens page (/settings/tokens): a token created in the dialog is shown once and works as
// a Bearer token; revoking it in the page cuts it off at once; filters live in the URL.
import { randomUUID } from "node:crypto";
import { expect as baseExpect, test } from "./fixtures";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const createdNames: string[] = [];
// Tokens are not audit rows: this spec's own can go again, so the shared list does not fill up.
test.afterAll(async () => {
  const db = await e2eDb();
  await db.apiToken.deleteMany({ where: { name: { in: createdNames } } });
});

test("create a token, read it once, use it, revoke it, and it stops working", async ({ adminPage: page, admin, request }, testInfo) => {
  const name = `e2e token ${randomUUID().slice(0, 8)}`;
  createdNames.push(name);
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByLabel("Acts as")).toHaveValue(admin.profile_id);
  await dialog.getByLabel("Expires after").selectOption("30");
  await expect(dialog.getByLabel(/Read the API/)).toBeChecked();
  await dialog.getByLabel(/Send data/).check();
  await dialog.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByRole("dialog", { name: "Copy your new token" });
  await expect(shown.getByRole("status")).toContainText("shown only once");
  const token = await shown.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^glow_/);

  const activity = () => request.post("/system/activity", { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect((await activity()).status()).toBe(200);

  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  const row = page.locator("table tbody tr", { hasText: name });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(admin.name);
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText("read, ingest");
  // The token is never shown again: not in the table, not after a reload.
  await page.reload();
  await expect(page.locator("body")).not.toContainText(token);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke “${name}”?` });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await activity()).status()).toBe(401);

  const db = await e2eDb();
  expect(await db.auditLog.count({ where: { action: { in: ["token.create", "token.revoke"] }, actor_id: admin.profile_id } })).toBe(2);

  await page.getByLabel("Status").selectOption("revoked");
  await expect(page).toHaveURL(/status=revoked/);
  await expect(page.locator("table tbody tr", { hasText: name })).toBeVisible();
  await page.getByLabel("Owner").selectOption(admin.profile_id);
  await expect(page).toHaveURL(new RegExp(`profile_id=${admin.profile_id}`));
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await page.getByLabel("Status").selectOption("active");
  await expect(page).toHaveURL(/status=active/);
  // The fixture's own token is the admin's only active one.
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expect(page.locator("table tbody tr").first()).toContainText("e2e");

  await page.goto("/settings/tokens");
  await lookAtEveryTheme(page, testInfo, "settings-tokens");
});

test("a name the API refuses is explained in the dialog", async ({ adminPage: page }) => {
  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  // Only spaces pass the browser's `required` but not the API's trim + min(1).
  await dialog.getByLabel("Name").fill("   ");
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByRole("alert").first()).toContainText("name must not be empty");
});
