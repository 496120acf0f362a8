// /settings/users and /invite/<token>: an admin adds a user, hands over the invitation link, the
// person sets a password and signs in through the form; disabling them cuts their session off.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { UserInviteResponse } from "@/lib/users/schemas";
import { expect as baseExpect, test } from "./fixtures";
import { api } from "./support/api";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { settle, trackRequests } from "./support/settle";

const expect = baseExpect.configure({ timeout: 20_000 });
// Screenshots in four looks of three pages against a dev server take minutes on a busy machine.
test.describe.configure({ timeout: 480_000 });

async function open(page: Page, path: string): Promise<void> {
  trackRequests(page);
  await page.goto(path);
  await settle(page);
}

test("an admin invites a user who sets a password, signs in, and is cut off when disabled", async ({ adminPage: page, browser, baseURL }) => {
  const suffix = randomUUID().slice(0, 8);
  const name = `Invitee ${suffix}`;
  const email = `invitee-${suffix}@test.glow.example`;
  const password = `long enough ${randomUUID()}`;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  await open(page, "/settings/users");
  await expect(page.getByRole("heading", { name: "Users", level: 2 })).toBeVisible();

  // The form names the offending field next to it: a duplicate email is refused by the API.
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Email").fill(`  ${email.toUpperCase()} `);
  await dialog.getByLabel("Access level").selectOption("ta");
  await dialog.getByLabel("Department").selectOption("dept-cs");
  await dialog.getByLabel("TA role").selectOption("graduate_ta");
  await dialog.getByRole("button", { name: "Add and create invitation" }).click();

  const added = page.getByRole("dialog", { name: `${name} was added` });
  const link = added.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await added.getByRole("button", { name: "Copy link" }).click();
  await expect(added.getByText("Copied to the clipboard.")).toBeVisible();
  const inviteUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(inviteUrl).toBe(await link.inputValue());
  await added.getByRole("button", { name: "Done" }).click();

  // The new row is in the table (refreshed after the mutation), invited, with the email lower-cased.
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(suffix);
  await expect(page).toHaveURL(new RegExp(`search=${suffix}`));
  const row = page.locator("tbody tr", { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(email);
  await expect(row).toContainText("Invited");
  await expect(row).toContainText("Graduate TA");

  // A duplicate email names the field.
  await page.getByRole("button", { name: "Add user" }).click();
  const again = page.getByRole("dialog", { name: "Add user" });
  await again.getByLabel("Name").fill(`${name} twice`);
  await again.getByLabel("Email").fill(email);
  await again.getByRole("button", { name: "Add and create invitation" }).click();
  await expect(again.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(again.getByText("This email is already in use")).toBeVisible();
  await again.getByRole("button", { name: "Cancel" }).click();

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext({ baseURL });
  const theirs = await invitee.newPage();
  try {
    await open(theirs, inviteUrl);
    await expect(theirs.getByRole("heading", { name: "Welcome to Glow Admin" })).toBeVisible();
    await expect(theirs.getByText(email)).toBeVisible();

    await theirs.getByLabel("New password").fill("too short");
    await theirs.getByLabel("Repeat the password").fill("too short");
    await theirs.getByRole("button", { name: "Set password" }).click();
    await expect(theirs.getByText("at least 12 characters")).toBeVisible();
    await theirs.getByLabel("New password").fill(password);
    await theirs.getByLabel("Repeat the password").fill(`${password}x`);
    await theirs.getByRole("button", { name: "Set password" }).click();
    await expect(theirs.getByText("The passwords do not match")).toBeVisible();
    await theirs.getByLabel("New password").fill(password);
    await theirs.getByLabel("Repeat the password").fill(password);
    await theirs.getByRole("button", { name: "Set password" }).click();
    await theirs.waitForURL(/\/login\?notice=password_set/);

    await theirs.getByLabel("Email").fill(email);
    await theirs.getByLabel("Password").fill(password);
    await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
    await theirs.waitForURL((url) => url.pathname === "/");
    await expect(theirs.getByRole("link", { name: "Sessions" })).toBeVisible();

    // The link was single-use.
    const reused = await invitee.newPage();
    await open(reused, inviteUrl);
    await expect(reused.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
    await reused.close();

    // The admin disables them; the row says so and the audit trail has every step.
    await page.reload();
    await settle(page);
    const active = page.locator("tbody tr", { hasText: name });
    await expect(active).toContainText("Active");
    await active.getByRole("button", { name: `Disable ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Disable ${name}?` });
    await confirm.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(active).toContainText("Disabled");
    const db = await e2eDb();
    const profile = await db.profile.findUniqueOrThrow({ where: { email } });
    const actions = (await db.auditLog.findMany({ where: { target_type: "profile", target_id: profile.id }, orderBy: { created_at: "asc" } })).map(
      (r) => r.action,
    );
    expect(actions).toEqual(["user.create", "user.accept_invite", "user.update"]);

    // Their next click lands on the sign-in page.
    await theirs.getByRole("link", { name: "Sessions" }).click();
    await theirs.waitForURL(/\/login/);
    await expect(theirs.getByRole("heading", { name: "Sign in to Glow Admin" })).toBeVisible();
  } finally {
    await invitee.close();
  }
});

test("the users page, the invitation page and the invalid-link page in every look", async ({
  adminPage: page,
  admin,
  browser,
  baseURL,
}, testInfo) => {
  const suffix = randomUUID().slice(0, 8);
  const created = await api<UserInviteResponse>(page.request, admin.token, "/system/users/create", {
    name: `Looks ${suffix}`,
    email: `looks-${suffix}@test.glow.example`,
    access_level: "coordinator",
    department_id: "dept-cs",
    scoped_department_ids: ["dept-eng"],
  });

  await open(page, `/settings/users?search=${suffix}`);
  await expect(page.locator("tbody tr", { hasText: `Looks ${suffix}` })).toContainText("Also: ");
  await lookAtEveryTheme(page, testInfo, "settings-users");
  await page.getByRole("button", { name: `Edit access of Looks ${suffix}` }).click();
  const edit = page.getByRole("dialog", { name: `Access of Looks ${suffix}` });
  await expect(edit.getByRole("group", { name: "Also covers" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("settings-users-edit.png") });

  const visitor = await browser.newContext({ baseURL });
  try {
    const invite = await visitor.newPage();
    await open(invite, created.invite_url);
    await expect(invite.getByRole("heading", { name: "Welcome to Glow Admin" })).toBeVisible();
    await lookAtEveryTheme(invite, testInfo, "invite");
    await open(invite, `/invite/${"x".repeat(43)}`);
    await expect(invite.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
    await lookAtEveryTheme(invite, testInfo, "invite-invalid");
  } finally {
    await visitor.close();
  }
});

test("settings are not there for coordinators", async ({ page }) => {
  const { createUser, signInThroughApi } = await import("./support/users");
  const coordinator = await createUser("coordinator");
  await signInThroughApi(page.request, coordinator);
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(404);
});
