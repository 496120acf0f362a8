/// <reference types="vite/client" />
// Every endpoint of the contract, called by every role with bodies generated from its own schema
// and then made hostile (lib/contract/arbitrary-body.ts): never a 500, never a stack trace or SQL
// in an answer, every refusal in the error contract. Before: a NUL byte in any string field and
// malformed dashboard dates answered 500.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { errorResponseSchema } from "@/lib/api/errors";
import { call, createActor, type TestActor } from "@/tests/api-helpers";
import { hostileBody } from "./arbitrary-body";
import { endpoints } from "./endpoints";

type Handler = (request: Request) => Promise<Response>;
const routeModules = import.meta.glob<{ POST: Handler }>("/app/**/route.ts");

async function handlerFor(path: string): Promise<Handler> {
  const load = routeModules[`/app${path}/route.ts`];
  if (!load) throw new Error(`no route module for ${path}`);
  return (await load()).POST;
}

// Anything that tells an attacker how the server is built.
const leaks = [
  /\n\s+at [\w.<>]+ \(/,
  /prisma/i,
  /postgres/i,
  /\bSELECT\b.*\bFROM\b/i,
  /invalid byte sequence/i,
  /node_modules/,
  /TypeError|RangeError/,
];

const roles = ["admin", "coordinator", "ta"] as const;
let actors: Record<(typeof roles)[number], TestActor>;

beforeAll(async () => {
  actors = { admin: await createActor("admin"), coordinator: await createActor("coordinator"), ta: await createActor("ta") };
});

// Bulk maintenance re-derives every summary: a few calls prove the point.
const runsFor = (path: string) => (path === "/system/refresh" ? 2 : path === "/system/export" ? 12 : 40);

describe.each(endpoints.map((endpoint) => [endpoint.path, endpoint] as const))("%s", (path, endpoint) => {
  it.each(roles)("answers every generated or hostile body without a 500 or a leak, as %s", async (role) => {
    const handler = await handlerFor(path);
    await fc.assert(
      fc.asyncProperty(hostileBody(endpoint.body), async (body) => {
        const response = await call(handler, path, body, { token: actors[role].token });
        const type = response.headers.get("content-type") ?? "";
        if (!type.includes("json")) {
          await response.body?.cancel();
          expect(response.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(400);
          return;
        }
        const text = await response.text();
        expect(response.status, `${JSON.stringify(body).slice(0, 300)} -> ${text.slice(0, 300)}`).toBeLessThan(500);
        for (const leak of leaks) expect(text).not.toMatch(leak);
        if (response.status >= 400) expect(errorResponseSchema.safeParse(JSON.parse(text)).success).toBe(true);
      }),
      { seed: 20261130, numRuns: runsFor(path) },
    );
  });
});
