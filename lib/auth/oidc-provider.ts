import type { OAuthConfig } from "next-auth/providers/oauth";

/** University single sign-on, switched on by environment variables (see README "Single sign-on"). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

/** The ID token claims Glow reads; the IdP's `email` is what matches a Glow profile. */
export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export const oidcProviderId = "oidc";

/** The SSO settings, or null unless the issuer, client id and client secret are all set. */
export function oidcSettingsFromEnv(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const issuer = env.GLOW_OIDC_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = env.GLOW_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.GLOW_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.GLOW_OIDC_NAME?.trim() || "University SSO" };
}

export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: oidcProviderId,
    name: settings.name,
    type: "oauth",
    issuer: settings.issuer,
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    // Only the claims: whether this person may sign in is decided against the profiles table in
    // the signIn callback (lib/auth/oidc.ts), which also swaps in the Glow profile id.
    profile: (claims) => ({ id: claims.sub, email: claims.email?.trim().toLowerCase() ?? null, name: claims.name ?? null }),
  };
}
