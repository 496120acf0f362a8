import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorFromProfile } from "@/lib/auth/load-actor";
import { hashApiToken } from "@/lib/auth/api-token";
import { prisma } from "@/lib/db";
import { ApiError } from "./errors";

// last_used_at is kept to the minute: exact enough to spot stale tokens, one write per minute at most.
const lastUsedResolutionMs = 60_000;

/** The actor behind `Authorization: Bearer <token>`; 401 for a missing, unknown, expired or revoked token. */
export async function authenticateBearer(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError("unauthorized", "Send an API token as `Authorization: Bearer <token>`.", undefined, {
      "WWW-Authenticate": 'Bearer realm="glow"',
    });
  }
  const token = await tokenWithProfile(hashApiToken(match[1]));
  const now = new Date();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now) || token.profile.disabled_at) {
    throw new ApiError("unauthorized", "The API token is unknown, expired or revoked.", undefined, {
      "WWW-Authenticate": 'Bearer realm="glow", error="invalid_token"',
    });
  }
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > lastUsedResolutionMs) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { last_used_at: now } });
  }
  return actorFromProfile(token.profile, { token_id: token.id, token_scopes: token.scopes });
}

interface TokenRow {
  id: string;
  scopes: string[];
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  profile_id: string;
  name: string;
  email: string;
  access_level: Actor["access_level"];
  department_id: string | null;
  disabled_at: Date | null;
  scoped_department_ids: string[];
}

/**
 * The token and the profile it acts for, with the profile's departments, in one statement: every
 * API request starts here, and Prisma's include would take three round trips (about 2x the time).
 */
async function tokenWithProfile(tokenHash: string) {
  const [row] = await prisma.$queryRaw<TokenRow[]>`
    SELECT t.id::text AS id, t.last_used_at, t.expires_at, t.revoked_at, t.scopes, p.id::text AS profile_id, p.name, p.email,
           p.access_level::text AS access_level, p.department_id, p.disabled_at,
           ARRAY(SELECT s.department_id FROM profile_department_scopes s WHERE s.profile_id = p.id) AS scoped_department_ids
    FROM api_tokens t JOIN profiles p ON p.id = t.profile_id
    WHERE t.token_hash = ${tokenHash}`;
  if (!row) return null;
  return {
    ...row,
    profile: {
      id: row.profile_id,
      name: row.name,
      email: row.email,
      access_level: row.access_level,
      department_id: row.department_id,
      disabled_at: row.disabled_at,
      scoped_departments: row.scoped_department_ids.map((department_id) => ({ department_id })),
    },
  };
}

/**
 * Reads one kind of credential. Answers null when the request carries no credential of its kind, so
 * the next authenticator can try; throws (401) when it carries one that is not valid.
 */
export type Authenticator = (request: Request) => Promise<Actor | null>;

const sessionCookie = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/**
 * The dashboard's signed-in session. A cookie rides along on cross-site requests too, so a request
 * that is not a plain GET must come from our own origin (Bearer calls need no such check).
 */
async function authenticateSessionCookie(request: Request): Promise<Actor | null> {
  if (!sessionCookie.test(request.headers.get("cookie") ?? "")) return null;
  if (request.method !== "GET" && request.method !== "HEAD") {
    const origin = request.headers.get("origin");
    const allowed = new Set([new URL(request.url).origin, process.env.NEXTAUTH_URL && new URL(process.env.NEXTAUTH_URL).origin]);
    if (!origin || !allowed.has(origin)) {
      throw new ApiError("forbidden", "Cross-site request refused: send it from the dashboard or use an API token.");
    }
  }
  // Loaded on first use: a Bearer call never needs next-auth, and scripts that run route handlers
  // outside Next.js (npm run bench) cannot load it.
  const { browserActor } = await import("@/lib/auth/browser-actor");
  const actor = await browserActor();
  if (!actor) throw new ApiError("unauthorized", "Your session has ended: sign in again.");
  return actor;
}

// Bearer first: a script's explicit token wins over any cookie a browser might also send.
const authenticators: readonly Authenticator[] = [
  async (request) => (request.headers.has("authorization") ? authenticateBearer(request) : null),
  authenticateSessionCookie,
];

/** The actor behind whichever credential the request carries; 401 when it carries none. */
export async function authenticate(request: Request): Promise<Actor> {
  for (const authenticator of authenticators) {
    const actor = await authenticator(request);
    if (actor) return actor;
  }
  // No credential of any kind: Bearer's 401 (with its WWW-Authenticate challenge) is the answer.
  return authenticateBearer(request);
}
