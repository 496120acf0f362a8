import { test as base, expect, type Page } from "@playwright/test";
import { createUser, signInThroughApi, type E2eUser } from "./support/users";

interface Fixtures {
  admin: E2eUser;
  /** A browser page signed in as `admin`. */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  admin: async ({}, provide) => {
    await provide(await createUser("admin"));
  },
  adminPage: async ({ page, admin }, provide) => {
    await signInThroughApi(page.request, admin);
    await provide(page);
  },
});

export { expect };
