import { randomBytes } from "node:crypto";
import { hashApiToken } from "@/lib/auth/api-token";

// Like API tokens: 256 random bits, so a fast sha256 is a safe way to store them. No "glow_" prefix,
// so an invitation can never be mistaken for (or tried as) an API token.
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface NewInvite {
  token: string;
  invite_token_hash: string;
  invite_expires_at: Date;
}

export function generateInvite(now = new Date()): NewInvite {
  const token = randomBytes(32).toString("base64url");
  return { token, invite_token_hash: hashInviteToken(token), invite_expires_at: new Date(now.getTime() + inviteLifetimeMs) };
}

export function hashInviteToken(token: string): string {
  return hashApiToken(token);
}

/** Only the shape generateInvite makes: anything else is refused before touching the database. */
export function looksLikeInviteToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Absolute, so it can be pasted into an email: the configured public address, else where the request came in. */
export function inviteUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/invite/${token}`;
}
