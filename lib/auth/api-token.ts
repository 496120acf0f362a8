import { createHash, randomBytes } from "node:crypto";

// Tokens carry 256 random bits, so a fast hash is enough to store them safely (no brute force is
// feasible); passwords, which people choose, use the slow hash in password.ts instead.
const tokenPrefix = "glow_";

export interface NewApiToken {
  token: string;
  token_hash: string;
  token_prefix: string;
}

export function generateApiToken(): NewApiToken {
  const token = `${tokenPrefix}${randomBytes(32).toString("base64url")}`;
  return { token, token_hash: hashApiToken(token), token_prefix: token.slice(0, tokenPrefix.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(tokenPrefix) && value.length > tokenPrefix.length + 20;
}
