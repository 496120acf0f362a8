import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endOpenEmulations } from "@/lib/emulation/mutations";
import { authorizeCredentials } from "./credentials";
import { admitSsoSignIn } from "./oidc";
import { oidcProvider, oidcSettingsFromEnv } from "./oidc-provider";

// Browser sessions are JWTs in an httpOnly cookie. The cookie expires after the idle timeout unless
// the signed-in person keeps using the dashboard; the absolute lifetime and the per-user
// auth_version are checked on every request (lib/auth/browser-actor.ts), so a disabled user or a
// changed access level is cut off on the next click.
export const idleTimeoutSeconds = Number(process.env.GLOW_SESSION_IDLE_MINUTES ?? 60) * 60;
export const absoluteLifetimeSeconds = Number(process.env.GLOW_SESSION_MAX_HOURS ?? 12) * 3600;

const oidcSettings = oidcSettingsFromEnv();

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: idleTimeoutSeconds, updateAge: 5 * 60 },
  // Errors (a refused SSO sign-in among them) land on the login page as `?error=<code>`.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, new Headers(request?.headers as Record<string, string> | undefined)),
    }),
    ...(oidcSettings ? [oidcProvider(oidcSettings)] : []),
  ],
  events: {
    async signIn({ user }) {
      await endOpenEmulations(user.id, "sign_in");
    },
    async signOut({ token }) {
      if (typeof token?.profile_id === "string") await endOpenEmulations(token.profile_id, "sign_out");
    },
  },
  callbacks: {
    signIn: ({ user, account, profile }) => admitSsoSignIn(user, account, profile),
    jwt({ token, user }) {
      if (user) {
        token.profile_id = user.id;
        token.auth_version = (user as { auth_version?: number }).auth_version ?? 0;
        token.signed_in_at = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, profile_id: token.profile_id, auth_version: token.auth_version, signed_in_at: token.signed_in_at };
    },
  },
};
