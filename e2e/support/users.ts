import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import type { AccessLevel } from "@/lib/generated/prisma/enums";
import { generateApiToken } from "@/lib/auth/api-token";
import { hashPassword } from "@/lib/auth/password";
import { e2eDb } from "./database";

export interface E2eUser {
  profile_id: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

/** A fresh account with a password and an API token; department defaults to the demo's dept-cs. */
export async function createUser(
  access_level: AccessLevel,
  options: { department_id?: string; scoped_department_ids?: string[] } = {},
): Promise<E2eUser> {
  const db = await e2eDb();
  const suffix = randomUUID().slice(0, 8);
  const password = `pw-${randomUUID()}`;
  const token = generateApiToken();
  const profile = await db.profile.create({
    data: {
      name: `E2E ${access_level} ${suffix}`,
      email: `e2e-${access_level}-${suffix}@test.glow.example`,
      access_level,
      password_hash: await hashPassword(password),
      department_id: options.department_id ?? "dept-cs",
      scoped_departments: options.scoped_department_ids
        ? { create: options.scoped_department_ids.map((department_id) => ({ department_id })) }
        : undefined,
      api_tokens: { create: { name: "e2e", token_hash: token.token_hash, token_prefix: token.token_prefix } },
    },
  });
  return { profile_id: profile.id, name: profile.name, email: profile.email, password, token: token.token };
}

/** Signs in through next-auth's credentials endpoint (not the form), leaving the cookie in `request`. */
export async function signInThroughApi(request: APIRequestContext, user: E2eUser): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
}
