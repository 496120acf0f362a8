import { randomInt, randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/tests/api-helpers";
import { peerAddressHeader } from "./client-address";
import { authorizeCredentials } from "./credentials";
import type * as Password from "./password";
import { hashPassword, verifyPassword } from "./password";
import { gateCredentialsSignIn } from "./sign-in-gate";
import { signInPolicy } from "./sign-in-throttle";

// The gate in front of next-auth's credentials callback, with next-auth's own part played by
// authorizeCredentials (next-auth's handler needs a running Next.js; e2e/sign-in.spec.ts covers that).
// Before: the failure count was read before any failure was written, so 60 parallel attempts were
// all checked; and 10 failures from anywhere locked the account for 15 minutes.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof Password>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verify = vi.mocked(verifyPassword);

const run = randomUUID().slice(0, 8);
const secret = "correct horse battery staple";
const defaults = { ...signInPolicy };
let passwordHash: string;

/** An address no other test (nor an earlier run on the same database) uses: clean per-address counts. */
const addressBase = `2001:db8:${randomInt(0x10000).toString(16)}:${randomInt(0x10000).toString(16)}`;
let addresses = 0;
const freshAddress = () => `${addressBase}::${(++addresses).toString(16)}`;

async function account(name: string): Promise<string> {
  const email = `${name}-${run}-${randomUUID().slice(0, 6)}@test.glow.example`;
  await db().profile.create({ data: { name: `${name} ${run}`, email, access_level: "admin", password_hash: passwordHash } });
  return email;
}

async function attempt(email: string, password: string, address: string) {
  const request = new Request("http://glow.test/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [peerAddressHeader]: address },
    body: new URLSearchParams({ email, password, csrfToken: "x", json: "true" }),
  });
  const response = await gateCredentialsSignIn(request, async () => {
    const form = await request.formData();
    const user = await authorizeCredentials({ email: form.get("email"), password: form.get("password") }, request.headers);
    return Response.json({ url: user ? "http://glow.test/" : "http://glow.test/login?error=CredentialsSignin" }, { status: user ? 200 : 401 });
  });
  const body = response.status === 429 ? await response.clone().text() : "";
  return { status: response.status, retryAfter: Number(response.headers.get("retry-after") ?? 0), body };
}

beforeAll(async () => {
  passwordHash = await hashPassword(secret);
});
beforeEach(() => {
  verify.mockClear();
});
afterEach(() => Object.assign(signInPolicy, defaults));

describe("the sign-in gate", () => {
  it("counts parallel attempts as they arrive: of 60 at once only the free ones are checked", async () => {
    const email = await account("burst");
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(email, i === 59 ? secret : "wrong", address)));

    expect(verify).toHaveBeenCalledTimes(signInPolicy.freePerAccount);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(60 - signInPolicy.freePerAccount);
    for (const answer of refused) expect(answer.retryAfter).toBeGreaterThanOrEqual(1);
    // The next guess waits: the free attempts are used up and the first delay has started.
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}|${address}` } });
    expect(row.attempts).toBe(signInPolicy.freePerAccount);
  });

  it("slows an attacker down with growing delays, never a lock: once the wait is over the right password works", async () => {
    const email = await account("delay");
    const address = freshAddress();
    const waits: number[] = [];
    for (let i = 0; i < signInPolicy.freePerAccount + 3; i++) {
      expect((await attempt(email, "wrong", address)).status).toBe(401);
      const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}|${address}` } });
      waits.push(Math.round((row.next_attempt_at.getTime() - Date.now()) / 1000));
      // Lets the wait pass without sleeping through it.
      await db().signInThrottle.updateMany({ where: { key: { endsWith: address } }, data: { next_attempt_at: new Date(Date.now() - 1000) } });
    }
    expect(waits.slice(0, signInPolicy.freePerAccount - 1).every((w) => w <= 0)).toBe(true);
    expect(waits.slice(signInPolicy.freePerAccount - 1)).toEqual([1, 2, 4, 8]);

    expect((await attempt(email, secret, address)).status).toBe(200);
    expect(await db().signInThrottle.count({ where: { key: `account:${email}|${address}` } })).toBe(0);
  });

  it("does not let failures from one address slow the person down at another", async () => {
    const email = await account("victim");
    const attacker = freshAddress();
    for (let i = 0; i < 12; i++) await attempt(email, "wrong", attacker);
    expect((await attempt(email, secret, attacker)).status).toBe(429);
    expect((await attempt(email, secret, freshAddress())).status).toBe(200);
  });

  it("limits one address working through many emails", async () => {
    signInPolicy.freePerAddress = 4;
    const address = freshAddress();
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await attempt(`nobody-${i}-${run}@test.glow.example`, "guess", address);
      statuses.push(answer.status === 429 ? `429 (${answer.retryAfter} s)` : String(answer.status));
    }
    expect(statuses).toEqual(["401", "401", "401", "401", "429 (1 s)", "429 (1 s)"]);
    // Another address is not affected.
    const other = freshAddress();
    const answer = await attempt(`nobody-0-${run}@test.glow.example`, "guess", other);
    expect(answer.status, `${other} ${JSON.stringify(await db().signInThrottle.findMany({ where: { key: { contains: other } } }))}`).toBe(401);
  });

  it("gives successful sign-ins back to the address, so an office behind one address is never slowed", async () => {
    signInPolicy.freePerAddress = 2;
    const address = freshAddress();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await attempt(await account(`office${i}`), secret, address);
      statuses.push(answer.status === 429 ? `429 ${answer.body}` : String(answer.status));
    }
    expect(statuses, JSON.stringify(await db().signInThrottle.findMany({ where: { key: { contains: address } } }))).toEqual([
      "200",
      "200",
      "200",
      "200",
      "200",
    ]);
  });

  it("refuses at once with 429 when password hashing is saturated", async () => {
    const { signInHashSlots } = await import("./hash-slots");
    // One attempt hashing and a full queue behind it, as a burst on other accounts would leave it.
    const hashing = await signInHashSlots.acquire();
    const queued = Array.from({ length: signInHashSlots.maxWaiting }, () => signInHashSlots.acquire().then((release) => release?.()));
    try {
      const answer = await attempt(await account("busy"), secret, freshAddress());
      expect(answer).toMatchObject({ status: 429, retryAfter: 1, body: expect.stringContaining("busy") });
      expect(verify).not.toHaveBeenCalled();
    } finally {
      hashing?.();
      await Promise.all(queued);
    }
  });
});
