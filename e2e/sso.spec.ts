// University single sign-on against a real OpenID Connect provider (scripts/mock-idp.ts, started by
// scripts/e2e-server.ts): only existing, enabled profiles get in, and every attempt is a `logins` row.
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { e2eDb } from "./support/database";
import { lookAtEveryTheme } from "./support/looks";
import { createUser } from "./support/users";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const ssoButton = (page: Page) => page.getByRole("button", { name: /^Sign in with / });

/** Plays the person at the IdP: the mock IdP puts the `login_hint` into the ID token's email claim. */
async function signInAtIdpAs(page: Page, email: string): Promise<void> {
  await page.route(
    (url) => url.pathname === "/authorize",
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("login_hint", email);
      return route.continue({ url: url.href });
    },
  );
  await page.goto("/login");
  await ssoButton(page).click();
}

async function loginsFor(email: string) {
  const db = await e2eDb();
  return db.login.findMany({ where: { email: email.toLowerCase() }, orderBy: { created_at: "asc" } });
}

test("an existing user signs in through the SSO button and lands on the dashboard", async ({ page }, testInfo) => {
  const user = await createUser("coordinator");
  await page.goto("/login");
  await expect(ssoButton(page)).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "login-with-sso");

  // The IdP's spelling of the address differs in case; it is still the same person.
  await signInAtIdpAs(page, user.email.toUpperCase());
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  // The shell shows who is signed in only when browserActor() accepted the JWT's claims.
  await expect(page.getByRole("banner").getByText(user.name)).toBeVisible();

  const logins = await loginsFor(user.email);
  expect(logins).toHaveLength(1);
  expect(logins[0]).toMatchObject({ profile_id: user.profile_id, succeeded: true });
  expect(logins[0]?.user_agent).toContain("Chrome");
});

test("an email without a Glow account is refused with a message and recorded", async ({ page }, testInfo) => {
  const email = `nobody-${Date.now()}@university.example`;
  await signInAtIdpAs(page, email);
  await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: "no active Glow Admin account uses that email" })).toBeVisible();
  await lookAtEveryTheme(page, testInfo, "login-sso-refused");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  const logins = await loginsFor(email);
  expect(logins).toHaveLength(1);
  expect(logins[0]).toMatchObject({ profile_id: null, succeeded: false });
});

test("a disabled user is refused and the attempt is recorded against their profile", async ({ page }) => {
  const user = await createUser("ta");
  const db = await e2eDb();
  await db.profile.update({ where: { id: user.profile_id }, data: { disabled_at: new Date(), auth_version: { increment: 1 } } });
  await signInAtIdpAs(page, user.email);
  await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: "no active Glow Admin account" })).toBeVisible();

  const logins = await loginsFor(user.email);
  expect(logins).toHaveLength(1);
  expect(logins[0]).toMatchObject({ profile_id: user.profile_id, succeeded: false });
});
