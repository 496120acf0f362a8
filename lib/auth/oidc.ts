import "server-only";
import type { Account, Profile, User } from "next-auth";
import { headers } from "next/headers";
import { prisma } from "@/lib/db";
import { clientAddress } from "./client-address";
import { oidcProviderId, type OidcClaims } from "./oidc-provider";

/** The `?error=` code next-auth puts on /login when the signIn callback refuses (pages.error is /login). */
export const ssoRefusedError = "AccessDenied";

/**
 * Decides an SSO sign-in: only an existing, enabled profile whose email equals the IdP's `email`
 * claim (case-insensitively) gets in; admins create accounts, SSO never does. Every attempt is
 * recorded in `logins`, refused ones too. On success the next-auth user is rewritten to the Glow
 * profile, so the jwt callback stores the same claims as a password sign-in.
 */
export async function admitSsoSignIn(user: User, account: Account | null, claims: Profile | undefined): Promise<boolean> {
  if (account?.provider !== oidcProviderId) return true;
  const idTokenClaims = claims as Partial<OidcClaims> | undefined;
  const email = String(idTokenClaims?.email ?? "")
    .trim()
    .toLowerCase();
  // An IdP that says the address is unverified does not prove the person owns it.
  const verified = idTokenClaims?.email_verified !== false;

  const requestHeaders = await headers();
  const profile = email ? await prisma.profile.findFirst({ where: { email: { equals: email, mode: "insensitive" } } }) : null;
  const ok = !!profile && !profile.disabled_at && verified;
  await prisma.login.create({
    data: {
      email,
      profile_id: profile?.id ?? null,
      succeeded: ok,
      ip: clientAddress(requestHeaders),
      user_agent: requestHeaders.get("user-agent")?.slice(0, 500) ?? null,
    },
  });
  if (!ok || !profile) return false;
  // Without an adapter next-auth hands this very object to the jwt callback as `user`.
  Object.assign(user, { id: profile.id, name: profile.name, email: profile.email, auth_version: profile.auth_version });
  return true;
}
