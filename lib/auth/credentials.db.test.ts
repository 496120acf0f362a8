import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/tests/api-helpers";
import { authorizeCredentials } from "./credentials";
import type * as Password from "./password";
import { hashPassword, verifyPassword } from "./password";

// Whether an account exists must not show in how long a refusal takes: every attempt that is not
// throttled runs one password hash, against the account's hash or a dummy one. Counting the hashes
// proves it without a timing test (a hash is about 50 ms; refusals took 28 ms vs 569 ms before).
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof Password>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verify = vi.mocked(verifyPassword);

const run = randomUUID().slice(0, 8);
const secret = "correct horse battery staple";
const headers = new Headers({ "user-agent": "vitest" });
let known: string;
let disabled: string;

beforeAll(async () => {
  const password_hash = await hashPassword(secret);
  const make = (name: string, extra: { disabled_at?: Date } = {}) =>
    db().profile.create({
      data: { name: `${name} ${run}`, email: `${name}-${run}@test.glow.example`, access_level: "admin", password_hash, ...extra },
    });
  known = (await make("known")).email;
  disabled = (await make("disabled", { disabled_at: new Date() })).email;
});

beforeEach(() => {
  verify.mockClear();
});

describe("authorizeCredentials", () => {
  it("signs in with the right password, checking it once", async () => {
    expect(await authorizeCredentials({ email: ` ${known.toUpperCase()} `, password: secret }, headers)).toMatchObject({ email: known });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["an unknown email", () => `nobody-${run}@test.glow.example`, secret],
    ["a wrong password", () => known, "wrong"],
    ["a disabled account", () => disabled, secret],
  ])("refuses %s after the same single password hash", async (_, email, given) => {
    expect(await authorizeCredentials({ email: email(), password: given }, headers)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(1);
    const [, stored] = verify.mock.calls[0]!;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});
