import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { e2eDb } from "./support/database";
import { createUser } from "./support/users";

// The answers' security headers, sign-in throttling through the real server, and the 404 page.

const fixedHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

test("pages carry a nonce-based Content-Security-Policy and still work under it", async ({ page, admin }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/login");
  const headers = first?.headers() ?? {};
  expect(headers).toMatchObject(fixedHeaders);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  // Next.js put this request's nonce on its own scripts.
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.locator("script[src]").evaluateAll((scripts) => scripts.every((s) => (s as HTMLScriptElement).nonce !== ""))).toBe(true);
  expect(nonce).toBeTruthy();
  // A fresh nonce every time.
  const second = await page.request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // Hydration ran under the policy: the form signs in through client-side JavaScript.
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(admin.name)).toBeVisible();
  expect(violations).toEqual([]);
});

test("API answers carry the fixed headers and a policy that makes them inert as documents", async ({ request }) => {
  const response = await request.post("/system/activity", { data: {} });
  expect(response.status()).toBe(401);
  expect(response.headers()).toMatchObject(fixedHeaders);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
});

async function signInAttempt(request: APIRequestContext, email: string, password: string, forwardedFor?: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
}

test("repeated wrong passwords are slowed down with 429 and Retry-After, whatever X-Forwarded-For says", async ({ request, page }, testInfo) => {
  const user = await createUser("coordinator");
  // The free attempts, each from a different claimed address: no proxy is trusted, so they all count as one.
  for (let i = 0; i < 5; i++) {
    expect((await signInAttempt(request, user.email, "wrong password", `203.0.113.${i}`)).status()).toBe(401);
  }
  const refused = await signInAttempt(request, user.email, user.password, "198.51.100.77");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });

  // The form says what happened and how long to wait. The first delay is a second, gone by the time
  // the page loads, so the delay a persistent attacker would have earned is set directly.
  const db = await e2eDb();
  await db.$executeRaw`UPDATE sign_in_throttles SET next_attempt_at = now() + interval '5 minutes' WHERE key LIKE ${`account:${user.email}|%`}`;
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText("Too many sign-in attempts. Try again in 5 minutes.");
  await page.screenshot({ path: testInfo.outputPath("login-throttled.png"), fullPage: true });
});

test("an unknown address is a 404 page in the dashboard's frame, with a way back", async ({ adminPage: page }, testInfo) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation").first()).toBeVisible();
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/no-such-page");
  await page.screenshot({ path: testInfo.outputPath("not-found.png"), fullPage: true });
});

test("a NUL byte in a page's query is a 400 naming the parameter, not a 500", async ({ adminPage: page }) => {
  for (const path of ["/sessions?department_ids=%00", "/activity?department_ids=dept-%00cs"]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('"department_ids"');
  }
});
