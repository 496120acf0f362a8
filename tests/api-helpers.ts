// Calling route handlers in-process, as an API consumer would over HTTP, with real tokens.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AccessLevel } from "@/lib/generated/prisma/enums";
import { generateApiToken } from "@/lib/auth/api-token";
import { createPrismaClient } from "@/lib/db/client";

let testPrisma: PrismaClient | undefined;

/** A client on the test run's database (the same one the route handlers use). */
export function db(): PrismaClient {
  testPrisma ??= createPrismaClient(process.env.DATABASE_URL ?? "", 4);
  return testPrisma;
}

export interface TestActor {
  profile_id: string;
  name: string;
  token: string;
  token_id: string;
}

/** A profile of the given access level with a fresh API token; unique on every call. */
export async function createActor(
  access_level: AccessLevel,
  options: { department_id?: string; scoped_department_ids?: string[]; name?: string } = {},
): Promise<TestActor> {
  const suffix = randomUUID().slice(0, 8);
  const token = generateApiToken();
  const profile = await db().profile.create({
    data: {
      name: options.name ?? `Test ${access_level} ${suffix}`,
      email: `${access_level}-${suffix}@test.glow.example`,
      access_level,
      department_id: options.department_id,
      scoped_departments: options.scoped_department_ids
        ? { create: options.scoped_department_ids.map((department_id) => ({ department_id })) }
        : undefined,
    },
  });
  const row = await db().apiToken.create({
    data: { profile_id: profile.id, name: "test", token_hash: token.token_hash, token_prefix: token.token_prefix },
  });
  return { profile_id: profile.id, name: profile.name, token: token.token, token_id: row.id };
}

type RouteHandler = (request: Request) => Promise<Response>;

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** A raw body string instead of JSON-encoding `body`. */
  rawBody?: string;
  /** Aborts the request, as a client going away does. */
  signal?: AbortSignal;
}

/** POSTs `body` to a route handler the way curl in the spec does. */
export async function call(handler: RouteHandler, path: string, body: unknown, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  return handler(
    new Request(`http://glow.test${path}`, {
      method: "POST",
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: options.signal,
    }),
  );
}

/** POSTs and parses the JSON answer, failing loudly on a status other than `expectedStatus`. */
export async function callJson<T = unknown>(
  handler: RouteHandler,
  path: string,
  body: unknown,
  options: CallOptions & { expectedStatus?: number } = {},
): Promise<T> {
  const response = await call(handler, path, body, options);
  const text = await response.text();
  const expected = options.expectedStatus ?? 200;
  if (response.status !== expected) throw new Error(`${path} answered ${response.status}, expected ${expected}: ${text}`);
  return JSON.parse(text) as T;
}
